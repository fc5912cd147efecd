package cnibench.module.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Module arguments written inline: Args.of("path", "/x", "state", "directory"). */
final class Args {
    private Args() {
    }

    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
