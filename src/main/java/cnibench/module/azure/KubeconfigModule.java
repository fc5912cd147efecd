package cnibench.module.azure;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.CredentialResultsInner;
import java.nio.file.Path;

/**
 * azure_rm_aks_kubeconfig (cnibench): writes an AKS cluster's kubeconfig to a file only its owner may read. The
 * kubeconfig holds the cluster's credentials, so the result names the file and never holds its content.
 */
public final class KubeconfigModule extends AzureModule {
    private static final ModuleSpec SPEC = AzureArgs.common(ModuleSpec.builder("azure_rm_aks_kubeconfig")
            .own()
            .description("Write the kubeconfig of an AKS cluster to dest (mode 0600); the result holds only its path.")
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the cluster.").asRequired())
            .arg(ArgSpec.of("resource_group", ArgType.STR, "Resource group of the cluster.").asRequired())
            .arg(ArgSpec.of("dest", ArgType.PATH, "File to write the kubeconfig to (mode 0600).").asRequired())
            .arg(ArgSpec.of("admin", ArgType.BOOL, "The cluster-admin credentials instead of the user ones.").defaultValue(false))
            .checkMode()
            .examples("""
                    - azure_rm_aks_kubeconfig:
                        name: cnibench
                        resource_group: cnibench
                        dest: "{{ cnibench_run_dir }}/kubeconfig"
                    """))
            .build();

    public KubeconfigModule() {
        this(null);
    }

    KubeconfigModule(AzureClients clients) {
        super(SPEC, clients);
    }

    @Override
    String action(Arguments args) {
        return "read the kubeconfig of AKS cluster " + args.str("resource_group") + "/" + args.str("name");
    }

    @Override
    ModuleResult run(ModuleContext context, Arguments args, AzureClients azure, AzureTarget target, String what) {
        ManagedClustersClient client = azure.containerService(target).serviceClient().getManagedClusters();
        CredentialResultsInner credentials = args.bool("admin")
                ? client.listClusterAdminCredentials(args.str("resource_group"), args.str("name"))
                : client.listClusterUserCredentials(args.str("resource_group"), args.str("name"));
        if (credentials.kubeconfigs() == null || credentials.kubeconfigs().isEmpty()) {
            return ModuleResult.failed("cannot " + what + ": Azure returned no kubeconfig");
        }
        Path dest = Path.of(args.str("dest")).toAbsolutePath();
        boolean changed = SecretFile.differs(dest, credentials.kubeconfigs().get(0).value());
        if (changed && !context.checkMode()) {
            SecretFile.write(dest, credentials.kubeconfigs().get(0).value());
        }
        return ModuleResult.changed(changed).put("dest", dest.toString());
    }
}
