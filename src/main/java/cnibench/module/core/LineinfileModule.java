package cnibench.module.core;

import cnibench.python.PyRegex;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ansible.builtin.lineinfile: ensures a line is in a file (or not), ported from Ansible's algorithm. */
public final class LineinfileModule extends TextEditModule {
    private static final ModuleSpec SPEC = CommonFileArgs.addTo(ModuleSpec.builder("lineinfile").builtin()
            .description("Ensure a particular line is in a file, or replace an existing line found by a regular expression or string.")
            .arg(ArgSpec.of("path", ArgType.PATH, "The file to modify.").asRequired().aliases("dest", "destfile", "name"))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the line should be there.").defaultValue("present").choices("absent", "present"))
            .arg(ArgSpec.of("regexp", ArgType.STR, "Python regular expression finding the line to replace or remove.").aliases("regex"))
            .arg(ArgSpec.of("search_string", ArgType.STR, "Literal string finding the line to replace or remove."))
            .arg(ArgSpec.of("line", ArgType.STR, "The line to insert or replace with.").aliases("value"))
            .arg(ArgSpec.of("backrefs", ArgType.BOOL, "Expand regexp groups in line; leave the file alone when regexp does not match.").defaultValue(false))
            .arg(ArgSpec.of("insertafter", ArgType.STR, "Insert after the last line matching this regular expression, or EOF."))
            .arg(ArgSpec.of("insertbefore", ArgType.STR, "Insert before the last line matching this regular expression, or BOF."))
            .arg(ArgSpec.of("create", ArgType.BOOL, "Create the file when missing.").defaultValue(false))
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Keep a date-stamped copy of the file before changing it.").defaultValue(false))
            .arg(ArgSpec.of("firstmatch", ArgType.BOOL, "Use the first line matching insertafter/insertbefore/regexp instead of the last.").defaultValue(false))
            .arg(ArgSpec.of("validate", ArgType.STR, "Command checking the new file before it is put in place; %s is its path.")))
            .mutuallyExclusive("insertbefore", "insertafter")
            .mutuallyExclusive("regexp", "search_string")
            .mutuallyExclusive("backrefs", "search_string")
            .checkMode().diff()
            .examples("""
                    - name: Enable forwarding
                      ansible.builtin.lineinfile:
                        path: /etc/sysctl.conf
                        regexp: '^#?net.ipv4.ip_forward'
                        line: net.ipv4.ip_forward=1
                    """)
            .build();

    public LineinfileModule() {
        super(SPEC);
    }

    @Override
    ModuleResult edit(ModuleContext ctx, Arguments args, EditedFile file) throws Exception {
        if (args.bool("backrefs") && !args.has("regexp")) {
            return ModuleResult.failed("regexp is required with backrefs=true");
        }
        if (args.str("state").equals("present")) {
            if (!args.has("line")) {
                return ModuleResult.failed("line is required with state=present");
            }
            return present(ctx, args, file.name(), file.path());
        }
        if (!args.has("regexp") && !args.has("search_string") && !args.has("line")) {
            return ModuleResult.failed("one of line, search_string, or regexp is required with state=absent");
        }
        return absent(ctx, args, file.name(), file.path());
    }

    private static ModuleResult present(ModuleContext ctx, Arguments args, String name, Path path) throws Exception {
        boolean exists = Files.exists(path);
        if (!exists) {
            if (!args.bool("create")) {
                return ModuleResult.failed("Destination " + name + " does not exist !").put("rc", 257);
            }
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !Files.exists(parent) && !ctx.checkMode()) {
                Files.createDirectories(parent);
            }
        }
        List<String> lines = exists ? TextFile.readLines(path) : new ArrayList<>();
        String beforeText = String.join("", lines);
        String regexp = args.str("regexp");
        String search = args.str("search_string");
        String line = args.str("line");
        String insertafter = args.str("insertafter");
        String insertbefore = args.str("insertbefore");
        boolean firstmatch = args.bool("firstmatch");
        Pattern re = regexp == null ? null : PyRegex.compile(regexp, 0);
        Pattern ins = insertafter != null && !insertafter.equals("BOF") && !insertafter.equals("EOF")
                ? PyRegex.compile(insertafter, 0)
                : insertbefore != null && !insertbefore.equals("BOF") ? PyRegex.compile(insertbefore, 0) : null;

        int found = -1;
        int insertAt = -1;
        Matcher match = null;
        boolean matched = false;
        if (re != null) {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = re.matcher(lines.get(i));
                if (m.find()) {
                    found = i;
                    match = m;
                    matched = true;
                    if (firstmatch) {
                        break;
                    }
                }
            }
        }
        if (search != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(search)) {
                    found = i;
                    matched = true;
                    if (firstmatch) {
                        break;
                    }
                }
            }
        }
        if (!matched) {
            for (int i = 0; i < lines.size(); i++) {
                if (line.equals(TextFile.stripNewline(lines.get(i)))) {
                    found = i;
                } else if (ins != null && ins.matcher(lines.get(i)).find()) {
                    insertAt = insertafter != null ? i + 1 : i;
                    if (firstmatch) {
                        break;
                    }
                }
            }
        }

        String msg = "";
        boolean changed = false;
        if (found != -1) {
            String newLine = args.bool("backrefs") && match != null ? PyRegex.expand(match, line) : line;
            if (!newLine.endsWith("\n")) {
                newLine += "\n";
            }
            if (!lines.get(found).equals(newLine)) {
                lines.set(found, newLine);
                msg = "line replaced";
                changed = true;
            }
        } else if (args.bool("backrefs")) {
            // backrefs with no match leaves the file as it is
        } else if ("BOF".equals(insertbefore) || "BOF".equals(insertafter)) {
            lines.add(0, line + "\n");
            changed = true;
        } else if ("EOF".equals(insertafter) || insertAt == -1) {
            terminateLastLine(lines);
            lines.add(line + "\n");
            changed = true;
        } else if (insertafter != null) {
            changed = insertAfterMatch(lines, insertAt, line);
        } else {
            lines.add(insertAt, line + "\n");
            changed = true;
        }
        if (changed && msg.isEmpty()) {
            msg = "line added";
        }
        String afterText = String.join("", lines);
        String backup = TextFile.writeIfChanged(ctx, args, path, afterText, changed);
        ModuleResult result;
        if (ctx.checkMode() && !Files.exists(path)) {
            result = ModuleResult.changed(changed).msg(msg).put("backup", backup);
        } else {
            TextFile.Outcome outcome = TextFile.attributes(ctx, args, path, changed, msg);
            result = ModuleResult.changed(outcome.changed()).msg(outcome.msg()).put("backup", backup);
        }
        if (ctx.diffMode()) {
            result.diff(name + " (content)", beforeText, name + " (content)", afterText);
        }
        return result;
    }

    /** Inserts after the line insertafter matched, unless the line is already there. */
    private static boolean insertAfterMatch(List<String> lines, int at, String line) {
        if (lines.size() == at) {
            if (TextFile.stripNewline(lines.get(at - 1)).equals(line)) {
                return false;
            }
            lines.add(line + "\n");
            return true;
        }
        if (TextFile.stripNewline(lines.get(at)).equals(line)) {
            return false;
        }
        lines.add(at, line + "\n");
        return true;
    }

    private static void terminateLastLine(List<String> lines) {
        if (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            if (!last.endsWith("\n") && !last.endsWith("\r")) {
                lines.add("\n");
            }
        }
    }

    private static ModuleResult absent(ModuleContext ctx, Arguments args, String name, Path path) throws Exception {
        if (!Files.exists(path)) {
            return ModuleResult.ok().msg("file not present");
        }
        List<String> lines = TextFile.readLines(path);
        String beforeText = String.join("", lines);
        Pattern re = args.has("regexp") ? PyRegex.compile(args.str("regexp"), 0) : null;
        String search = args.str("search_string");
        String line = args.str("line");
        List<String> kept = new ArrayList<>();
        int found = 0;
        for (String current : lines) {
            boolean hit = re != null ? re.matcher(current).find()
                    : search != null ? current.contains(search) : TextFile.stripNewline(current).equals(line);
            if (hit) {
                found++;
            } else {
                kept.add(current);
            }
        }
        boolean changed = found > 0;
        String afterText = String.join("", kept);
        String backup = TextFile.writeIfChanged(ctx, args, path, afterText, changed);
        TextFile.Outcome outcome = TextFile.attributes(ctx, args, path, changed, changed ? found + " line(s) removed" : "");
        ModuleResult result = ModuleResult.changed(outcome.changed()).msg(outcome.msg()).put("backup", backup).put("found", found);
        if (ctx.diffMode()) {
            result.diff(name + " (content)", beforeText, name + " (content)", afterText);
        }
        return result;
    }
}
