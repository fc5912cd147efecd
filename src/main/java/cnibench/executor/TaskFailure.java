package cnibench.executor;

/** A task failed before or around its module (bad loop data, undefined variable, bad arguments). */
class TaskFailure extends RuntimeException {
    TaskFailure(String message) {
        super(message);
    }
}
