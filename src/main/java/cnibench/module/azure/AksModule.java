package cnibench.module.azure;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/**
 * azure_rm_aks: an AKS cluster present or absent, with the arguments of azure.azcollection's module that the
 * benchmarks need. Unlike azure.azcollection it never returns kube_config: azure_rm_aks_kubeconfig writes it to a file.
 */
public final class AksModule extends AzureModule {
    private static final ModuleSpec SPEC = AzureArgs.common(ModuleSpec.builder("azure_rm_aks")
            .alias("azure.azcollection.azure_rm_aks")
            .description("Create, update or delete an Azure Kubernetes Service cluster through the Azure SDK; long "
                    + "operations report their progress. The result holds no credentials (see azure_rm_aks_kubeconfig).")
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the cluster.").asRequired())
            .arg(ArgSpec.of("resource_group", ArgType.STR, "Resource group of the cluster.").asRequired())
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the cluster should exist.").choices("present", "absent")
                    .defaultValue("present"))
            .arg(ArgSpec.of("location", ArgType.STR, "Azure region, e.g. westeurope."))
            .arg(ArgSpec.of("dns_prefix", ArgType.STR, "DNS prefix of the API server's name."))
            .arg(ArgSpec.of("kubernetes_version", ArgType.STR, "Kubernetes version, e.g. 1.33.2."))
            .arg(ArgSpec.of("agent_pool_profiles", ArgType.LIST, "Node pools: each a dict of name, count, vm_size and mode "
                    + "(System or User).").elements(ArgType.DICT))
            .arg(ArgSpec.of("linux_profile", ArgType.DICT, "admin_username and ssh_key (the public key) of the nodes."))
            .arg(ArgSpec.of("identity", ArgType.DICT, "The cluster's identity: type SystemAssigned (or None)."))
            .arg(ArgSpec.of("network_profile", ArgType.DICT, "network_plugin (azure, kubenet or none: bring your own CNI), "
                    + "load_balancer_sku (standard or basic), pod_cidr, service_cidr, dns_service_ip."))
            .arg(ArgSpec.of("tags", ArgType.DICT, "Tags of the cluster."))
            .checkMode()
            .diff()
            .examples("""
                    - azure.azcollection.azure_rm_aks:
                        name: cnibench
                        resource_group: cnibench
                        location: westeurope
                        dns_prefix: cnibench
                        kubernetes_version: 1.33.2
                        agent_pool_profiles:
                          - {name: nodepool1, count: 2, vm_size: Standard_A2_v2, mode: System}
                        linux_profile: {admin_username: azureuser, ssh_key: "{{ lookup('file', '~/.ssh/id_rsa.pub') }}"}
                        identity: {type: SystemAssigned}
                        network_profile: {network_plugin: none, load_balancer_sku: standard}
                    """))
            .build();

    public AksModule() {
        this(null);
    }

    AksModule(AzureClients clients) {
        super(SPEC, clients);
    }

    @Override
    String action(Arguments args) {
        return ("present".equals(args.str("state")) ? "create or update" : "delete") + " AKS cluster "
                + args.str("resource_group") + "/" + args.str("name");
    }

    @Override
    ModuleResult run(ModuleContext context, Arguments args, AzureClients azure, AzureTarget target, String what)
            throws Exception {
        Clusters clusters = new Clusters(azure.containerService(target), context, args.str("resource_group"), args.str("name"));
        return "present".equals(args.str("state")) ? clusters.present(AksSpec.desired(args)) : clusters.absent();
    }
}
