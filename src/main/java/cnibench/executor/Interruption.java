package cnibench.executor;

/**
 * Ctrl-C during a run: no new task starts, but `always` sections still run so that teardown
 * (namespaces, processes, firewall rules) happens, unlike ansible-playbook, which stops at once.
 * Which hosts are in an `always` section is {@link AlwaysSections}' part.
 */
public final class Interruption {
    private static volatile boolean requested;

    private Interruption() {
    }

    public static void request() {
        requested = true;
    }

    public static boolean requested() {
        return requested;
    }
}
