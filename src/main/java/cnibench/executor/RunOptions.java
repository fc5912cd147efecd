package cnibench.executor;

import java.util.List;

/** What the command line asked of a run. */
public record RunOptions(boolean check, boolean diff, int verbosity, int forks, List<String> tags,
                         List<String> skipTags, String limit, String startAtTask, String connection) {

    public RunOptions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        skipTags = skipTags == null ? List.of() : List.copyOf(skipTags);
    }

    public static RunOptions defaults() {
        return new RunOptions(false, false, 0, 5, List.of(), List.of(), null, null, null);
    }
}
