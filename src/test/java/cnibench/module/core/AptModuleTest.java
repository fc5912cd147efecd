package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnibench.connection.CommandRequest;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apt's dpkg-query status path and check mode; nothing is installed or removed. */
class AptModuleTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void needsDpkg() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")) && Files.isExecutable(Path.of("/usr/bin/apt-get")));
    }

    private static String uninstalled;

    /** A small package in Debian's archive that this machine does not have (looked up once: apt-cache is slow). */
    private static synchronized String uninstalledPackage() throws Exception {
        if (uninstalled != null) {
            return uninstalled.isEmpty() ? null : uninstalled;
        }
        uninstalled = "";
        for (String name : List.of("sl", "cowsay", "fortune-mod", "figlet")) {
            String status = new LocalConnection().exec(CommandRequest.of(List.of("dpkg-query", "-W", "-f=${Status}", name))).stdout();
            String candidate = new LocalConnection().exec(CommandRequest.of(List.of("apt-cache", "policy", name))).stdout();
            if (!status.endsWith(" installed") && candidate.contains("Candidate:") && !candidate.contains("Candidate: (none)")) {
                uninstalled = name;
                return name;
            }
        }
        return null;
    }

    @Test
    void installedPackageIsUnchanged() throws Exception {
        ModuleResult r = new TestModuleContext(tmp).run(new AptModule(), Args.of("name", "bash", "state", "present"));
        assertFalse(r.isChanged());
        assertFalse(r.isFailed());
        assertEquals(false, r.field("cache_updated"));
        assertTrue(r.field("cache_update_time") instanceof Long);
        assertFalse(r.fields().containsKey("stdout"));
        assertFalse(new TestModuleContext(tmp).run(new PackageModule(), Args.of("name", "bash", "state", "present")).isChanged());
    }

    @Test
    void checkModeSimulatesInstallWithoutInstalling() throws Exception {
        String name = uninstalledPackage();
        assumeTrue(name != null);
        ModuleResult r = new TestModuleContext(tmp).check(true).run(new AptModule(), Args.of("name", List.of(name), "state", "present"));
        assertTrue(r.isChanged(), String.valueOf(r.toMap()));
        assertTrue(((String) r.field("stdout")).contains("Inst " + name));
        String status = new LocalConnection().exec(CommandRequest.of(List.of("dpkg-query", "-W", "-f=${Status}", name))).stdout();
        assertFalse(status.endsWith(" installed"));
    }

    @Test
    void absentPackageNeedsNoRemoval() throws Exception {
        String name = uninstalledPackage();
        assumeTrue(name != null);
        ModuleResult r = new TestModuleContext(tmp).run(new AptModule(), Args.of("name", name, "state", "absent"));
        assertFalse(r.isChanged());
        assertTrue(r.fields().isEmpty());
    }

    @Test
    void unknownPackageFailsAsAnsible() throws Exception {
        ModuleResult r = new TestModuleContext(tmp).check(true).run(new AptModule(), Args.of("name", "nonexistpkgzz", "state", "present"));
        assertTrue(r.isFailed());
        assertEquals("No package matching 'nonexistpkgzz' is available", r.msg());
    }
}
