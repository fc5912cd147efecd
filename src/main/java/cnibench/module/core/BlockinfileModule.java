package cnibench.module.core;

import cnibench.python.PyRegex;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ansible.builtin.blockinfile: inserts, updates or removes a block of lines between marker lines. */
public final class BlockinfileModule extends TextEditModule {
    private static final ModuleSpec SPEC = CommonFileArgs.addTo(ModuleSpec.builder("blockinfile").builtin()
            .description("Insert, update or remove a block of multi-line text surrounded by customizable marker lines.")
            .arg(ArgSpec.of("path", ArgType.PATH, "The file to modify.").asRequired().aliases("dest", "destfile", "name"))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the block should be there.").defaultValue("present").choices("absent", "present"))
            .arg(ArgSpec.of("marker", ArgType.STR, "Marker line template; {mark} becomes marker_begin or marker_end.")
                    .defaultValue("# {mark} ANSIBLE MANAGED BLOCK"))
            .arg(ArgSpec.of("block", ArgType.STR, "The text to put between the markers.").defaultValue("").aliases("content"))
            .arg(ArgSpec.of("insertafter", ArgType.STR, "Insert after the last line matching this regular expression, or EOF."))
            .arg(ArgSpec.of("insertbefore", ArgType.STR, "Insert before the last line matching this regular expression, or BOF."))
            .arg(ArgSpec.of("create", ArgType.BOOL, "Create the file when missing.").defaultValue(false))
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Keep a date-stamped copy of the file before changing it.").defaultValue(false))
            .arg(ArgSpec.of("marker_begin", ArgType.STR, "Replaces {mark} in the opening marker.").defaultValue("BEGIN"))
            .arg(ArgSpec.of("marker_end", ArgType.STR, "Replaces {mark} in the closing marker.").defaultValue("END"))
            .arg(ArgSpec.of("validate", ArgType.STR, "Command checking the new file before it is put in place; %s is its path.")))
            .mutuallyExclusive("insertbefore", "insertafter")
            .checkMode().diff()
            .examples("""
                    - name: Static hosts of the lab
                      ansible.builtin.blockinfile:
                        path: /etc/hosts
                        block: |
                          10.0.0.1 control-plane
                          10.0.0.2 worker
                    """)
            .build();

    public BlockinfileModule() {
        super(SPEC);
    }

    @Override
    ModuleResult edit(ModuleContext ctx, Arguments args, EditedFile file) throws Exception {
        boolean exists = file.exists();
        boolean present = args.str("state").equals("present");
        String original = null;
        List<String> lines = new ArrayList<>();
        if (!exists) {
            if (!args.bool("create")) {
                return file.missingFailure();
            }
            Path parent = file.path().toAbsolutePath().getParent();
            if (parent != null && !Files.exists(parent) && !ctx.checkMode()) {
                Files.createDirectories(parent);
            }
        } else {
            original = Files.readString(file.path(), StandardCharsets.UTF_8);
            lines = TextFile.splitLines(original);
        }
        if (!present && !exists) {
            return ModuleResult.ok().msg("File " + file.name() + " not present");
        }
        String insertafter = args.str("insertafter");
        String insertbefore = args.str("insertbefore");
        if (insertbefore == null && insertafter == null) {
            insertafter = "EOF";
        }
        Pattern insertRe = insertafter != null && !insertafter.equals("EOF") ? PyRegex.compile(insertafter, 0)
                : insertbefore != null && !insertbefore.equals("BOF") ? PyRegex.compile(insertbefore, 0) : null;
        String marker = args.str("marker");
        String begin = marker.replace("{mark}", args.str("marker_begin")) + "\n";
        String end = marker.replace("{mark}", args.str("marker_end")) + "\n";
        String block = args.str("block");
        List<String> blockLines = new ArrayList<>();
        if (present && !block.isEmpty()) {
            blockLines.add(begin);
            blockLines.addAll(TextFile.splitLines(block.endsWith("\n") ? block : block + "\n"));
            blockLines.add(end);
        }
        Integer n0 = null;
        Integer n1 = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(begin)) {
                n0 = i;
            }
            if (lines.get(i).equals(end)) {
                n1 = i;
            }
        }
        int at;
        if (n0 == null || n1 == null) {
            at = insertionPoint(lines, original, insertRe, insertafter, insertbefore);
        } else if (n0 < n1) {
            lines.subList(n0, n1 + 1).clear();
            at = n0;
        } else {
            lines.subList(n1, n0 + 1).clear();
            at = n1;
        }
        if (at > 0 && !lines.get(at - 1).endsWith("\n")) {
            lines.set(at - 1, lines.get(at - 1) + "\n");
        }
        lines.addAll(at, blockLines);
        String result = String.join("", lines);

        String msg;
        boolean changed = true;
        if (result.equals(original)) {
            msg = "";
            changed = false;
        } else if (original == null) {
            msg = "File created";
        } else if (blockLines.isEmpty()) {
            msg = "Block removed";
        } else {
            msg = "Block inserted";
        }
        String backup = null;
        if (changed && !ctx.checkMode()) {
            if (args.bool("backup") && exists) {
                backup = SafeWrite.backup(file.path());
            }
            SafeWrite.write(ctx.connection(), file.path().toAbsolutePath(), result.getBytes(StandardCharsets.UTF_8), args.str("validate"));
        }
        ModuleResult out;
        if (ctx.checkMode() && !exists) {
            out = ModuleResult.changed(changed).msg(msg);
        } else {
            TextFile.Outcome outcome = TextFile.attributes(ctx, args, file.path(), changed, msg);
            out = ModuleResult.changed(outcome.changed()).msg(outcome.msg());
        }
        if (backup != null) {
            out.put("backup_file", backup);
        }
        if (ctx.diffMode()) {
            out.diff(file.name() + " (content)", original == null ? "" : original, file.name() + " (content)", result);
        }
        return out;
    }

    /** Where a block without markers in the file goes, as Ansible computes it. */
    private static int insertionPoint(List<String> lines, String original, Pattern insertRe, String insertafter, String insertbefore) {
        if (insertRe == null) {
            return insertbefore != null ? 0 : lines.size();
        }
        Integer n0 = null;
        if ((insertRe.flags() & Pattern.MULTILINE) != 0 && original != null) {
            Matcher m = insertRe.matcher(original);
            if (m.find()) {
                n0 = countNewlines(original, insertafter != null ? m.end() : m.start());
            }
        } else {
            for (int i = 0; i < lines.size(); i++) {
                if (insertRe.matcher(lines.get(i)).find()) {
                    n0 = i;
                }
            }
        }
        if (n0 == null) {
            return lines.size();
        }
        return insertafter != null ? n0 + 1 : n0;
    }

    private static int countNewlines(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
