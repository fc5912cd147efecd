package cnibench.module.azure;

import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import java.util.Map;

/** The work of azure_rm_aks on one cluster: read it, compare, then create or update (one PUT) or delete. */
final class Clusters {
    private final ManagedClustersClient client;
    private final ModuleContext context;
    private final String group;
    private final String name;

    Clusters(ContainerServiceManager manager, ModuleContext context, String group, String name) {
        this.client = manager.serviceClient().getManagedClusters();
        this.context = context;
        this.group = group;
        this.name = name;
    }

    ModuleResult present(Map<String, Object> desired) throws InterruptedException {
        ManagedClusterInner current = find();
        Map<String, Object> before = current == null ? Map.of() : AksModel.current(current, desired);
        if (current != null && before.equals(desired)) {
            return ModuleResult.ok().putAll(AksModel.facts(current));
        }
        ModuleResult result = ModuleResult.changed(true).diff(name, before, name, desired);
        if (context.checkMode()) {
            return result.put("name", name);
        }
        ManagedClusterInner wanted = AksModel.apply(current == null ? new ManagedClusterInner() : current, desired);
        String doing = (current == null ? "creating" : "updating") + " AKS cluster " + group + "/" + name;
        return result.putAll(AksModel.facts(Operations.await(context, doing, () -> client.beginCreateOrUpdate(group, name, wanted))));
    }

    ModuleResult absent() throws InterruptedException {
        ManagedClusterInner current = find();
        if (current == null) {
            return ModuleResult.ok();
        }
        ModuleResult result = ModuleResult.changed(true).diff(name, AksModel.facts(current), name, Map.of());
        if (!context.checkMode()) {
            Operations.await(context, "deleting AKS cluster " + group + "/" + name, () -> client.beginDelete(group, name));
        }
        return result;
    }

    /** The cluster, or null when Azure has none of that name (a 404). */
    private ManagedClusterInner find() {
        try {
            return client.getByResourceGroup(group, name);
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }
}
