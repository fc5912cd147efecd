package cnibench.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** basename, dirname, expanduser, realpath, quote, path_join, splitext (Python os.path rules). */
final class PathFilters {
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
}
