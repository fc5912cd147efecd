package cnibench.module.azure;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.AgentPoolMode;
import com.azure.resourcemanager.containerservice.models.AgentPoolType;
import com.azure.resourcemanager.containerservice.models.ContainerServiceLinuxProfile;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.ContainerServiceSshConfiguration;
import com.azure.resourcemanager.containerservice.models.ContainerServiceSshPublicKey;
import com.azure.resourcemanager.containerservice.models.LoadBalancerSku;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterIdentity;
import com.azure.resourcemanager.containerservice.models.NetworkPlugin;
import com.azure.resourcemanager.containerservice.models.OSType;
import com.azure.resourcemanager.containerservice.models.ResourceIdentityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Between the SDK's ManagedClusterInner and AksSpec's canonical form, both ways. */
final class AksModel {
    private AksModel() {
    }

    /** The cluster in AksSpec's form, limited to what {@code desired} sets, so that defaults Azure added do not count as changes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> current(ManagedClusterInner cluster, Map<String, Object> desired) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", Locations.normalize(cluster.location()));
        out.put("dns_prefix", cluster.dnsPrefix());
        if (desired.containsKey("kubernetes_version")) {
            out.put("kubernetes_version", cluster.kubernetesVersion());
        }
        out.put("agent_pool_profiles", pools(cluster.agentPoolProfiles()));
        if (desired.containsKey("linux_profile")) {
            ContainerServiceLinuxProfile linux = cluster.linuxProfile();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("admin_username", linux == null ? null : linux.adminUsername());
            view.put("ssh_key", linux == null || linux.ssh() == null || linux.ssh().publicKeys() == null
                    || linux.ssh().publicKeys().isEmpty() ? null : linux.ssh().publicKeys().get(0).keyData());
            out.put("linux_profile", view);
        }
        if (desired.containsKey("identity")) {
            out.put("identity", Map.of("type", cluster.identity() == null || cluster.identity().type() == null
                    ? "None" : cluster.identity().type().toString()));
        }
        if (desired.containsKey("network_profile")) {
            out.put("network_profile", networkView(cluster.networkProfile(), (Map<String, Object>) desired.get("network_profile")));
        }
        if (desired.containsKey("tags")) {
            out.put("tags", cluster.tags() == null ? Map.of() : new TreeMap<>(cluster.tags()));
        }
        return out;
    }

    /** {@code base} (a new cluster, or the one Azure has) with everything {@code desired} sets written over it. */
    @SuppressWarnings("unchecked")
    static ManagedClusterInner apply(ManagedClusterInner base, Map<String, Object> desired) {
        base.withLocation((String) desired.get("location")).withDnsPrefix((String) desired.get("dns_prefix"));
        if (desired.containsKey("kubernetes_version")) {
            base.withKubernetesVersion((String) desired.get("kubernetes_version"));
        }
        base.withAgentPoolProfiles(pools(base.agentPoolProfiles(), (List<Object>) desired.get("agent_pool_profiles")));
        if (desired.containsKey("linux_profile")) {
            Map<String, Object> linux = (Map<String, Object>) desired.get("linux_profile");
            base.withLinuxProfile(new ContainerServiceLinuxProfile().withAdminUsername((String) linux.get("admin_username"))
                    .withSsh(new ContainerServiceSshConfiguration().withPublicKeys(
                            List.of(new ContainerServiceSshPublicKey().withKeyData((String) linux.get("ssh_key"))))));
        }
        if (desired.containsKey("identity")) {
            String type = (String) ((Map<String, Object>) desired.get("identity")).get("type");
            base.withIdentity(new ManagedClusterIdentity().withType(ResourceIdentityType.fromString(type)));
        }
        if (desired.containsKey("network_profile")) {
            base.withNetworkProfile(network(base.networkProfile(), (Map<String, Object>) desired.get("network_profile")));
        }
        if (desired.containsKey("tags")) {
            Map<String, String> tags = new TreeMap<>();
            ((Map<String, Object>) desired.get("tags")).forEach((k, v) -> tags.put(k, String.valueOf(v)));
            base.withTags(tags);
        }
        return base;
    }

    private static List<Object> pools(List<ManagedClusterAgentPoolProfile> pools) {
        List<Object> out = new ArrayList<>();
        for (ManagedClusterAgentPoolProfile pool : pools == null ? List.<ManagedClusterAgentPoolProfile>of() : pools) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", pool.name());
            view.put("count", pool.count());
            view.put("vm_size", pool.vmSize());
            view.put("mode", pool.mode() == null ? "System" : pool.mode().toString());
            out.add(view);
        }
        return out;
    }

    /** The desired pools, each over the pool of the same name Azure has (keeping what the task does not set). */
    @SuppressWarnings("unchecked")
    private static List<ManagedClusterAgentPoolProfile> pools(List<ManagedClusterAgentPoolProfile> existing, List<Object> desired) {
        List<ManagedClusterAgentPoolProfile> out = new ArrayList<>();
        for (Object item : desired) {
            Map<String, Object> pool = (Map<String, Object>) item;
            ManagedClusterAgentPoolProfile profile = existing == null ? null : existing.stream()
                    .filter(p -> Objects.equals(p.name(), pool.get("name"))).findFirst().orElse(null);
            if (profile == null) {
                profile = new ManagedClusterAgentPoolProfile().withName((String) pool.get("name")).withOsType(OSType.LINUX)
                        .withType(AgentPoolType.VIRTUAL_MACHINE_SCALE_SETS);
            }
            out.add(profile.withCount((Integer) pool.get("count")).withVmSize((String) pool.get("vm_size"))
                    .withMode(AgentPoolMode.fromString((String) pool.get("mode"))));
        }
        return out;
    }

    private static Map<String, Object> networkView(ContainerServiceNetworkProfile profile, Map<String, Object> desired) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : desired.keySet()) {
            out.put(key, profile == null ? null : switch (key) {
                case "network_plugin" -> profile.networkPlugin() == null ? null : profile.networkPlugin().toString();
                case "load_balancer_sku" -> profile.loadBalancerSku() == null ? null : profile.loadBalancerSku().toString();
                case "pod_cidr" -> profile.podCidr();
                case "service_cidr" -> profile.serviceCidr();
                default -> profile.dnsServiceIp();
            });
        }
        return out;
    }

    private static ContainerServiceNetworkProfile network(ContainerServiceNetworkProfile base, Map<String, Object> desired) {
        ContainerServiceNetworkProfile profile = base == null ? new ContainerServiceNetworkProfile() : base;
        desired.forEach((key, value) -> {
            String text = (String) value;
            switch (key) {
                case "network_plugin" -> profile.withNetworkPlugin(NetworkPlugin.fromString(text));
                case "load_balancer_sku" -> profile.withLoadBalancerSku(LoadBalancerSku.fromString(text));
                case "pod_cidr" -> profile.withPodCidr(text);
                case "service_cidr" -> profile.withServiceCidr(text);
                default -> profile.withDnsServiceIp(text);
            }
        });
        return profile;
    }

    /** What azure_rm_aks returns about a cluster: never its credentials. */
    static Map<String, Object> facts(ManagedClusterInner cluster) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", cluster.id());
        out.put("name", cluster.name());
        out.put("location", Locations.normalize(cluster.location()));
        out.put("provisioning_state", cluster.provisioningState());
        out.put("kubernetes_version", cluster.currentKubernetesVersion() != null ? cluster.currentKubernetesVersion()
                : cluster.kubernetesVersion());
        out.put("dns_prefix", cluster.dnsPrefix());
        out.put("fqdn", cluster.fqdn());
        out.put("node_resource_group", cluster.nodeResourceGroup());
        out.put("agent_pool_profiles", pools(cluster.agentPoolProfiles()));
        return out;
    }
}
