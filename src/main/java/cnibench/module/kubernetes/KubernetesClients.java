package cnibench.module.kubernetes;

import cnibench.module.spi.Arguments;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds one fabric8 client per distinct connection (kubeconfig, context, host, token, TLS) and keeps it
 * for the rest of the run, so a playbook's many k8s tasks share connections and discovery.
 */
public final class KubernetesClients {
    private static final KubernetesClients SHARED = new KubernetesClients(System.getenv());

    /** What identifies a connection; the module arguments, completed from K8S_AUTH_* environment variables. */
    record Key(String kubeconfig, String context, String host, String apiKey, Boolean validateCerts, String caCert) {
    }

    private final Map<String, String> env;
    private final Map<Key, KubernetesClient> clients = new ConcurrentHashMap<>();

    KubernetesClients(Map<String, String> env) {
        this.env = env;
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "kubernetes-clients-close"));
    }

    public static KubernetesClients shared() {
        return SHARED;
    }

    /** The client for a module's connection arguments (kubeconfig, context, host, api_key, validate_certs, ca_cert). */
    public KubernetesClient client(Arguments args) {
        Key key = new Key(
                args.str("kubeconfig", env.get("K8S_AUTH_KUBECONFIG")),
                args.str("context", env.get("K8S_AUTH_CONTEXT")),
                args.str("host", env.get("K8S_AUTH_HOST")),
                args.str("api_key", env.get("K8S_AUTH_API_KEY")),
                args.has("validate_certs") ? (Boolean) args.bool("validate_certs") : envBool("K8S_AUTH_VERIFY_SSL"),
                args.str("ca_cert", env.get("K8S_AUTH_SSL_CA_CERT")));
        return clients.computeIfAbsent(key, k -> new KubernetesClientBuilder().withConfig(config(k)).build());
    }

    /** Closes every client; later calls build new ones. */
    public void closeAll() {
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
    }

    Config config(Key key) {
        Config base = baseConfig(key);
        ConfigBuilder builder = new ConfigBuilder(base)
                // a task should fail fast and clearly, not retry for a minute
                .withRequestRetryBackoffLimit(1)
                .withConnectionTimeout(10_000);
        if (key.host() != null) {
            builder.withMasterUrl(key.host());
        }
        if (key.apiKey() != null) {
            builder.withOauthToken(key.apiKey());
        }
        if (Boolean.FALSE.equals(key.validateCerts())) {
            builder.withTrustCerts(true).withDisableHostnameVerification(true);
        }
        if (key.caCert() != null) {
            builder.withCaCertFile(key.caCert());
        }
        return builder.build();
    }

    private Config baseConfig(Key key) {
        String kubeconfig = kubeconfigPath(key.kubeconfig());
        if (kubeconfig != null) {
            File file = new File(kubeconfig);
            if (!file.isFile()) {
                throw new IllegalArgumentException("kubeconfig file " + kubeconfig + " does not exist");
            }
            return Config.fromKubeconfig(key.context(), file);
        }
        if (key.host() != null) {
            return Config.empty();
        }
        return Config.autoConfigure(key.context());
    }

    /** The kubeconfig to read: the argument, else the first existing file of KUBECONFIG, else ~/.kube/config if present. */
    private String kubeconfigPath(String fromArgs) {
        if (fromArgs != null) {
            return fromArgs.startsWith("~") ? System.getProperty("user.home") + fromArgs.substring(1) : fromArgs;
        }
        String list = env.get("KUBECONFIG");
        if (list != null) {
            for (String candidate : list.split(File.pathSeparator)) {
                if (!candidate.isBlank() && Files.isRegularFile(Path.of(candidate))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private Boolean envBool(String name) {
        String value = env.get(name);
        return value == null ? null : !(value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no") || value.equals("0"));
    }
}
