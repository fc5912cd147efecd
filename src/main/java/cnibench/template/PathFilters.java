package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.python.PyTuple;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** basename, dirname, expanduser, expandvars, realpath, relpath, fileglob, quote, path_join, splitext (Python os.path rules). */
final class PathFilters {
    private static final Pattern ENV_VAR = Pattern.compile("\\$(?:(\\w+)|\\{([^}]*)})");
    private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+");

    private PathFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("basename", (v, a) -> basename(PyRepr.str(v)));
        c.add("dirname", (v, a) -> dirname(PyRepr.str(v)));
        c.add("expanduser", (v, a) -> expanduser(PyRepr.str(v)));
        c.add("realpath", (v, a) -> realpath(PyRepr.str(v)));
        c.add("quote", (v, a) -> quote(v == null ? "" : PyRepr.str(v)));
        c.add("path_join", (v, a) -> {
            String out = "";
            for (Object part : CollectionFilters.list(v)) {
                String p = PyRepr.str(part);
                out = p.startsWith("/") || out.isEmpty() ? p : out.endsWith("/") ? out + p : out + "/" + p;
            }
            return out;
        });
        c.add("expandvars", (v, a) -> expandvars(PyRepr.str(v)));
        c.add("relpath", (v, a) -> relpath(PyRepr.str(v), a.string(0, "start", null)));
        c.add("fileglob", (v, a) -> fileglob(PyRepr.str(v)));
        c.add("splitext", (v, a) -> {
            String path = PyRepr.str(v);
            String base = basename(path);
            int dot = base.lastIndexOf('.');
            if (dot <= 0 || base.chars().limit(dot).allMatch(ch -> ch == '.')) {
                return new PyTuple(path, "");
            }
            int cut = path.length() - base.length() + dot;
            return new PyTuple(path.substring(0, cut), path.substring(cut));
        });
    }

    static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String head = path.substring(0, slash + 1);
        String stripped = head.replaceAll("/+$", "");
        return stripped.isEmpty() ? head : stripped;
    }

    static String expanduser(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    static String realpath(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toString();
        }
    }

    /** Python's shlex.quote. */
    static String quote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        if (SHELL_SAFE.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** os.path.expandvars: $NAME and ${NAME} of set environment variables; others stay. */
    static String expandvars(String path) {
        Matcher m = ENV_VAR.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = System.getenv(m.group(1) != null ? m.group(1) : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /** os.path.relpath(path, start): start defaults to the current directory. */
    static String relpath(String path, String start) {
        Path from = Path.of(start == null ? "" : start).toAbsolutePath().normalize();
        String relative = from.relativize(Path.of(path).toAbsolutePath().normalize()).toString();
        return relative.isEmpty() ? "." : relative;
    }

    /** Ansible's fileglob filter: the regular files matching the pattern (relative to the current directory). */
    static List<Object> fileglob(String pattern) {
        Path given = Path.of(pattern);
        Path dir = given.getParent() == null ? Path.of("") : given.getParent();
        List<Object> out = new ArrayList<>();
        if (!Files.isDirectory(dir.toAbsolutePath())) {
            return out;
        }
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir.toAbsolutePath(), given.getFileName().toString())) {
            for (Path match : matches) {
                if (Files.isRegularFile(match)) {
                    out.add(dir.resolve(match.getFileName()).toString());
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
