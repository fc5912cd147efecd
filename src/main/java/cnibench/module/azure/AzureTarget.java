package cnibench.module.azure;

import cnibench.module.spi.Arguments;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Which subscription in which cloud a task talks to: from the task's arguments, else from the environment
 * variables azure.azcollection reads. Credentials are not part of it: DefaultAzureCredential finds them.
 */
record AzureTarget(String subscriptionId, AzureEnvironment environment) {

    /** The target of a task, or an AzureFailure naming what is missing or wrong. */
    static AzureTarget of(Arguments args, Map<String, String> env) {
        String subscription = given(args, "subscription_id", env.get("AZURE_SUBSCRIPTION_ID"));
        if (subscription == null || subscription.isBlank()) {
            throw new AzureFailure("no Azure subscription: set subscription_id (inventory: azure_subscription_id) "
                    + "or the environment variable AZURE_SUBSCRIPTION_ID");
        }
        String cloud = given(args, "cloud_environment", env.getOrDefault("AZURE_CLOUD_ENVIRONMENT", "AzureCloud"));
        return new AzureTarget(subscription.strip(), environment(cloud));
    }

    /** An argument left empty (an inventory variable that defers to the environment) counts as not given. */
    private static String given(Arguments args, String name, String fallback) {
        String value = args.str(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    String endpoint() {
        return environment.getResourceManagerEndpoint();
    }

    AzureProfile profile() {
        return new AzureProfile(null, subscriptionId, environment);
    }

    private static AzureEnvironment environment(String cloud) {
        switch (cloud) {
            case "AzureCloud":
                return AzureEnvironment.AZURE;
            case "AzureChinaCloud":
                return AzureEnvironment.AZURE_CHINA;
            case "AzureUSGovernment":
                return AzureEnvironment.AZURE_US_GOVERNMENT;
            default:
                URI uri = URI.create(cloud);
                if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new AzureFailure("cloud_environment must be AzureCloud, AzureChinaCloud, AzureUSGovernment or an "
                            + "https:// Resource Manager URL, got: " + cloud);
                }
                // Every endpoint of the public cloud, the Resource Manager one replaced: the SDK expects none to be null.
                Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
                endpoints.put("resourceManagerEndpointUrl", cloud.endsWith("/") ? cloud : cloud + "/");
                return new AzureEnvironment(endpoints);
        }
    }

}
