package cnibench.template;

import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRepr;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups reading files: file, template, first_found, fileglob. */
final class FileLookups {
    private FileLookups() {
    }

    static List<Object> file(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String name = PyRepr.str(term);
            Path path = context.find(name, "files")
                    .orElseThrow(() -> new TemplateError("could not locate file in lookup: " + name));
            String content = read(path);
            if (AnsibleBoolean.ofBoolFilter(options.getOrDefault("lstrip", false))) {
                content = content.stripLeading();
            }
            if (AnsibleBoolean.ofBoolFilter(options.getOrDefault("rstrip", true))) {
                content = content.stripTrailing();
            }
            out.add(content);
        }
        return out;
    }

    static List<Object> template(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        RenderSession session = context.session();
        Map<String, Object> vars = session.rawVars();
        if (options.get("template_vars") instanceof Map<?, ?> extra) {
            vars = new LinkedHashMap<>(session.rawVars());
            for (Map.Entry<?, ?> e : extra.entrySet()) {
                vars.put(PyRepr.str(e.getKey()), e.getValue());
            }
        }
        for (Object term : terms) {
            String name = PyRepr.str(term);
            Path path = context.find(name, "templates")
                    .orElseThrow(() -> new TemplateError("the template file " + name + " could not be found for the lookup"));
            out.add(session.templar().renderText(read(path), new RenderSession(session.templar(), vars, path)));
        }
        return out;
    }

    /** first_found: terms are file names or {files: [...], paths: [...], skip: bool}. */
    static List<Object> firstFound(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<String> files = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        boolean skip = AnsibleBoolean.ofBoolFilter(options.getOrDefault("skip", false));
        addSplit(files, options.get("files"));
        addSplit(paths, options.get("paths"));
        for (Object term : CollectionFilters.flatten(terms, -1, true)) {
            if (term instanceof Map<?, ?> spec) {
                addSplit(files, spec.get("files"));
                addSplit(paths, spec.get("paths"));
                skip |= AnsibleBoolean.ofBoolFilter(spec.get("skip") == null ? false : spec.get("skip"));
            } else {
                files.add(PyRepr.str(term));
            }
        }
        for (String file : files) {
            Optional<Path> found = paths.isEmpty() ? context.find(file, "files")
                    : paths.stream().map(p -> context.find(Path.of(p).resolve(file).toString(), "files"))
                            .flatMap(Optional::stream).findFirst();
            if (found.isPresent()) {
                return List.of(found.get().toAbsolutePath().toString());
            }
        }
        if (skip) {
            return List.of();
        }
        throw new TemplateError("No file was found when using first_found.");
    }

    /** Ansible splits file and path strings on commas, semicolons and colons (paths). */
    private static void addSplit(List<String> into, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> many) {
            many.forEach(v -> addSplit(into, v));
            return;
        }
        for (String part : PyRepr.str(value).split("[,;]")) {
            if (!part.isBlank()) {
                into.add(part.strip());
            }
        }
    }

    static List<Object> fileglob(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            Path pattern = Path.of(PyRepr.str(term));
            String glob = pattern.getFileName().toString();
            Path parent = pattern.getParent() == null ? Path.of("") : pattern.getParent();
            List<Path> dirs = new ArrayList<>();
            if (parent.isAbsolute()) {
                dirs.add(parent);
            } else {
                for (Path dir : context.searchDirs()) {
                    dirs.add(dir.resolve("files").resolve(parent));
                    dirs.add(dir.resolve(parent));
                }
            }
            for (Path dir : dirs) {
                List<Object> matches = matches(dir, glob);
                if (!matches.isEmpty()) {
                    out.addAll(matches);
                    break;
                }
            }
        }
        return out;
    }

    private static List<Object> matches(Path dir, String glob) {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    found.add(p.toAbsolutePath().normalize().toString());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(null);
        return new ArrayList<>(found);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new TemplateError("could not read " + path + ": " + e.getMessage());
        }
    }
}
