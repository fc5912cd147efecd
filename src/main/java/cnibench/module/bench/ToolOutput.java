package cnibench.module.bench;

/** What a failed benchmark tool said, in one line for the task's message. */
final class ToolOutput {
    private ToolOutput() {
    }

    /** The first line of stderr, else of stdout, else the fallback. */
    static String firstLine(String stderr, String stdout, String fallback) {
        String text = !stderr.isBlank() ? stderr : stdout;
        return text.isBlank() ? fallback : text.strip().lines().findFirst().orElse(fallback);
    }
}
