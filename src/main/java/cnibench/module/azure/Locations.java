package cnibench.module.azure;

import java.util.Locale;

/** Azure accepts "West Europe" and returns "westeurope": both are compared in the short form. */
final class Locations {
    private Locations() {
    }

    static String normalize(String location) {
        return location == null ? null : location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
