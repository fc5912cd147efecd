package cnibench.module.core;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.posix.sysctl: keeps `name=value` in a sysctl file (present) or removes it (absent), sets
 * the running value with sysctl -w (sysctl_set) and reloads the file with sysctl -p (reload).
 */
public final class SysctlModule extends FixedSpecModule {
    private static final Pattern ENTRY = Pattern.compile("^\\s*([^#;=\\s][^=]*?)\\s*=\\s*(.*?)\\s*$");

    private static final ModuleSpec SPEC = ModuleSpec.builder("sysctl").alias("ansible.posix.sysctl")
            .description("Manage entries in sysctl.conf and the running kernel parameters.")
            .arg(ArgSpec.of("name", ArgType.STR, "The dot-separated path (key) of the sysctl variable.").asRequired().aliases("key"))
            .arg(ArgSpec.of("value", ArgType.STR, "Desired value of the sysctl key.").aliases("val"))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the entry should be present or absent in the sysctl file.")
                    .choices("present", "absent").defaultValue("present"))
            .arg(ArgSpec.of("ignoreerrors", ArgType.BOOL, "Ignore errors about unknown keys.").defaultValue(false))
            .arg(ArgSpec.of("reload", ArgType.BOOL, "Reload the sysctl file (sysctl -p) when it changed.").defaultValue(true))
            .arg(ArgSpec.of("sysctl_file", ArgType.PATH, "The sysctl file to edit.").defaultValue("/etc/sysctl.conf"))
            .arg(ArgSpec.of("sysctl_set", ArgType.BOOL, "Verify the token value with sysctl and set it with -w if needed.")
                    .defaultValue(false))
            .checkMode()
            .examples("""
                    - name: Forward IPv4
                      ansible.posix.sysctl:
                        name: net.ipv4.ip_forward
                        value: '1'
                        sysctl_set: true
                    """)
            .build();

    public SysctlModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.str("name").strip();
        String value = args.str("value") == null ? null : args.str("value").strip();
        boolean present = args.str("state").equals("present");
        if (present && value == null) {
            return ModuleResult.failed("value cannot be None");
        }
        Path file = ctx.connection().path(args.str("sysctl_file"));
        List<String> lines = Files.exists(file) ? TextFile.readLines(file) : List.of();
        List<String> updated = edit(lines, name, present ? name + "=" + value : null);
        boolean fileChanged = !updated.equals(lines);
        boolean changed = fileChanged;
        if (present && args.bool("sysctl_set")) {
            CommandResult current = HostCommand.run(ctx, List.of("sysctl", "-n", name));
            if (!current.ok() && !args.bool("ignoreerrors")) {
                return ModuleResult.failed("setting " + name + " failed: " + current.stderr());
            }
            if (current.ok() && !normalized(current.stdout()).equals(normalized(value))) {
                changed = true;
                if (!ctx.checkMode()) {
                    CommandResult set = HostCommand.run(ctx, List.of("sysctl", "-w", name + "=" + value));
                    if (!set.ok() && !args.bool("ignoreerrors")) {
                        return ModuleResult.failed("setting " + name + " failed: " + set.stderr());
                    }
                }
            }
        }
        if (fileChanged && !ctx.checkMode()) {
            SafeWrite.write(ctx.connection(), file, String.join("", updated).getBytes(StandardCharsets.UTF_8), null);
            if (args.bool("reload")) {
                CommandResult reload = HostCommand.run(ctx, List.of("sysctl", "-p", file.toString()));
                if (!reload.ok() && !args.bool("ignoreerrors")) {
                    return ModuleResult.failed("Failed to reload sysctl: " + reload.stdout() + reload.stderr());
                }
            }
        }
        return ModuleResult.changed(changed);
    }

    /** The file's lines with the key's entries replaced by one entry (in place of the first), or removed. */
    static List<String> edit(List<String> lines, String name, String entry) {
        List<String> out = TextFile.replaceFirstOrAppend(lines, line -> {
            Matcher m = ENTRY.matcher(TextFile.stripNewline(line));
            return m.matches() && key(m.group(1)).equals(key(name));
        }, entry == null ? null : entry + "\n");
        return lines.equals(out) || !sameEntries(lines, out) ? out : lines;
    }

    /** sysctl keys may be written with dots or slashes. */
    private static String key(String name) {
        return name.strip().replace('/', '.');
    }

    /** Values compare with runs of white space as one space (sysctl prints tabs between numbers). */
    private static String normalized(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    /** An entry written as `key = value` already holds the value: the file is left as it is. */
    private static boolean sameEntries(List<String> before, List<String> after) {
        List<String> a = before.stream().map(l -> normalizeEntry(TextFile.stripNewline(l))).toList();
        List<String> b = after.stream().map(l -> normalizeEntry(TextFile.stripNewline(l))).toList();
        return a.equals(b);
    }

    private static String normalizeEntry(String line) {
        Matcher m = ENTRY.matcher(line);
        return m.matches() ? key(m.group(1)) + "=" + normalized(m.group(2)) : line;
    }
}
