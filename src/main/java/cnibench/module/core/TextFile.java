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

    /** Backs up (when asked) and writes the new text; returns the backup's name or "". */
    static String write(ModuleContext ctx, Arguments args, Path path, String text) throws IOException, InterruptedException {
        String backup = "";
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
