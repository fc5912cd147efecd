package cnibench.e2e;

/** What a finished process left behind: its exit code and everything it printed. */
record ProcessOutcome(int exitCode, String stdout, String stderr) {

    /** Both streams, for assertion messages and for searching error text wherever it was printed. */
    String all() {
        return stdout + (stderr.isEmpty() ? "" : "\n--- stderr ---\n" + stderr);
    }
}
