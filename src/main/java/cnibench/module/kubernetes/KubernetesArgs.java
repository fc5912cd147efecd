package cnibench.module.kubernetes;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.ModuleSpec;

/** The connection arguments every kubernetes.core module shares, and the wait arguments of k8s and k8s_info. */
final class KubernetesArgs {
    private KubernetesArgs() {
    }

    static ModuleSpec.Builder connection(ModuleSpec.Builder builder) {
        return builder
                .arg(ArgSpec.of("kubeconfig", ArgType.PATH, "Path to a kubeconfig file; default K8S_AUTH_KUBECONFIG, KUBECONFIG or ~/.kube/config"))
                .arg(ArgSpec.of("context", ArgType.STR, "The kubeconfig context to use"))
                .arg(ArgSpec.of("host", ArgType.STR, "URL of the API server, overriding the kubeconfig"))
                .arg(ArgSpec.of("api_key", ArgType.STR, "Bearer token for the API server").asNoLog())
                .arg(ArgSpec.of("validate_certs", ArgType.BOOL, "Verify the API server's certificate").aliases("verify_ssl"))
                .arg(ArgSpec.of("ca_cert", ArgType.PATH, "CA certificate of the API server").aliases("ssl_ca_cert"));
    }

    static ModuleSpec.Builder waiting(ModuleSpec.Builder builder) {
        return builder
                .arg(ArgSpec.of("wait", ArgType.BOOL, "Wait for the object to reach the wanted state").defaultValue(false))
                .arg(ArgSpec.of("wait_condition", ArgType.DICT, "A status condition to wait for: type, status (default True), reason"))
                .arg(ArgSpec.of("wait_sleep", ArgType.INT, "Seconds between checks").defaultValue(5))
                .arg(ArgSpec.of("wait_timeout", ArgType.INT, "Seconds to wait").defaultValue(120));
    }
}
