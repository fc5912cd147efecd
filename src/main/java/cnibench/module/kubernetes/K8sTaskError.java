package cnibench.module.kubernetes;

/** A failure of a Kubernetes task whose message is the one line the user sees. */
final class K8sTaskError extends RuntimeException {
    K8sTaskError(String message) {
        super(message);
    }
}
