package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.module.spi.OrderedFields;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** ansible.builtin.file: sets attributes of files, creates directories and links, removes paths. */
public final class FileModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = CommonFileArgs.addTo(ModuleSpec.builder("file").builtin()
            .description("Manage files and file properties: directories, symlinks, hard links, touch, removal, owner/group/mode.")
            .arg(ArgSpec.of("path", ArgType.PATH, "Path to the file being managed.").asRequired().aliases("dest", "name"))
            .arg(ArgSpec.of("state", ArgType.STR, "What the path should be; defaults to its current state, or file.")
                    .choices("absent", "directory", "file", "hard", "link", "touch"))
            .arg(ArgSpec.of("src", ArgType.PATH, "Path of the file to link to (state link or hard)."))
            .arg(ArgSpec.of("recurse", ArgType.BOOL, "Set attributes recursively on directory contents (state directory).").defaultValue(false))
            .arg(ArgSpec.of("force", ArgType.BOOL, "Replace an existing file or empty directory by a link.").defaultValue(false))
            .arg(ArgSpec.of("follow", ArgType.BOOL, "Act on the target of a symlink rather than the link itself.").defaultValue(true))
            .arg(ArgSpec.of("modification_time", ArgType.STR, "mtime to set: 'now', 'preserve' or a time in modification_time_format."))
            .arg(ArgSpec.of("modification_time_format", ArgType.STR, "strftime format of modification_time.").defaultValue("%Y%m%d%H%M.%S"))
            .arg(ArgSpec.of("access_time", ArgType.STR, "atime to set: 'now', 'preserve' or a time in access_time_format."))
            .arg(ArgSpec.of("access_time_format", ArgType.STR, "strftime format of access_time.").defaultValue("%Y%m%d%H%M.%S"))
            .arg(ArgSpec.of("_original_basename", ArgType.STR, "Internal use."))
            .arg(ArgSpec.of("_diff_peek", ArgType.BOOL, "Internal use.")))
            .checkMode().diff()
            .examples("""
                    - name: Create a directory
                      ansible.builtin.file:
                        path: /etc/cni/net.d
                        state: directory
                        mode: '0755'
                    - name: Link a config
                      ansible.builtin.file:
                        src: /opt/app/app.conf
                        dest: /etc/app.conf
                        state: link
                    - name: Remove a file
                      ansible.builtin.file:
                        path: /tmp/old
                        state: absent
                    """)
            .build();

    public FileModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        Path path = ctx.connection().path(args.str("path"));
        String state = args.str("state");
        if (state == null) {
            String current = PathInfo.state(path);
            state = args.bool("recurse") ? "directory" : args.has("src") ? "link" : current.equals("absent") ? "file" : current;
        }
        if (args.bool("recurse") && !state.equals("directory")) {
            return ModuleResult.failed("recurse option requires state to be 'directory'").put("path", args.str("path"));
        }
        if (args.has("src") && !state.equals("link") && !state.equals("hard")) {
            return ModuleResult.failed("src option requires state to be 'link' or 'hard'").put("path", args.str("path"));
        }
        Run run = new Run(ctx, args, path, state);
        try {
            return run.execute();
        } catch (Failure f) {
            return f.result;
        }
    }

    /** A failure carrying Ansible's result fields. */
    private static final class Failure extends Exception {
        private final transient ModuleResult result;

        Failure(String msg, Map<String, Object> fields) {
            super(msg, null, false, false);
            this.result = ModuleResult.failed(msg).putAll(fields);
        }
    }

    /** One invocation; holds the diff being built. */
    private static final class Run {
        private final ModuleContext ctx;
        private final Arguments args;
        private final String name;
        private final String state;
        private final boolean check;
        private Path path;
        private final Map<String, Object> before = new LinkedHashMap<>();
        private final Map<String, Object> after = new LinkedHashMap<>();

        Run(ModuleContext ctx, Arguments args, Path path, String state) {
            this.ctx = ctx;
            this.args = args;
            this.name = args.str("path");
            this.path = path;
            this.state = state;
            this.check = ctx.checkMode();
        }

        ModuleResult execute() throws Exception {
            String prev = PathInfo.state(path);
            Map<String, Object> out = new LinkedHashMap<>();
            boolean changed = switch (state) {
                case "absent" -> absent(prev, out);
                case "file" -> file(prev, out);
                case "directory" -> directory(prev, out);
                case "touch" -> touch(prev, out);
                case "link" -> symlink(prev, out);
                default -> hardlink(prev, out);
            };
            ModuleResult result = ModuleResult.changed(changed);
            result.putAll(PathInfo.addTo(out));
            if (ctx.diffMode() && !before.isEmpty()) {
                result.diff(null, before, null, after);
            }
            return result;
        }

        private void initialDiff(String prev) {
            before.put("path", name);
            after.put("path", name);
            if (!prev.equals(state)) {
                before.put("state", prev);
                after.put("state", state);
            }
        }

        private boolean absent(String prev, Map<String, Object> out) throws IOException {
            out.put("path", name);
            if (prev.equals("absent")) {
                out.put("state", "absent");
                return false;
            }
            initialDiff(prev);
            if (prev.equals("directory")) {
                before.put("path_content", directoryContent(path));
            }
            if (!check) {
                if (prev.equals("directory")) {
                    deleteTree(path);
                } else {
                    Files.deleteIfExists(path);
                }
            }
            out.put("state", "absent");
            return true;
        }

        /** What a directory about to be removed holds, as Ansible's diff lists it (os.walk order, full paths). */
        private static Map<String, Object> directoryContent(Path dir) throws IOException {
            List<String> directories = new java.util.ArrayList<>();
            List<String> files = new java.util.ArrayList<>();
            try (var walk = Files.walk(dir)) {
                walk.skip(1).sorted().forEach(p -> (Files.isDirectory(p) ? directories : files).add(p.toString()));
            }
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("directories", directories);
            content.put("files", files);
            return content;
        }

        private void followLink(String prev) throws IOException {
            if (args.bool("follow") && prev.equals("link") && Files.exists(path)) {
                path = path.toRealPath();
            }
        }

        private boolean file(String prev, Map<String, Object> out) throws Exception {
            followLink(prev);
            String current = PathInfo.state(path);
            if (!current.equals("file") && !current.equals("hard")) {
                throw new Failure("file (" + path + ") is " + current + ", cannot continue", OrderedFields.of("path", path.toString(), "state", current));
            }
            initialDiff(current.equals("hard") ? "file" : current);
            out.put("path", path.toString());
            return attributes(path) | timestamps(path);
        }

        private boolean directory(String prev, Map<String, Object> out) throws Exception {
            followLink(prev);
            String current = PathInfo.state(path);
            String shown = path.toString();
            initialDiff(current);
            out.put("path", shown);
            if (current.equals("absent")) {
                if (check) {
                    return true;
                }
                createDirectories(path);
                return true;
            }
            if (!current.equals("directory")) {
                throw new Failure(shown + " already exists as a " + current, OrderedFields.of("path", shown));
            }
            boolean changed = attributes(path) | timestamps(path);
            if (args.bool("recurse")) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path p : walk.skip(1).toList()) {
                        changed |= attributesOf(p, args.bool("follow")) | timestamps(p);
                    }
                }
            }
            return changed;
        }

        /** mkdir for each missing component, applying the attributes to each created one, as Ansible does. */
        private void createDirectories(Path target) throws Failure {
            Path current = target.isAbsolute() ? target.getRoot() : null;
            for (Path part : target) {
                current = current == null ? part : current.resolve(part);
                if (!Files.exists(current)) {
                    try {
                        Files.createDirectory(current);
                        attributes(current);
                        timestamps(current);
                    } catch (IOException e) {
                        throw new Failure("There was an issue creating " + current + " as requested: " + errno(e, current),
                                OrderedFields.of("path", name));
                    }
                }
            }
        }

        private boolean touch(String prev, Map<String, Object> out) throws Exception {
            out.put("dest", name);
            if (prev.equals("absent")) {
                if (check) {
                    return true;
                }
                try {
                    Files.createFile(path);
                } catch (IOException e) {
                    throw new Failure("Error, could not touch target: " + errno(e, path), OrderedFields.of("path", name));
                }
            }
            before.put("path", name);
            after.put("path", name);
            if (!prev.equals("touch")) {
                before.put("state", prev);
                after.put("state", "touch");
            }
            boolean changed = prev.equals("absent");
            changed |= attributes(path);
            changed |= timestamps(path);
            return changed;
        }

        private boolean symlink(String prev, Map<String, Object> out) throws Exception {
            String src = args.str("src");
            boolean force = args.bool("force");
            if (src == null && args.bool("follow") && prev.equals("link") && Files.exists(path)) {
                src = Files.readSymbolicLink(path).toString();
            }
            Path base = !prev.equals("link") && prev.equals("directory") ? path : path.getParent();
            if (!force && src != null && !Files.exists(base.resolve(src))) {
                throw new Failure("src file does not exist, use \"force=yes\" if you really want to create the link: "
                        + base.resolve(src), OrderedFields.of("path", name, "src", src));
            }
            if (prev.equals("directory")) {
                if (!force) {
                    throw new Failure("refusing to convert from directory to symlink for " + name, OrderedFields.of("path", name));
                }
                try (Stream<Path> children = Files.list(path)) {
                    if (children.findAny().isPresent()) {
                        throw new Failure("the directory " + name + " is not empty, refusing to convert it", OrderedFields.of("path", name));
                    }
                }
            } else if ((prev.equals("file") || prev.equals("hard")) && !force) {
                throw new Failure("refusing to convert from " + prev + " to symlink for " + name, OrderedFields.of("path", name));
            }
            initialDiff(prev);
            boolean changed = false;
            if (!prev.equals("link")) {
                if (src == null) {
                    throw new Failure("src is required for creating new symlinks", Map.of());
                }
                changed = true;
            } else if (src != null) {
                String old = Files.readSymbolicLink(path).toString();
                if (!old.equals(src)) {
                    before.put("src", old);
                    after.put("src", src);
                    changed = true;
                }
            }
            if (changed && !check) {
                Path target = Path.of(src);
                replaceWith(prev, tmp -> Files.createSymbolicLink(tmp, target));
            }
            out.put("dest", name);
            out.put("src", src);
            if (check && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return changed;
            }
            if (args.bool("follow") && !Files.exists(path)) {
                return changed;
            }
            return changed | attributesOf(path, args.bool("follow")) | timestamps(path);
        }

        private boolean hardlink(String prev, Map<String, Object> out) throws Exception {
            String src = args.str("src");
            if (!prev.equals("hard") && src == null) {
                throw new Failure("src is required for creating new hardlinks", Map.of());
            }
            Path source = src == null ? null : ctx.connection().path(src);
            if (source != null && !Files.exists(source)) {
                throw new Failure("src does not exist", OrderedFields.of("dest", name, "src", src));
            }
            initialDiff(prev);
            boolean changed = switch (prev) {
                case "absent" -> true;
                case "link" -> {
                    String old = Files.readSymbolicLink(path).toString();
                    if (!old.equals(src)) {
                        before.put("src", old);
                        after.put("src", src);
                    }
                    yield !old.equals(src);
                }
                case "hard" -> {
                    boolean different = source != null && !Files.isSameFile(path, source);
                    if (different && !args.bool("force")) {
                        throw new Failure("Cannot link, different hard link exists at destination", OrderedFields.of("dest", name, "src", src));
                    }
                    yield different;
                }
                case "file" -> {
                    if (!args.bool("force")) {
                        throw new Failure("Cannot link, file exists at destination", OrderedFields.of("dest", name, "src", src));
                    }
                    yield true;
                }
                default -> {
                    if (Files.isSameFile(path, source)) {
                        out.put("path", name);
                        yield false;
                    }
                    if (!args.bool("force")) {
                        throw new Failure("Cannot link: different hard link exists at destination", OrderedFields.of("dest", name, "src", src));
                    }
                    yield true;
                }
            };
            if (changed && !check) {
                replaceWith(prev, tmp -> Files.createLink(tmp, source));
            }
            out.put("dest", name);
            out.put("src", src);
            if (check && !Files.exists(path)) {
                return changed;
            }
            return changed | attributes(path) | timestamps(path);
        }

        private interface LinkMaker {
            void make(Path at) throws IOException;
        }

        /** Creates the link beside the path and renames it over, as Ansible does for existing paths. */
        private void replaceWith(String prev, LinkMaker maker) throws Failure {
            try {
                if (prev.equals("absent")) {
                    maker.make(path);
                    return;
                }
                if (prev.equals("directory")) {
                    Files.delete(path);
                }
                Path tmp = path.resolveSibling("." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
                try {
                    maker.make(tmp);
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new Failure((prev.equals("absent") ? "Error while linking: " : "Error while replacing: ") + errno(e, path),
                        OrderedFields.of("path", name));
            }
        }

        private boolean attributes(Path target) throws IOException {
            return attributesOf(target, args.bool("follow"));
        }

        private boolean attributesOf(Path target, boolean follow) throws IOException {
            return FileAttributes.of(args).apply(target, follow, check, before, after);
        }

        private boolean timestamps(Path target) throws IOException {
            String mtimeArg = timeArg("modification_time");
            String atimeArg = timeArg("access_time");
            if (mtimeArg.equals("preserve") && atimeArg.equals("preserve")) {
                return false;
            }
            double now = System.currentTimeMillis() / 1000.0;
            Map<String, Object> times = Files.readAttributes(target, "unix:lastModifiedTime,lastAccessTime");
            double oldM = seconds((FileTime) times.get("lastModifiedTime"));
            double oldA = seconds((FileTime) times.get("lastAccessTime"));
            double mtime = when(mtimeArg, args.str("modification_time_format"), oldM, now);
            double atime = when(atimeArg, args.str("access_time_format"), oldA, now);
            if (mtime == oldM && atime == oldA) {
                return false;
            }
            if (!check) {
                Files.setAttribute(target, "basic:lastModifiedTime", fileTime(mtime));
                Files.setAttribute(target, "basic:lastAccessTime", fileTime(atime));
            }
            if (mtime != oldM) {
                before.put("mtime", oldM);
                after.put("mtime", mtime);
            }
            if (atime != oldA) {
                before.put("atime", oldA);
                after.put("atime", atime);
            }
            return true;
        }

        private String timeArg(String key) {
            String value = args.str(key);
            return value != null ? value : state.equals("touch") ? "now" : "preserve";
        }
    }

    private static double when(String value, String format, double old, double now) {
        return switch (value) {
            case "preserve" -> old;
            case "now" -> now;
            default -> {
                try {
                    LocalDateTime t = LocalDateTime.parse(value, DateTimeFormatter.ofPattern(javaPattern(format)));
                    yield t.atZone(ZoneId.systemDefault()).toEpochSecond();
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("Error while obtaining timestamp for time " + value + " using format "
                            + format + ": " + e.getMessage());
                }
            }
        };
    }

    /** The strftime directives Ansible's time formats use, as a java.time pattern. */
    static String javaPattern(String strftime) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < strftime.length(); i++) {
            char c = strftime.charAt(i);
            if (c == '%' && i + 1 < strftime.length()) {
                char d = strftime.charAt(++i);
                out.append(switch (d) {
                    case 'Y' -> "yyyy";
                    case 'y' -> "yy";
                    case 'm' -> "MM";
                    case 'd' -> "dd";
                    case 'H' -> "HH";
                    case 'M' -> "mm";
                    case 'S' -> "ss";
                    case '%' -> "'%'";
                    default -> throw new IllegalArgumentException("unsupported time directive %" + d);
                });
            } else if (Character.isLetter(c)) {
                out.append('\'').append(c).append('\'');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static double seconds(FileTime time) {
        Instant i = time.toInstant();
        return i.getEpochSecond() + i.getNano() / 1e9;
    }

    private static FileTime fileTime(double seconds) {
        long whole = (long) Math.floor(seconds);
        return FileTime.from(Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9)));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IOException("rmtree failed: " + e.getMessage(), e);
        }
    }

    /** Python's rendering of an OSError, which Ansible puts into its messages. */
    static String errno(IOException e, Path path) {
        String b = "b'" + path + "'";
        if (e instanceof NoSuchFileException) {
            return "[Errno 2] No such file or directory: " + b;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "[Errno 39] Directory not empty: " + b;
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason();
            int code = switch (reason) {
                case "Not a directory" -> 20;
                case "Permission denied" -> 13;
                case "File exists" -> 17;
                default -> 5;
            };
            return "[Errno " + code + "] " + reason + ": " + b;
        }
        return e.getMessage();
    }
}
