package cnibench.executor;

import java.util.List;

/** Decides from --tags and --skip-tags whether a task with the given tags runs, as Ansible does. */
final class TagFilter {
    private final List<String> only;
    private final List<String> skip;

    TagFilter(List<String> only, List<String> skip) {
        this.only = only.isEmpty() ? List.of("all") : only;
        this.skip = skip;
    }

    boolean selects(List<String> tags) {
        boolean always = tags.contains("always");
        boolean never = tags.contains("never");
        boolean run;
        if (always && !skip.contains("always")) {
            run = true;
        } else if (only.contains("all") && !never) {
            run = true;
        } else if (only.contains("tagged") && !tags.isEmpty() && !never) {
            run = true;
        } else if (only.contains("untagged") && tags.isEmpty()) {
            run = true;
        } else {
            run = tags.stream().anyMatch(only::contains);
        }
        if (!run) {
            return false;
        }
        if (skip.contains("all") && !(always && !skip.contains("always"))) {
            return false;
        }
        if (skip.contains("tagged") && !tags.isEmpty() && !always) {
            return false;
        }
        if (skip.contains("untagged") && tags.isEmpty()) {
            return false;
        }
        return tags.stream().noneMatch(skip::contains);
    }
}
