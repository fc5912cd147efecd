package cnibench.module.azure;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/** azure_rm_resourcegroup: a resource group present (with location and tags) or absent, as azure.azcollection's. */
public final class ResourceGroupModule extends AzureModule {
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

    public ResourceGroupModule() {
        this(null);
    }

    ResourceGroupModule(AzureClients clients) {
        super(SPEC, clients);
    }

    @Override
    String action(Arguments args) {
        return ("present".equals(args.str("state")) ? "create or update" : "delete") + " resource group " + args.str("name");
    }

    @Override
    ModuleResult run(ModuleContext context, Arguments args, AzureClients azure, AzureTarget target, String what)
            throws Exception {
        return new ResourceGroups(azure.resources(target), context).apply(args, what);
    }
}
