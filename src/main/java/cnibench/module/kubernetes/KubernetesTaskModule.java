package cnibench.module.kubernetes;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/** A Kubernetes-side module whose failures (K8sTaskError) already carry the one line the task fails with. */
abstract class KubernetesTaskModule extends FixedSpecModule {
    KubernetesTaskModule(ModuleSpec spec) {
        super(spec);
    }

    @Override
    public final ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        try {
            return apply(context, args);
        } catch (K8sTaskError e) {
            return ModuleResult.failed(e.getMessage());
        }
    }

    abstract ModuleResult apply(ModuleContext context, Arguments args) throws Exception;
}
