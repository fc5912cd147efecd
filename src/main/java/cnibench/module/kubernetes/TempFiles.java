package cnibench.module.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Temporary input files for command-line tools (kind configs, helm values). They are written on this machine,
 * which local and network-namespace connections share with the task's host.
 */
final class TempFiles {
    private TempFiles() {
    }

    static Path yaml(String prefix, Map<String, Object> content) throws IOException {
        Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build());
        return text(prefix, dump.dumpToString(content));
    }

    static Path text(String prefix, String content) throws IOException {
        Path file = Files.createTempFile("cnibench-" + prefix + "-", ".yaml");
        Files.writeString(file, content);
        return file;
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
