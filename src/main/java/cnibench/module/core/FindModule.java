package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.python.PyRegex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** ansible.builtin.find: files matching name, age, size and content criteria under given directories. */
public final class FindModule extends FixedSpecModule {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final Pattern AGE = Pattern.compile("^(-?\\d+)([smhdw])?$");
    private static final Pattern SIZE = Pattern.compile("^(-?\\d+)([bkmgt])?$");
    private static final List<String> NOT_IN_FIND = List.of("exists", "readable", "writeable", "executable", "device_type",
            "lnk_source", "lnk_target", "checksum");

    private static final ModuleSpec SPEC = ModuleSpec.builder("find").builtin()
            .description("Find files by name pattern, type, age, size or content; returns stat-like dicts in files.")
            .arg(ArgSpec.of("paths", ArgType.LIST, "Directories to search.").asRequired().elements(ArgType.STR).aliases("name", "path"))
            .arg(ArgSpec.of("patterns", ArgType.LIST, "Shell globs (or Python regexes with use_regex) the basename must match.")
                    .defaultValue(List.of()).elements(ArgType.STR).aliases("pattern"))
            .arg(ArgSpec.of("excludes", ArgType.LIST, "Globs or regexes of basenames to leave out.").elements(ArgType.STR).aliases("exclude"))
            .arg(ArgSpec.of("contains", ArgType.STR, "Regular expression a line (or the file) must contain; files only."))
            .arg(ArgSpec.of("read_whole_file", ArgType.BOOL, "Match contains against the whole file instead of line by line.").defaultValue(false))
            .arg(ArgSpec.of("file_type", ArgType.STR, "Type of entries to report.").defaultValue("file").choices("any", "directory", "file", "link"))
            .arg(ArgSpec.of("age", ArgType.STR, "Older than this (e.g. 2d, 1w); negative means younger."))
            .arg(ArgSpec.of("age_stamp", ArgType.STR, "Which time age compares.").defaultValue("mtime").choices("atime", "ctime", "mtime"))
            .arg(ArgSpec.of("size", ArgType.STR, "At least this size (e.g. 10k, 1m); negative means at most."))
            .arg(ArgSpec.of("recurse", ArgType.BOOL, "Descend into subdirectories.").defaultValue(false))
            .arg(ArgSpec.of("hidden", ArgType.BOOL, "Include names starting with a dot.").defaultValue(false))
            .arg(ArgSpec.of("follow", ArgType.BOOL, "Follow directory symlinks while recursing.").defaultValue(false))
            .arg(ArgSpec.of("get_checksum", ArgType.BOOL, "Add the sha1 checksum of regular files.").defaultValue(false))
            .arg(ArgSpec.of("use_regex", ArgType.BOOL, "patterns and excludes are Python regexes rather than globs.").defaultValue(false))
            .arg(ArgSpec.of("depth", ArgType.INT, "How many directory levels to descend with recurse."))
            .checkMode()
            .examples("""
                    - name: Results older than a week
                      ansible.builtin.find:
                        paths: /var/lib/cnibench/results
                        patterns: '*.json'
                        age: 1w
                      register: old
                    """)
            .build();

    public FindModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        Long age = parse(args.str("age"), AGE, 'a');
        Long size = parse(args.str("size"), SIZE, 's');
        if (args.has("age") && age == null) {
            return ModuleResult.failed("failed to process age").put("age", args.str("age"));
        }
        if (args.has("size") && size == null) {
            return ModuleResult.failed("failed to process size").put("size", args.str("size"));
        }
        Criteria criteria = new Criteria(args, age, size);
        List<Map<String, Object>> files = new ArrayList<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int examined = 0;
        for (String name : args.strings("paths")) {
            Path root = ctx.connection().path(name);
            if (!Files.isDirectory(root)) {
                String problem = "'" + name + "' is not a directory";
                skipped.put(name, problem);
                warnings.add("Skipped '" + name + "' path due to this access issue: " + problem + "\n");
                continue;
            }
            examined += walk(root, name.replaceAll("/+$", ""), 1, criteria, files);
        }
        ModuleResult result = ModuleResult.ok()
                .msg(warnings.isEmpty() ? "All paths examined" : "Not all paths examined, check warnings for details")
                .put("files", files)
                .put("matched", files.size())
                .put("examined", examined)
                .put("skipped_paths", skipped);
        if (!warnings.isEmpty()) {
            result.put("warnings", warnings);
        }
        return result;
    }

    /** One directory level, as os.walk yields it; returns how many entries were looked at. */
    private static int walk(Path dir, String shown, int depth, Criteria c, List<Map<String, Object>> out) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        int looked = entries.size();
        List<Path> subdirs = new ArrayList<>();
        for (Path entry : entries) {
            String base = entry.getFileName().toString();
            String name = shown + "/" + base;
            boolean isDir = c.follow ? Files.isDirectory(entry) : Files.isDirectory(entry, NOFOLLOW);
            if (c.depth != null && depth > c.depth) {
                continue;
            }
            if (isDir) {
                subdirs.add(entry);
            }
            if (base.startsWith(".") && !c.hidden) {
                continue;
            }
            Map<String, Object> info = c.matches(entry, base);
            if (info != null) {
                info.put("path", name);
                out.add(info);
            }
        }
        // like Ansible, entries one level below depth are counted as examined but not descended into
        if (c.recurse && (c.depth == null || depth <= c.depth)) {
            for (Path sub : subdirs) {
                looked += walk(sub, shown + "/" + sub.getFileName(), depth + 1, c, out);
            }
        }
        return looked;
    }

    private static Long parse(String value, Pattern pattern, char kind) {
        if (value == null) {
            return null;
        }
        Matcher m = pattern.matcher(value.toLowerCase());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        long factor = kind == 'a'
                ? switch (unit) {
                    case "m" -> 60;
                    case "h" -> 3600;
                    case "d" -> 86400;
                    case "w" -> 604800;
                    default -> 1;
                }
                : switch (unit) {
                    case "k" -> 1024L;
                    case "m" -> 1024L * 1024;
                    case "g" -> 1024L * 1024 * 1024;
                    case "t" -> 1024L * 1024 * 1024 * 1024;
                    default -> 1;
                };
        return n * factor;
    }

    /** The filters of one find call. */
    private static final class Criteria {
        final List<String> patterns;
        final List<String> excludes;
        final boolean regex;
        final String type;
        final Long age;
        final String ageStamp;
        final Long size;
        final Pattern contains;
        final boolean wholeFile;
        final boolean recurse;
        final boolean hidden;
        final boolean follow;
        final boolean checksum;
        final Integer depth;
        final double now = System.currentTimeMillis() / 1000.0;

        Criteria(Arguments args, Long age, Long size) {
            this.regex = args.bool("use_regex");
            List<String> given = args.strings("patterns");
            this.patterns = given.isEmpty() ? List.of(regex ? ".*" : "*") : given;
            this.excludes = args.strings("excludes");
            this.type = args.str("file_type");
            this.age = age;
            this.ageStamp = args.str("age_stamp");
            this.size = size;
            this.contains = args.has("contains") ? PyRegex.compile(args.str("contains"), 0) : null;
            this.wholeFile = args.bool("read_whole_file");
            this.recurse = args.bool("recurse");
            this.hidden = args.bool("hidden");
            this.follow = args.bool("follow");
            this.checksum = args.bool("get_checksum");
            this.depth = args.integer("depth") != null && args.integer("depth") > 0 ? args.integer("depth") : null;
        }

        /** The stat info of a matching entry, or null. */
        Map<String, Object> matches(Path entry, String base) throws IOException {
            int mode = PathInfo.mode(entry);
            int kind = mode & 0170000;
            boolean regular = kind == 0100000;
            boolean wanted = switch (type) {
                case "any" -> true;
                case "directory" -> kind == 0040000;
                case "link" -> kind == 0120000;
                default -> regular;
            };
            if (!wanted || !nameMatches(base) || !ageMatches(entry)) {
                return null;
            }
            if (regular && !sizeMatches(Files.size(entry))) {
                return null;
            }
            if (type.equals("file") && !contentMatches(entry)) {
                return null;
            }
            Map<String, Object> info = StatModule.describe(entry, entry.toString(), NOFOLLOW, null);
            NOT_IN_FIND.forEach(info::remove);
            info.remove("path");
            if (regular && checksum) {
                info.put("checksum", Digests.ofFile(entry, "sha1"));
            }
            return info;
        }

        private boolean nameMatches(String base) {
            boolean included = patterns.stream().anyMatch(p -> matchOne(p, base));
            return included && excludes.stream().noneMatch(e -> matchOne(e, base));
        }

        private boolean matchOne(String pattern, String base) {
            if (regex) {
                return PyRegex.compile(pattern, 0).matcher(base).lookingAt();
            }
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(base));
        }

        private boolean ageMatches(Path entry) throws IOException {
            if (age == null) {
                return true;
            }
            String attr = switch (ageStamp) {
                case "atime" -> "unix:lastAccessTime";
                case "ctime" -> "unix:ctime";
                default -> "unix:lastModifiedTime";
            };
            FileTime t = (FileTime) Files.getAttribute(entry, attr, NOFOLLOW);
            double elapsed = now - t.toMillis() / 1000.0;
            return age >= 0 ? elapsed >= Math.abs(age) : elapsed <= Math.abs(age);
        }

        private boolean sizeMatches(long bytes) {
            return size == null || (size >= 0 ? bytes >= Math.abs(size) : bytes <= Math.abs(size));
        }

        private boolean contentMatches(Path file) {
            if (contains == null) {
                return true;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (wholeFile) {
                    return contains.matcher(text).find();
                }
                return TextFile.splitLines(text).stream().anyMatch(l -> contains.matcher(l).lookingAt());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
