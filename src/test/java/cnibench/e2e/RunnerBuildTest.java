package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `runner` script's first build, on a throw-away copy of the project with a fake `mvn` that fails offline
 * (as on a fresh machine without Maven's cache) and a fake java: the expected offline failure stays out of sight,
 * a real failure of the online build reaches the user.
 */
class RunnerBuildTest {
    private static final String FAKE_MVN = """
            #!/bin/sh
            case " $* " in *" -o "*) echo "[ERROR] Cannot access central in offline mode"; exit 1 ;; esac
            if [ -n "$FAKE_MVN_BREAKS" ]; then echo "[ERROR] COMPILATION ERROR: Main.java"; exit 1; fi
            mkdir -p target && : > target/cnibench.jar
            """;
    private static final String FAKE_JAVA = """
            #!/bin/sh
            case "$*" in *jvm-warmup*) exit 1 ;; esac
            echo "started: $*"
            """;

    @Test
    void theExpectedOfflineFailureIsQuietAndTheBuildSaysWhatItDoes(@TempDir Path dir) throws IOException {
        ProcessOutcome run = runner(dir, Map.of());
        assertEquals(0, run.exitCode(), run.all());
        assertFalse(run.all().contains("[ERROR]"), run.all());
        assertTrue(run.stderr().contains("building cnibench (first run, downloads dependencies)"), run.all());
        assertTrue(run.stdout().contains("started:") && run.stdout().contains("--version"), run.all());
    }

    @Test
    void aFailureOfTheOnlineBuildIsPrintedAndStopsTheStart(@TempDir Path dir) throws IOException {
        ProcessOutcome run = runner(dir, Map.of("FAKE_MVN_BREAKS", "1"));
        assertNotEquals(0, run.exitCode(), run.all());
        assertTrue(run.stderr().contains("[ERROR] COMPILATION ERROR"), run.all());
        assertFalse(run.all().contains("offline mode"), run.all());
        assertFalse(run.stdout().contains("started:"), run.all());
    }

    private static ProcessOutcome runner(Path dir, Map<String, String> env) throws IOException {
        Path home = Files.createDirectories(dir.resolve("project"));
        Files.copy(Playbooks.PROJECT.resolve("runner"), home.resolve("runner"));
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(home.resolve("src/main"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("mvn"), FAKE_MVN);
        executable(bin.resolve("java"), FAKE_JAVA);
        Map<String, String> all = new HashMap<>(env);
        all.put("PATH", bin + ":" + System.getenv("PATH"));
        all.put("CNIBENCH_JAVA", bin.resolve("java").toString());
        Path results = Files.createDirectories(dir.resolve("results"));
        return Playbooks.run(List.of(home.resolve("runner").toString(), "--version"), home, results, all);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
