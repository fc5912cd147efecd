package cnibench.module.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.resources.ResourceManager;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the SDK's managers for one task: the JDK's HTTP client (no Netty); few and short retries, so that an
 * endpoint that refuses fails at once and a silent one within about 35 s; and DefaultAzureCredential
 * (environment, workload or managed identity, Azure CLI login). Only the azure modules touch this class, so no
 * Azure class loads when a run uses none.
 */
final class AzureClients {
    /** $CNIBENCH_AZURE_CA_FILE: a PEM CA that Resource Manager's certificate is checked against (for an https stub). */
    static final String CA_FILE_VARIABLE = "CNIBENCH_AZURE_CA_FILE";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int RETRIES = 2;

    private final Map<String, String> env;
    private final Supplier<TokenCredential> credentials;

    AzureClients(Map<String, String> env, Supplier<TokenCredential> credentials) {
        this.env = env;
        this.credentials = credentials;
    }

    /** This process's environment and DefaultAzureCredential. */
    static AzureClients fromEnvironment() {
        return new AzureClients(System.getenv(), () -> new DefaultAzureCredentialBuilder().build());
    }

    Map<String, String> env() {
        return env;
    }

    ContainerServiceManager containerService(AzureTarget target) {
        return ContainerServiceManager.configure().withHttpClient(httpClient()).withRetryOptions(retryOptions())
                .authenticate(credentials.get(), target.profile());
    }

    ResourceManager resources(AzureTarget target) {
        return ResourceManager.configure().withHttpClient(httpClient()).withRetryOptions(retryOptions())
                .authenticate(credentials.get(), target.profile()).withSubscription(target.subscriptionId());
    }

    private HttpClient httpClient() {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        String caFile = env.get(CA_FILE_VARIABLE);
        if (caFile != null && !caFile.isBlank()) {
            jdk.sslContext(TrustedCa.sslContext(caFile));
        }
        return new JdkHttpClientBuilder(jdk).connectionTimeout(CONNECT_TIMEOUT).responseTimeout(RESPONSE_TIMEOUT).build();
    }

    /**
     * Throttling (429, honouring Retry-After), server errors and connect timeouts are retried twice; a refused
     * connection or an unknown host is not.
     */
    private static RetryOptions retryOptions() {
        return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(RETRIES)
                .setBaseDelay(Duration.ofSeconds(1)).setMaxDelay(Duration.ofSeconds(10)))
                .setShouldRetryCondition(condition -> condition.getThrowable() != null
                        ? !AzureErrors.refused(condition.getThrowable())
                        : retriable(condition.getResponse().getStatusCode()));
    }

    private static boolean retriable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }
}
