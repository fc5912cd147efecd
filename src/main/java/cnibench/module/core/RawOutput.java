package cnibench.module.core;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ModuleResult;

/**
 * Results of raw and script, which Ansible reports as the connection returned them: rc, stdout and
 * stderr with their final newline, their lines, and failure on a non-zero rc.
 */
final class RawOutput {
    private RawOutput() {
    }

    static ModuleResult result(CommandResult ran) {
        ModuleResult result = ModuleResult.changed(true)
                .put("rc", ran.rc())
                .put("stdout", withLineEnd(ran.stdout()))
                .put("stderr", withLineEnd(ran.stderr()));
        CommandTask.finish(result);
        if (ran.rc() != 0) {
            result.setFailed(true).msg("non-zero return code");
        }
        return result;
    }

    /** The connection drops the final newline that programs almost always print; Ansible keeps it. */
    private static String withLineEnd(String text) {
        return text.isEmpty() ? text : text + "\n";
    }
}
