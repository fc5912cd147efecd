package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd and service against a stand-in systemctl that keeps one unit's state in files and
 * records its calls (this machine runs no systemd, so the real one cannot be used).
 */
class SystemdModuleTest {
    @TempDir
    Path tmp;
    private TestModuleContext ctx;

    @BeforeEach
    void standIn() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path systemctl = bin.resolve("systemctl");
        Files.writeString(systemctl, """
                #!/bin/sh
                d=$(dirname "$0")/..
                echo "$*" >> "$d/calls"
                [ "$1" = --no-block ] && shift
                case "$1" in
                  show) [ "$2" = web ] || { echo "LoadState=not-found"; exit 0; }
                        echo "LoadState=loaded"; echo "ActiveState=$(cat "$d/active" 2>/dev/null || echo inactive)";;
                  is-enabled) [ -f "$d/enabled" ];;
                  enable) touch "$d/enabled";;
                  disable) rm -f "$d/enabled";;
                  start|restart|reload) echo active > "$d/active";;
                  stop) echo inactive > "$d/active";;
                  daemon-reload) ;;
                  *) exit 1;;
                esac
                """);
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        ctx = new TestModuleContext(tmp).env(Map.of("PATH", bin + ":" + System.getenv("PATH")));
    }

    private List<String> calls() throws Exception {
        return Files.readAllLines(tmp.resolve("calls")).stream().filter(c -> !c.startsWith("show")).toList();
    }

    @Test
    void startsAndEnablesOnceThenChangesNothing() throws Exception {
        ModuleResult first = ctx.run(new SystemdModule(), Args.of("name", "web", "state", "started", "enabled", true,
                "daemon_reload", true));
        assertTrue(first.isChanged());
        assertEquals("started", first.field("state"));
        assertEquals(true, first.field("enabled"));
        assertEquals(List.of("daemon-reload", "is-enabled web", "enable web", "start web"), calls());
        ModuleResult second = ctx.run(new SystemdModule(), Args.of("name", "web", "state", "started", "enabled", true));
        assertFalse(second.isChanged());
        assertEquals("active", ((Map<?, ?>) second.field("status")).get("ActiveState"));
    }

    @Test
    void restartedAlwaysActsAndStoppedStops() throws Exception {
        Files.writeString(tmp.resolve("active"), "active\n");
        assertTrue(ctx.run(new SystemdModule(), Args.of("name", "web", "state", "restarted")).isChanged());
        assertTrue(ctx.run(new SystemdModule(), Args.of("name", "web", "state", "stopped")).isChanged());
        assertFalse(ctx.run(new SystemdModule(), Args.of("name", "web", "state", "stopped")).isChanged());
        assertEquals(List.of("restart web", "stop web"), calls());
    }

    @Test
    void checkModeChangesNothing() throws Exception {
        ModuleResult r = ctx.check(true).run(new SystemdModule(), Args.of("name", "web", "state", "started"));
        assertTrue(r.isChanged());
        assertFalse(Files.exists(tmp.resolve("active")));
    }

    @Test
    void anUnknownUnitFails() throws Exception {
        ModuleResult r = ctx.run(new SystemdModule(), Args.of("name", "nope", "state", "started"));
        assertTrue(r.isFailed());
        assertEquals("Could not find the requested service nope: host", r.msg());
    }

    @Test
    void serviceUsesSystemdWhenAskedTo() throws Exception {
        ModuleResult r = ctx.run(new ServiceModule(), Args.of("name", "web", "state", "started", "use", "systemd"));
        assertTrue(r.isChanged());
        assertEquals(List.of("start web"), calls());
    }
}
