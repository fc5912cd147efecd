package cnibench.module.kubernetes;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;

/** A Kubernetes-side module whose failures (K8sTaskError) already carry the one line the task fails with. */
abstract class KubernetesTaskModule implements Module {
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
