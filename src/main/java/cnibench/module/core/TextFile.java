package cnibench.module.core;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;

/** Reading, writing and attribute handling shared by lineinfile, blockinfile and replace. */
final class TextFile {
    private TextFile() {
    }

    /** Lines with their terminators, as Python's readlines() returns them. */
    static List<String> readLines(Path path) throws IOException {
        return splitLines(Files.readString(path, StandardCharsets.UTF_8));
    }

    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static String stripNewline(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * The lines without those that match, the first of them replaced by entry (a whole line, with its newline);
     * entry appended when none matched. A null entry removes them all.
     */
    static List<String> replaceFirstOrAppend(List<String> lines, Predicate<String> matches, String entry) {
        List<String> out = new ArrayList<>();
        boolean written = false;
        for (String line : lines) {
            if (!matches.test(line)) {
                out.add(line);
            } else if (entry != null && !written) {
                out.add(entry);
                written = true;
            }
        }
        if (entry != null && !written) {
            if (!out.isEmpty() && !out.get(out.size() - 1).endsWith("\n")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n");
            }
            out.add(entry);
        }
        return out;
    }

    /** The first of the lines that matches, or null. */
    static String firstMatch(List<String> lines, Predicate<String> matches) {
        return lines.stream().filter(matches).findFirst().orElse(null);
    }

    /** When the text changed and this is no check run: backs up (when asked) and writes it; returns the backup's name or "". */
    static String writeIfChanged(ModuleContext ctx, Arguments args, Path path, String text, boolean changed)
            throws IOException, InterruptedException {
        String backup = "";
        if (!changed || ctx.checkMode()) {
            return backup;
        }
        if (args.bool("backup") && Files.exists(path)) {
            backup = SafeWrite.backup(path);
        }
        SafeWrite.write(ctx.connection(), path, text.getBytes(StandardCharsets.UTF_8), args.str("validate"));
        return backup;
    }

    /** check_file_attrs: applies owner/group/mode and extends the message as Ansible does. */
    static Outcome attributes(ModuleContext ctx, Arguments args, Path path, boolean changed, String msg) throws IOException {
        if (!Files.exists(path)) {
            return new Outcome(changed, msg);
        }
        if (FileAttributes.of(args).apply(path, true, ctx.checkMode(), new HashMap<>(), new HashMap<>())) {
            return new Outcome(true, (changed ? msg + " and " : msg) + "ownership, perms or SE linux context changed");
        }
        return new Outcome(changed, msg);
    }

    record Outcome(boolean changed, String msg) {
    }
}
