package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * community.general.pam_limits: one `domain type item value` line in limits.conf, replaced where
 * the same domain, type and item are set, else appended; use_max/use_min keep the larger/smaller.
 */
public final class PamLimitsModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("pam_limits").alias("community.general.pam_limits")
            .description("Modify Linux PAM limits in /etc/security/limits.conf.")
            .arg(ArgSpec.of("domain", ArgType.STR, "A username, @groupname, wildcard, UID/GID range.").asRequired())
            .arg(ArgSpec.of("limit_type", ArgType.STR, "Limit type.").asRequired().choices("hard", "soft", "-"))
            .arg(ArgSpec.of("limit_item", ArgType.STR, "The limit to be set.").asRequired().choices("core", "data",
                    "fsize", "memlock", "nofile", "rss", "stack", "cpu", "nproc", "as", "maxlogins", "maxsyslogins",
                    "priority", "locks", "sigpending", "msgqueue", "nice", "rtprio", "chroot"))
            .arg(ArgSpec.of("value", ArgType.STR, "The value of the limit (a number, unlimited or infinity).").asRequired())
            .arg(ArgSpec.of("use_max", ArgType.BOOL, "Keep the larger of the existing and the new value.").defaultValue(false))
            .arg(ArgSpec.of("use_min", ArgType.BOOL, "Keep the smaller of the existing and the new value.").defaultValue(false))
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Create a backup file with a timestamp.").defaultValue(false))
            .arg(ArgSpec.of("dest", ArgType.STR, "The limits.conf file to edit.").defaultValue("/etc/security/limits.conf"))
            .arg(ArgSpec.of("comment", ArgType.STR, "Comment associated with the limit.").defaultValue(""))
            .arg(ArgSpec.of("create", ArgType.BOOL, "Create the file when it does not exist.").defaultValue(true))
            .mutuallyExclusive("use_max", "use_min")
            .checkMode()
            .diff()
            .examples("""
                    - name: Open files for the benchmark user
                      community.general.pam_limits:
                        domain: bench
                        limit_type: '-'
                        limit_item: nofile
                        value: 65536
                    """)
            .build();

    public PamLimitsModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        Path dest = ctx.connection().path(args.str("dest"));
        if (!Files.exists(dest) && !args.bool("create")) {
            return ModuleResult.failed("file " + args.str("dest") + " does not exist.");
        }
        List<String> lines = Files.exists(dest) ? TextFile.readLines(dest) : List.of();
        String domain = args.str("domain");
        String type = args.str("limit_type");
        String item = args.str("limit_item");
        String value = args.str("value");
        Predicate<String> isLimit = line -> {
            String[] fields = uncommented(line).split("\\s+");
            return fields.length >= 4 && fields[0].equals(domain) && fields[1].equals(type) && fields[2].equals(item);
        };
        String current = TextFile.firstMatch(lines, isLimit);
        String newLine;
        if (current == null) {
            newLine = entry(domain, type, item, value, args.str("comment"));
        } else {
            String written = uncommented(current).split("\\s+")[3];
            String wanted = chosen(written, value, args);
            // a line that already holds the value is kept as it is written
            newLine = wanted.equals(written) ? current : entry(domain, type, item, wanted, args.str("comment"));
        }
        List<String> out = TextFile.replaceFirstOrAppend(lines, isLimit, newLine);
        String before = String.join("", lines);
        String after = String.join("", out);
        boolean changed = !before.equals(after);
        ModuleResult result = ModuleResult.changed(changed).msg(TextFile.stripNewline(newLine));
        TextFile.writeIfChanged(ctx, args, dest, after, changed);
        return ctx.diffMode() ? result.diff(args.str("dest"), before, args.str("dest"), after) : result;
    }

    private static String uncommented(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static String entry(String domain, String type, String item, String value, String comment) {
        return domain + "\t" + type + "\t" + item + "\t" + value + (comment.isEmpty() ? "" : "\t#" + comment) + "\n";
    }

    /** With use_max/use_min, the existing value wins when it is the larger/smaller one (unlimited is the largest). */
    private static String chosen(String existing, String value, Arguments args) {
        if (!args.bool("use_max") && !args.bool("use_min")) {
            return value;
        }
        long old = limit(existing);
        long wanted = limit(value);
        boolean keepOld = args.bool("use_max") ? old > wanted : old < wanted;
        return keepOld ? existing : value;
    }

    private static long limit(String value) {
        return value.equals("unlimited") || value.equals("infinity") || value.equals("-1") ? Long.MAX_VALUE : Long.parseLong(value);
    }
}
