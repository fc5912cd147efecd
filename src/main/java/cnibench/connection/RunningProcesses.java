package cnibench.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.exec.ProcessDestroyer;

/** The commands running right now, so that an interrupted run can stop them before its teardown. */
public final class RunningProcesses implements ProcessDestroyer {
    private static final RunningProcesses INSTANCE = new RunningProcesses();
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public static RunningProcesses instance() {
        return INSTANCE;
    }

    @Override
    public boolean add(Process process) {
        return running.add(process);
    }

    @Override
    public boolean remove(Process process) {
        return running.remove(process);
    }

    @Override
    public int size() {
        return running.size();
    }

    /** Ends every command started so far, with its children. */
    public void destroyAll() {
        for (Process p : running) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }
}
