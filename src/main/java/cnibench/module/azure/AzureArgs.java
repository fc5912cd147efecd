package cnibench.module.azure;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.ModuleSpec;

/** The arguments every azure module shares, named as azure.azcollection names them. */
final class AzureArgs {
    private AzureArgs() {
    }

    static ModuleSpec.Builder common(ModuleSpec.Builder builder) {
        return builder
                .arg(ArgSpec.of("subscription_id", ArgType.STR, "Azure subscription; default: $AZURE_SUBSCRIPTION_ID."))
                .arg(ArgSpec.of("cloud_environment", ArgType.STR, "AzureCloud, AzureChinaCloud, AzureUSGovernment, or the "
                        + "https URL of a Resource Manager endpoint; default: $AZURE_CLOUD_ENVIRONMENT, else AzureCloud."));
    }
}
