package cnibench.k8segress;

import java.util.List;

/** What running a command in a pod gives the exec API: its exit code and standard output. */
@FunctionalInterface
interface PodExec {
    Result run(String namespace, String pod, List<String> command) throws Exception;

    record Result(int exitCode, byte[] stdout) {
    }
}
