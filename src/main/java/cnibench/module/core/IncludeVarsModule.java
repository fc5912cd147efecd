package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * ansible.builtin.include_vars: loads variables from a YAML/JSON file or a directory of them. The
 * result's ansible_facts are the variables; the executor sets them at include_vars precedence.
 */
public final class IncludeVarsModule extends FixedSpecModule {
    private static final List<String> DIR_ONLY = List.of("dir", "files_matching", "ignore_files");

    private static final ModuleSpec SPEC = ModuleSpec.builder("include_vars").builtin()
            .description("Load YAML/JSON variables dynamically from a file or directory, recursively, during task runtime.")
            .freeForm()
            .checkMode()
            .arg(ArgSpec.of("file", ArgType.STR, "The file name from which variables should be loaded (searched in vars/)."))
            .arg(ArgSpec.of("dir", ArgType.STR, "The directory name from which the variables should be loaded."))
            .arg(ArgSpec.of("name", ArgType.STR, "The name of a variable into which to assign the included vars."))
            .arg(ArgSpec.of("depth", ArgType.INT, "With dir: how many directories of the sorted walk to load (0 = all).")
                    .defaultValue(0))
            .arg(ArgSpec.of("files_matching", ArgType.STR, "With dir: only load files whose name matches this regex."))
            .arg(ArgSpec.of("ignore_files", ArgType.LIST, "With dir: regexes of file names to skip.").elements(ArgType.STR))
            .arg(ArgSpec.of("extensions", ArgType.LIST, "With dir: file extensions to load.").elements(ArgType.STR)
                    .defaultValue(List.of("yaml", "yml", "json")))
            .arg(ArgSpec.of("ignore_unknown_extensions", ArgType.BOOL,
                    "With dir: skip files whose extension is not in extensions instead of failing.").defaultValue(false))
            .arg(ArgSpec.of("hash_behaviour", ArgType.STR,
                    "How loaded dictionaries combine with existing variables of the same name.").choices("replace", "merge"))
            .examples("""
                    - name: Load the versions pinned for this environment
                      ansible.builtin.include_vars: versions.yml

                    - name: Load every file of a directory into one variable
                      ansible.builtin.include_vars:
                        dir: scenarios
                        extensions: [yml]
                        name: scenarios
                    """)
            .build();

    public IncludeVarsModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws IOException {
        String file = args.has("file") ? args.str("file") : args.has("_raw_params") ? args.str("_raw_params").stripTrailing() : null;
        boolean dirArgs = DIR_ONLY.stream().anyMatch(args::has);
        if (file != null && dirArgs) {
            return ModuleResult.failed("You are mixing file only and dir only arguments, these are incompatible");
        }
        Loaded loaded = new Loaded(args);
        String error = args.has("dir") ? loaded.directory(context, args.str("dir"))
                : file == null ? "No file or dir was given to include_vars"
                : loaded.file(context, file);
        if (error != null) {
            return ModuleResult.changed(false).setFailed(true).put("message", error)
                    .put("ansible_included_var_files", List.of()).includedVars(Map.of());
        }
        Map<String, Object> vars = loaded.vars;
        if ("merge".equals(args.str("hash_behaviour"))) {
            vars.replaceAll((name, value) -> VarMerge.combine(context.vars().get(name), value));
        }
        if (args.has("name")) {
            Map<String, Object> scoped = new LinkedHashMap<>();
            scoped.put(args.str("name"), vars);
            vars = scoped;
        }
        return ModuleResult.ok().put("ansible_included_var_files", loaded.files).includedVars(vars);
    }

    /** Variables and the files they came from, accumulated in load order. */
    private static final class Loaded {
        private final Map<String, Object> vars = new LinkedHashMap<>();
        private final List<String> files = new ArrayList<>();
        private final Arguments args;

        Loaded(Arguments args) {
            this.args = args;
        }

        String file(ModuleContext context, String name) {
            Path path = context.findFile("vars", name);
            if (path == null || !Files.isRegularFile(path)) {
                return "Could not find or access '" + name + "'";
            }
            return load(path.toAbsolutePath());
        }

        String directory(ModuleContext context, String name) throws IOException {
            Path dir = context.findFile("vars", name);
            if (dir == null || !Files.exists(dir)) {
                return name + " directory does not exist";
            }
            if (!Files.isDirectory(dir)) {
                return name + " is not a directory";
            }
            dir = dir.toAbsolutePath();
            int depth = args.integer("depth");
            Pattern matching = args.has("files_matching") ? Pattern.compile(args.str("files_matching")) : null;
            List<Pattern> ignored = args.strings("ignore_files").stream().map(p -> Pattern.compile(p + "$")).toList();
            // as Ansible: the walk's directories sorted by path, the first `depth` of them
            List<Path> dirs;
            try (Stream<Path> walk = Files.walk(dir)) {
                dirs = walk.filter(Files::isDirectory).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
            }
            for (Path current : depth == 0 ? dirs : dirs.subList(0, Math.min(depth, dirs.size()))) {
                List<Path> entries;
                try (Stream<Path> list = Files.list(current)) {
                    entries = list.filter(p -> !Files.isDirectory(p)).sorted().toList();
                }
                for (Path entry : entries) {
                    String fileName = entry.getFileName().toString();
                    if ((matching != null && !matching.matcher(fileName).find())
                            || ignored.stream().anyMatch(p -> p.matcher(fileName).find())) {
                        continue;
                    }
                    boolean validExtension = args.strings("extensions").contains(extension(fileName));
                    if (!validExtension && args.bool("ignore_unknown_extensions")) {
                        continue;
                    }
                    String error = validExtension ? load(entry) : entry + " does not have a valid extension: "
                            + String.join(", ", args.strings("extensions"));
                    if (error != null) {
                        return error;
                    }
                }
            }
            return null;
        }

        private String load(Path path) {
            Object data = YamlLoader.load(path);
            if (data == null) {
                data = Map.of();
            }
            if (!(data instanceof Map<?, ?> map)) {
                return path + " must be stored as a dictionary/hash";
            }
            files.add(path.toString());
            map.forEach((k, v) -> vars.put(String.valueOf(k), v));
            return null;
        }

        /** Python's os.path.splitext: the part after the last dot, unless the dot leads the name. */
        private static String extension(String fileName) {
            int dot = fileName.lastIndexOf('.');
            int firstNonDot = 0;
            while (firstNonDot < fileName.length() && fileName.charAt(firstNonDot) == '.') {
                firstNonDot++;
            }
            return dot > firstNonDot ? fileName.substring(dot + 1) : "";
        }
    }
}
