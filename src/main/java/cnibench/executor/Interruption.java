package cnibench.executor;

/**
 * Ctrl-C during a run: no new task starts, but `always` sections still run so that teardown
 * (namespaces, processes, firewall rules) happens, unlike ansible-playbook, which stops at once.
 */
public final class Interruption {
    private static volatile boolean requested;
    private static final ThreadLocal<int[]> ALWAYS_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Interruption() {
    }

    public static void request() {
        requested = true;
    }

    public static boolean requested() {
        return requested;
    }

    /** True when a task may still start: no interrupt, or the task is inside an `always` section. */
    static boolean mayRun() {
        return !requested || ALWAYS_DEPTH.get()[0] > 0;
    }

    static void enterAlways() {
        ALWAYS_DEPTH.get()[0]++;
    }

    static void leaveAlways() {
        ALWAYS_DEPTH.get()[0]--;
    }
}
