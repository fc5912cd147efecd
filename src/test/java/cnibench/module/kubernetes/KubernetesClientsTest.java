package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesClientsTest {
    @TempDir
    Path dir;

    private static Arguments args(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("kind", "Pod");
        return ArgumentValidator.validate(new K8sInfoModule().spec(), all);
    }

    private Path kubeconfig() throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: kind-bench
                clusters:
                  - name: kind-bench
                    cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true}
                  - name: other
                    cluster: {server: "https://127.0.0.1:7443"}
                contexts:
                  - name: kind-bench
                    context: {cluster: kind-bench, user: admin, namespace: bench}
                  - name: other
                    context: {cluster: other, user: admin}
                users:
                  - name: admin
                    user: {token: secret}
                """);
    }

    @Test
    void readsTheKubeconfigFromTheEnvironmentAndTheContextFromArguments() throws Exception {
        KubernetesClients clients = new KubernetesClients(Map.of("KUBECONFIG", "/nonexistent:" + kubeconfig()));
        try {
            Config current = clients.client(args(Map.of())).getConfiguration();
            Config other = clients.client(args(Map.of("context", "other"))).getConfiguration();

            assertEquals("https://127.0.0.1:6443/", current.getMasterUrl());
            assertEquals("bench", current.getNamespace());
            assertEquals("https://127.0.0.1:7443/", other.getMasterUrl());
        } finally {
            clients.closeAll();
        }
    }

    @Test
    void cachesOneClientPerConnectionAndLetsHostAndTokenOverride() throws Exception {
        KubernetesClients clients = new KubernetesClients(Map.of("K8S_AUTH_KUBECONFIG", kubeconfig().toString()));
        try {
            KubernetesClient first = clients.client(args(Map.of()));
            KubernetesClient again = clients.client(args(Map.of()));
            Config overridden = clients.client(args(Map.of("host", "https://10.0.0.1:443", "api_key", "t2",
                    "validate_certs", false))).getConfiguration();

            assertSame(first, again);
            assertEquals("https://10.0.0.1:443/", overridden.getMasterUrl());
            assertEquals("t2", overridden.getOauthToken());
            assertTrue(overridden.isTrustCerts());
        } finally {
            clients.closeAll();
        }
    }
}
