package cnibench.module.azure;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/** azure_rm_resourcegroup: a resource group present (with location and tags) or absent, as azure.azcollection's. */
public final class ResourceGroupModule implements Module {
    private static final ModuleSpec SPEC = AzureArgs.common(ModuleSpec.builder("azure_rm_resourcegroup")
            .alias("azure.azcollection.azure_rm_resourcegroup")
            .description("Create, update or delete an Azure resource group through the Azure SDK.")
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the resource group.").asRequired())
            .arg(ArgSpec.of("location", ArgType.STR, "Azure region, e.g. westeurope; required to create the group."))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the group should exist.").choices("present", "absent")
                    .defaultValue("present"))
            .arg(ArgSpec.of("tags", ArgType.DICT, "Tags of the group (replace its tags when given)."))
            .arg(ArgSpec.of("force_delete_nonempty", ArgType.BOOL, "Delete the group even when it still holds resources.")
                    .aliases("force").defaultValue(false))
            .checkMode()
            .diff()
            .examples("""
                    - azure.azcollection.azure_rm_resourcegroup:
                        name: cnibench
                        location: westeurope
                        tags: {project: cnibench}
                    """))
            .build();

    /** Null: made from this process's environment when a task runs, so no Azure class loads at start-up. */
    private final AzureClients clients;

    public ResourceGroupModule() {
        this(null);
    }

    ResourceGroupModule(AzureClients clients) {
        this.clients = clients;
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        AzureClients azure = clients != null ? clients : AzureClients.fromEnvironment();
        String what = ("present".equals(args.str("state")) ? "create or update" : "delete") + " resource group "
                + args.str("name");
        AzureTarget target = null;
        try {
            target = AzureTarget.of(args, azure.env());
            return new ResourceGroups(azure.resources(target), context).apply(args, what);
        } catch (RuntimeException e) {
            return ModuleResult.failed(target == null ? e.getMessage() : AzureErrors.describe(e, target, what));
        }
    }
}
