package cnibench.module.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;

/** Module arguments that point a module at a fabric8 mock API server. */
final class MockApi {
    private MockApi() {
    }

    static Map<String, Object> args(KubernetesClient mockClient) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("host", mockClient.getConfiguration().getMasterUrl());
        args.put("api_key", "test-token");
        args.put("validate_certs", false);
        return args;
    }
}
