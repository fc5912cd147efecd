package cnibench.module.azure;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/** What every Azure module does around its call: get the clients, resolve the target, and word the SDK's failures. */
abstract class AzureModule extends FixedSpecModule {
    /** Null: made from this process's environment when a task runs, so no Azure class loads at start-up. */
    private final AzureClients clients;

    AzureModule(ModuleSpec spec, AzureClients clients) {
        super(spec);
        this.clients = clients;
    }

    @Override
    public final ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        AzureClients azure = clients != null ? clients : AzureClients.fromEnvironment();
        String what = action(args);
        AzureTarget target = null;
        try {
            target = AzureTarget.of(args, azure.env());
            return run(context, args, azure, target, what);
        } catch (RuntimeException e) {
            return ModuleResult.failed(target == null ? e.getMessage() : AzureErrors.describe(e, target, what));
        }
    }

    /** What the task does, for error messages: "create or update AKS cluster rg/name". */
    abstract String action(Arguments args);

    abstract ModuleResult run(ModuleContext context, Arguments args, AzureClients azure, AzureTarget target, String what)
            throws Exception;
}
