package cnibench.module.core;

import cnibench.connection.Connection;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** Whether a glob pattern matches anything on a host, as Python's glob.glob does for creates/removes. */
final class HostGlob {
    private HostGlob() {
    }

    /** True when the pattern, relative to {@code baseDir} (or the working directory), names an existing path. */
    static boolean exists(Connection connection, String baseDir, String pattern) throws IOException {
        String absolute = pattern.startsWith("/") || baseDir == null ? pattern : baseDir + "/" + pattern;
        if (!hasMagic(absolute)) {
            return Files.exists(connection.path(absolute), LinkOption.NOFOLLOW_LINKS);
        }
        List<Path> candidates = List.of(connection.path(absolute.startsWith("/") ? "/" : "."));
        for (String segment : absolute.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            candidates = expand(candidates, segment);
            if (candidates.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> expand(List<Path> dirs, String segment) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : dirs) {
            if (!hasMagic(segment)) {
                Path next = dir.resolve(segment);
                if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(next);
                }
                continue;
            }
            if (!Files.isDirectory(dir)) {
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    // like glob.glob, a wildcard does not match a leading dot
                    if ((!name.startsWith(".") || segment.startsWith(".")) && matcher.matches(entry.getFileName())) {
                        out.add(entry);
                    }
                }
            }
        }
        return out;
    }

    private static boolean hasMagic(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }
}
