package cnibench.module.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import com.azure.core.credential.AccessToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** The azure modules against the https ARM stub, with a fixed access token in place of DefaultAzureCredential. */
class AzureModulesTest {
    private static final String SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
    private static final String SSH_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 cnibench@test";

    @TempDir
    Path dir;

    private ArmStub arm;
    private AzureClients clients;
    private TestModuleContext context;

    @BeforeEach
    void start() throws Exception {
        arm = new ArmStub();
        Path ca = arm.writeCa(dir.resolve("ca.pem"));
        clients = new AzureClients(Map.of("AZURE_SUBSCRIPTION_ID", SUBSCRIPTION, "AZURE_CLOUD_ENVIRONMENT", arm.url(),
                AzureClients.CA_FILE_VARIABLE, ca.toString()),
                () -> request -> Mono.just(new AccessToken(ArmStub.SECRET, OffsetDateTime.now().plusHours(1))));
        context = new TestModuleContext(dir);
    }

    @AfterEach
    void stop() throws Exception {
        arm.close();
    }

    @Test
    void createsTheGroupAndClusterWritesTheKubeconfigAndDeletesBoth() throws Exception {
        ModuleResult group = run(new ResourceGroupModule(clients), Map.of("name", "cnibench", "location", "West Europe",
                "tags", Map.of("project", "cnibench")));
        assertTrue(group.isChanged(), group.toMap().toString());

        ModuleResult cluster = run(new AksModule(clients), cluster(2));
        assertFalse(cluster.isFailed(), cluster.msg());
        assertTrue(cluster.isChanged());
        assertEquals("Succeeded", cluster.field("provisioning_state"));
        assertEquals("1.33.2", cluster.field("kubernetes_version"));
        assertTrue(context.progressMessages().stream().anyMatch(m -> m.startsWith("creating AKS cluster cnibench/cnibench: in progress after ")),
                context.progressMessages().toString());
        Map<String, Object> properties = properties(arm.cluster("cnibench", "cnibench"));
        assertEquals(Map.of("networkPlugin", "none", "loadBalancerSku", "standard"), properties.get("networkProfile"));
        assertEquals(List.of(Map.of("name", "nodepool1", "count", 2, "vmSize", "Standard_A2_v2", "mode", "System",
                "osType", "Linux", "type", "VirtualMachineScaleSets")), properties.get("agentPoolProfiles"));
        assertEquals(Map.of("type", "SystemAssigned"), arm.cluster("cnibench", "cnibench").get("identity"));
        assertEquals(Map.of("adminUsername", "azureuser", "ssh", Map.of("publicKeys", List.of(Map.of("keyData", SSH_KEY)))),
                properties.get("linuxProfile"));

        Path kubeconfig = dir.resolve("run/kubeconfig");
        ModuleResult written = run(new KubeconfigModule(clients), Map.of("name", "cnibench", "resource_group", "cnibench",
                "dest", kubeconfig.toString()));
        assertTrue(written.isChanged(), written.toMap().toString());
        assertEquals(Map.of("dest", kubeconfig.toString(), "changed", true, "failed", false), written.toMap());
        assertEquals(arm.kubeconfig("cnibench"), Files.readString(kubeconfig));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig)));
        assertFalse(run(new KubeconfigModule(clients), Map.of("name", "cnibench", "resource_group", "cnibench",
                "dest", kubeconfig.toString())).isChanged(), "the same kubeconfig again");

        ModuleResult deleted = run(new AksModule(clients), Map.of("name", "cnibench", "resource_group", "cnibench", "state", "absent"));
        assertTrue(deleted.isChanged(), deleted.toMap().toString());
        assertFalse(arm.hasCluster("cnibench", "cnibench"));
        assertTrue(context.progressMessages().stream().anyMatch(m -> m.startsWith("deleting AKS cluster cnibench/cnibench")));
        assertFalse(run(new AksModule(clients), Map.of("name", "cnibench", "resource_group", "cnibench", "state", "absent")).isChanged());

        assertTrue(run(new ResourceGroupModule(clients), Map.of("name", "cnibench", "state", "absent")).isChanged());
        assertFalse(arm.hasGroup("cnibench"));
        assertNoSecret(group, cluster, written, deleted);
    }

    @Test
    void theSameSpecAgainChangesNothingAndSendsNoSecondPut() throws Exception {
        createGroup();
        assertTrue(run(new AksModule(clients), cluster(2)).isChanged());
        ModuleResult again = run(new AksModule(clients), cluster(2));
        assertFalse(again.isFailed(), again.msg());
        assertFalse(again.isChanged(), again.toMap().toString());
        assertEquals(1, arm.count("PUT", "/managedClusters/cnibench"), arm.requests().toString());
        assertFalse(run(new ResourceGroupModule(clients), Map.of("name", "cnibench", "location", "westeurope")).isChanged());
        assertEquals(1, arm.count("PUT", "/resourcegroups/cnibench"), arm.requests().toString());
    }

    @Test
    void aDifferingSpecShowsItsDiffAndCheckModeChangesNothing() throws Exception {
        createGroup();
        run(new AksModule(clients), cluster(2));
        context.check(true).diff(true);
        ModuleResult planned = run(new AksModule(clients), cluster(3));
        assertTrue(planned.isChanged());
        assertEquals(1, arm.count("PUT", "/managedClusters/cnibench"), "check mode sent no PUT");
        assertEquals(2, pool(planned.diff().get("before")).get("count"));
        assertEquals(3, pool(planned.diff().get("after")).get("count"));

        context.check(false);
        assertTrue(run(new AksModule(clients), cluster(3)).isChanged());
        assertEquals(2, arm.count("PUT", "/managedClusters/cnibench"));
        assertEquals(3, ((Map<?, ?>) ((List<?>) properties(arm.cluster("cnibench", "cnibench")).get("agentPoolProfiles")).get(0)).get("count"));
    }

    @Test
    void aGroupThatStillHoldsResourcesIsDeletedOnlyWhenForced() throws Exception {
        createGroup();
        run(new AksModule(clients), cluster(2));
        ModuleResult refused = run(new ResourceGroupModule(clients), Map.of("name", "cnibench", "state", "absent"));
        assertEquals("cannot delete resource group cnibench: it still holds 1 resource (cnibench); set force_delete_nonempty: true "
                + "to delete them with it", refused.msg());
        assertTrue(arm.hasGroup("cnibench"));
        ModuleResult forced = run(new ResourceGroupModule(clients), Map.of("name", "cnibench", "state", "absent",
                "force_delete_nonempty", true));
        assertTrue(forced.isChanged(), forced.toMap().toString());
        assertEquals(true, forced.field("contains_resources"));
        assertFalse(arm.hasGroup("cnibench"));
    }

    @Test
    void aConflictFailsAtOnceWithAzuresCode() throws Exception {
        createGroup();
        arm.fault("PUT", "/managedClusters/", 409, Map.of(), """
                {"error": {"code": "OperationNotAllowed", "message": "Another operation is in progress on the cluster."}}""");
        ModuleResult result = run(new AksModule(clients), cluster(2));
        assertTrue(result.isFailed());
        assertEquals("cannot create or update AKS cluster cnibench/cnibench: Azure answered 409 OperationNotAllowed: "
                + "Another operation is in progress on the cluster.", result.msg());
        assertEquals(1, arm.count("PUT", "/managedClusters/"), "not retried");
    }

    @Test
    void aMissingPermissionIsOneLineNamingTheSubscriptionAndThePermission() throws Exception {
        arm.fault("PUT", "/resourcegroups/", 403, Map.of(), """
                {"error": {"code": "AuthorizationFailed", "message": "The client 'x' with object id 'y' does not have authorization \
                to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write' over scope \
                '/subscriptions/%s/resourcegroups/cnibench' or the scope is invalid."}}""".formatted(SUBSCRIPTION));
        ModuleResult result = run(new ResourceGroupModule(clients), Map.of("name", "cnibench", "location", "westeurope"));
        assertTrue(result.isFailed());
        assertEquals("cannot create or update resource group cnibench: the signed-in identity lacks "
                + "Microsoft.Resources/subscriptions/resourcegroups/write in subscription " + SUBSCRIPTION
                + " (403 AuthorizationFailed); grant it a role that allows it (e.g. Contributor) or use another subscription",
                result.msg());
    }

    @Test
    void throttlingIsRetriedAfterRetryAfter() throws Exception {
        createGroup();
        arm.fault("PUT", "/managedClusters/", 429, Map.of("Retry-After", "1"), """
                {"error": {"code": "TooManyRequests", "message": "Too many requests."}}""");
        long started = System.nanoTime();
        ModuleResult result = run(new AksModule(clients), cluster(2));
        assertFalse(result.isFailed(), result.msg());
        assertEquals(2, arm.count("PUT", "/managedClusters/"));
        assertTrue(System.nanoTime() - started >= 1_000_000_000L, "waited the Retry-After second");
    }

    @Test
    void anOperationThatEndsFailedShowsItsErrorCode() throws Exception {
        createGroup();
        arm.failNextOperation("QuotaExceeded");
        ModuleResult result = run(new AksModule(clients), cluster(2));
        assertTrue(result.isFailed());
        assertEquals("creating AKS cluster cnibench/cnibench ended Failed: QuotaExceeded: "
                + "The operation failed: QuotaExceeded (from the stub)", result.msg());
    }

    @Test
    void anUnreachableEndpointFailsFastAndClearly() throws Exception {
        String closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = "https://127.0.0.1:" + socket.getLocalPort() + "/";
        }
        createGroup(); // the SDK's classes loaded, so that the time below is the request's
        long started = System.nanoTime();
        ModuleResult result = run(new AksModule(clients), with(cluster(2), "cloud_environment", closed));
        long millis = (System.nanoTime() - started) / 1_000_000L;
        assertEquals("cannot create or update AKS cluster cnibench/cnibench: Azure Resource Manager at " + closed
                + " cannot be reached (connection refused)", result.msg());
        assertTrue(millis < 2500, "took " + millis + " ms: retried (2 retries wait 1 + 2 s)");
    }

    @Test
    void aBadPoolFailsBeforeAnyRequest() throws Exception {
        Map<String, Object> args = cluster(2);
        args.put("agent_pool_profiles", List.of(Map.of("name", "nodepool1", "count", "two", "vm_size", "Standard_A2_v2")));
        ModuleResult result = run(new AksModule(clients), args);
        assertEquals("agent_pool_profiles[0]: count must be a whole number of nodes, at least 1, got: two", result.msg());
        args.put("agent_pool_profiles", List.of(Map.of("name", "nodepool1", "count", 2, "vm_size", "Standard_A2_v2", "mod", "User")));
        assertEquals("agent_pool_profiles[0]: unsupported key mod; supported: count, mode, name, vm_size",
                run(new AksModule(clients), args).msg());
        args.put("agent_pool_profiles", cluster(2).get("agent_pool_profiles"));
        args.put("network_profile", Map.of("network_plugin", "calico"));
        assertEquals("network_profile.network_plugin must be one of: azure, kubenet, none, got: calico",
                run(new AksModule(clients), args).msg());
        assertEquals(List.of(), arm.requests().stream().filter(r -> r.startsWith("PUT")).toList());
    }

    @Test
    void noSubscriptionIsNamedAsTheProblem() throws Exception {
        AzureClients noSubscription = new AzureClients(Map.of(), () -> null);
        ModuleResult result = run(new ResourceGroupModule(noSubscription), Map.of("name", "cnibench", "location", "westeurope"));
        assertEquals("no Azure subscription: set subscription_id (inventory: azure_subscription_id) or the environment "
                + "variable AZURE_SUBSCRIPTION_ID", result.msg());
    }

    private ModuleResult run(Module module, Map<String, Object> args) throws Exception {
        return context.run(module, args);
    }

    private void createGroup() throws Exception {
        assertFalse(run(new ResourceGroupModule(clients), Map.of("name", "cnibench", "location", "westeurope")).isFailed());
    }

    private static Map<String, Object> cluster(int nodes) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", "cnibench");
        args.put("resource_group", "cnibench");
        args.put("location", "westeurope");
        args.put("dns_prefix", "cnibench");
        args.put("kubernetes_version", "1.33.2");
        args.put("agent_pool_profiles", List.of(Map.of("name", "nodepool1", "count", nodes, "vm_size", "Standard_A2_v2",
                "mode", "System")));
        args.put("linux_profile", Map.of("admin_username", "azureuser", "ssh_key", SSH_KEY));
        args.put("identity", Map.of("type", "SystemAssigned"));
        args.put("network_profile", Map.of("network_plugin", "none", "load_balancer_sku", "standard"));
        return args;
    }

    private static Map<String, Object> with(Map<String, Object> args, String key, Object value) {
        args.put(key, value);
        return args;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> cluster) {
        return (Map<String, Object>) cluster.get("properties");
    }

    private static Map<?, ?> pool(Object spec) {
        return (Map<?, ?>) ((List<?>) ((Map<?, ?>) spec).get("agent_pool_profiles")).get(0);
    }

    private static void assertNoSecret(ModuleResult... results) {
        for (ModuleResult r : results) {
            assertFalse(r.toMap().toString().contains(ArmStub.SECRET), r.toMap().toString());
            assertFalse(String.valueOf(r.diff()).contains(ArmStub.SECRET));
        }
    }
}
