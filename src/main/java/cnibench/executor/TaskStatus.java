package cnibench.executor;

/** How a task ended on a host. */
public enum TaskStatus {
    OK, CHANGED, FAILED, SKIPPED, UNREACHABLE
}
