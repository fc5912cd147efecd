package cnibench.module.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/** Runs one API call, turning a client exception into a one-line {@link K8sTaskError} naming the object. */
final class K8sCalls {
    private K8sCalls() {
    }

    static <T> T call(String action, ObjectRef object, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw new K8sTaskError(KubernetesErrors.describe(action, object, e));
        }
    }
}
