package cnibench.module.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Validates a rendered object against an upstream CRD file (shared/reference) with {@link CrdSchemaValidator}. */
public final class CrdSchemas {
    private CrdSchemas() {
    }

    /** The schema violations of object against the CRD in crdFile; empty when it is valid. */
    public static List<String> validate(Path crdFile, Map<String, Object> object) throws IOException {
        return new CrdSchemaValidator().validate(map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(crdFile))),
                object);
    }

    /** A YAML document that is a mapping, typed as one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }
}
