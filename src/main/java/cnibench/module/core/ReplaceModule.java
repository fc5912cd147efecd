package cnibench.module.core;

import cnibench.python.PyRegex;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ansible.builtin.replace: replaces every match of a regular expression in a file. */
public final class ReplaceModule extends TextEditModule {
    private static final ModuleSpec SPEC = CommonFileArgs.addTo(ModuleSpec.builder("replace").builtin()
            .description("Replace all instances of a pattern within a file, optionally only between after and before.")
            .arg(ArgSpec.of("path", ArgType.PATH, "The file to modify.").asRequired().aliases("dest", "destfile", "name"))
            .arg(ArgSpec.of("regexp", ArgType.STR, "Python regular expression (MULTILINE) to replace.").asRequired())
            .arg(ArgSpec.of("replace", ArgType.STR, "Replacement; may use \\1 and \\g<name> backreferences.").defaultValue(""))
            .arg(ArgSpec.of("after", ArgType.STR, "Only replace after the first match of this expression."))
            .arg(ArgSpec.of("before", ArgType.STR, "Only replace before the first match of this expression."))
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Keep a date-stamped copy of the file before changing it.").defaultValue(false))
            .arg(ArgSpec.of("validate", ArgType.STR, "Command checking the new file before it is put in place; %s is its path."))
            .arg(ArgSpec.of("encoding", ArgType.STR, "Character encoding of the file.").defaultValue("utf-8")))
            .checkMode().diff()
            .examples("""
                    - name: Point the agent at the lab server
                      ansible.builtin.replace:
                        path: /etc/agent.conf
                        regexp: '^server=.*$'
                        replace: 'server=10.0.0.1'
                    """)
            .build();

    public ReplaceModule() {
        super(SPEC);
    }

    @Override
    ModuleResult edit(ModuleContext ctx, Arguments args, EditedFile file) throws Exception {
        if (!file.exists()) {
            return file.missingFailure();
        }
        Charset charset = Charset.forName(args.str("encoding"));
        String contents = Files.readString(file.path(), charset);
        String after = args.str("after");
        String before = args.str("before");
        String pattern = after != null && !after.isEmpty() && before != null && !before.isEmpty()
                ? after + "(?P<subsection>.*?)" + before
                : after != null && !after.isEmpty() ? after + "(?P<subsection>.*)"
                : before != null && !before.isEmpty() ? "(?P<subsection>.*)" + before : "";
        String section = contents;
        int start = 0;
        int end = contents.length();
        if (!pattern.isEmpty()) {
            Matcher m = PyRegex.compile(pattern, Pattern.DOTALL).matcher(contents);
            if (!m.find()) {
                return ModuleResult.ok().put("rc", 0)
                        .msg("Pattern for before/after params did not match the given file: " + pattern);
            }
            section = m.group("subsection");
            start = m.start("subsection");
            end = m.end("subsection");
        }
        Matcher m = PyRegex.compile(args.str("regexp"), Pattern.MULTILINE).matcher(section);
        StringBuilder replaced = new StringBuilder();
        int count = 0;
        while (m.find()) {
            m.appendReplacement(replaced, Matcher.quoteReplacement(PyRegex.expand(m, args.str("replace"))));
            count++;
        }
        m.appendTail(replaced);
        String newSection = replaced.toString();
        ModuleResult result = ModuleResult.ok().put("rc", 0);
        boolean changed = count > 0 && !newSection.equals(section);
        String msg = "";
        if (changed) {
            String newContents = contents.substring(0, start) + newSection + contents.substring(end);
            msg = count + " replacements made";
            if (ctx.diffMode()) {
                result.diff(file.name(), contents, file.name(), newContents);
            }
            if (!ctx.checkMode()) {
                if (args.bool("backup")) {
                    result.put("backup_file", SafeWrite.backup(file.path()));
                }
                SafeWrite.write(ctx.connection(), file.path().toRealPath(), newContents.getBytes(charset), args.str("validate"));
            }
        }
        TextFile.Outcome outcome = TextFile.attributes(ctx, args, file.path(), changed, msg);
        return result.setChanged(outcome.changed()).msg(outcome.msg());
    }
}
