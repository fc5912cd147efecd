package cnibench.k8segress;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared upstream reference data (shared/reference), found from the project directory upwards, or in /work. */
final class ReferenceFiles {
    static final Path ANTREA_MANIFEST = file("antrea-v2.7.0/antrea.yml");
    static final Path ANTREA_EGRESS_CRD = file("antrea-v2.7.0/egress-crd.yaml");
    static final Path ANTREA_POOL_CRD = file("antrea-v2.7.0/externalippool-crd.yaml");
    static final Path CILIUM_EGRESS_CRD = file("cilium/ciliumegressgatewaypolicies-crd.yaml");

    private ReferenceFiles() {
    }

    static Path file(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        Path fallback = Path.of("/work/shared/reference").resolve(relative);
        if (Files.exists(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("reference data " + relative + " not found under shared/reference");
    }
}
