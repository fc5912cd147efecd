package cnibench.module.azure;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.ResourceGroupsClient;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceExpandedInner;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The work of azure_rm_resourcegroup against one subscription: read, compare, then create, update or delete. */
final class ResourceGroups {
    private final ResourceManager manager;
    private final ResourceGroupsClient groups;
    private final ModuleContext context;

    ResourceGroups(ResourceManager manager, ModuleContext context) {
        this.manager = manager;
        this.groups = manager.serviceClient().getResourceGroups();
        this.context = context;
    }

    ModuleResult apply(Arguments args, String what) throws InterruptedException {
        String name = args.str("name");
        ResourceGroupInner current = find(name);
        if ("absent".equals(args.str("state"))) {
            return delete(args, current, what);
        }
        Map<String, Object> before = current == null ? null : describe(current);
        Map<String, Object> after = desired(args, current);
        if (current == null && !args.has("location")) {
            throw new AzureFailure("cannot " + what + ": the group does not exist and location is not set");
        }
        if (after.equals(before)) {
            return ModuleResult.ok().put("state", before);
        }
        ModuleResult result = ModuleResult.changed(true).diff(name, before == null ? Map.of() : before, name, after);
        if (context.checkMode()) {
            return result.put("state", after);
        }
        ResourceGroupInner wanted = new ResourceGroupInner().withLocation(String.valueOf(after.get("location")))
                .withTags(tags(after));
        return result.put("state", describe(groups.createOrUpdate(name, wanted)));
    }

    private ModuleResult delete(Arguments args, ResourceGroupInner current, String what) throws InterruptedException {
        if (current == null) {
            return ModuleResult.ok();
        }
        List<String> resources = manager.serviceClient().getResources().listByResourceGroup(args.str("name")).stream()
                .map(GenericResourceExpandedInner::name).toList();
        if (!resources.isEmpty() && !args.bool("force_delete_nonempty")) {
            throw new AzureFailure("cannot " + what + ": it still holds " + resources.size()
                    + (resources.size() == 1 ? " resource (" : " resources (") + String.join(", ", resources)
                    + "); set force_delete_nonempty: true to delete them with it");
        }
        ModuleResult result = ModuleResult.changed(true).put("contains_resources", !resources.isEmpty())
                .diff(args.str("name"), describe(current), args.str("name"), Map.of());
        if (!context.checkMode()) {
            Operations.await(context, "deleting resource group " + args.str("name"), () -> groups.beginDelete(args.str("name")));
        }
        return result;
    }

    private ResourceGroupInner find(String name) {
        try {
            return groups.get(name);
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** What the group should look like: the current one with the given location and tags over it. */
    private static Map<String, Object> desired(Arguments args, ResourceGroupInner current) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", args.has("location") ? Locations.normalize(args.str("location"))
                : current == null ? null : Locations.normalize(current.location()));
        Map<String, Object> tags = new TreeMap<>();
        if (args.has("tags")) {
            args.map("tags").forEach((k, v) -> tags.put(k, String.valueOf(v)));
        } else if (current != null && current.tags() != null) {
            tags.putAll(current.tags());
        }
        out.put("tags", tags);
        return out;
    }

    private static Map<String, Object> describe(ResourceGroupInner group) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", Locations.normalize(group.location()));
        out.put("tags", group.tags() == null ? Map.of() : new TreeMap<>(group.tags()));
        return out;
    }

    private static Map<String, String> tags(Map<String, Object> state) {
        Map<String, String> out = new TreeMap<>();
        ((Map<?, ?>) state.get("tags")).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
