package cnibench.k8segress;

import cnibench.module.kubernetes.ReferenceData;
import cnibench.module.kubernetes.StandIns;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the parts of a kind cluster that the fabric8 CRUD mock lacks, on a background thread: kind's three nodes,
 * controllers that make Deployments Available and let pods run to Succeeded, a load balancer that gives
 * LoadBalancer Services the address 127.0.0.1 (AKS), and (for Cilium) the operator that
 * Helm's chart would start and the CRD it registers. When a client pod appears it notes which egress objects
 * exist at that moment, so a test can check what the gateway phase and the direct phase ran against.
 */
public final class FakeCluster implements AutoCloseable {
    static final List<String> NODES = List.of("cnibench-control-plane", "cnibench-worker", "cnibench-worker2");

    private final KubernetesClient client;
    private final StandIns standIns;
    private final List<String[]> egressKinds;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, List<String>> egressObjectsAtPod = new ConcurrentHashMap<>();
    private volatile Throwable failure;

    /** egressKinds: apiVersion and kind of each egress object to watch for. */
    public FakeCluster(KubernetesClient client, StandIns standIns, List<String[]> egressKinds) {
        this(client, standIns, egressKinds, NODES);
    }

    /** The same with other nodes (AKS names its own). */
    public FakeCluster(KubernetesClient client, StandIns standIns, List<String[]> egressKinds, List<String> nodes) {
        this.client = client;
        this.standIns = standIns;
        this.egressKinds = egressKinds;
        for (int i = 0; i < nodes.size(); i++) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(nodes.get(i))
                    .addToLabels("kubernetes.io/hostname", nodes.get(i)).endMetadata()
                    .withNewStatus().addNewAddress().withType("InternalIP").withAddress("172.18.0." + (i + 2)).endAddress()
                    .addNewAddress().withType("Hostname").withAddress(nodes.get(i)).endAddress().endStatus().build()).create();
        }
        loop.scheduleWithFixedDelay(this::step, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** For each client pod, the names of the egress objects that existed when it was created. */
    public Map<String, List<String>> egressObjectsAtPod() {
        if (failure != null) {
            throw new AssertionError("the fake cluster failed", failure);
        }
        return egressObjectsAtPod;
    }

    private void step() {
        try {
            startCiliumOperatorOnceHelmInstalled();
            client.apps().deployments().inAnyNamespace().list().getItems().stream()
                    .filter(d -> d.getStatus() == null || d.getStatus().getConditions().isEmpty())
                    .forEach(this::makeAvailable);
            client.pods().inAnyNamespace().list().getItems().stream()
                    .filter(p -> p.getStatus() == null || p.getStatus().getPhase() == null)
                    .forEach(this::runToCompletion);
            client.services().inAnyNamespace().list().getItems().stream()
                    .filter(s -> "LoadBalancer".equals(s.getSpec().getType()) && (s.getStatus() == null
                            || s.getStatus().getLoadBalancer() == null || s.getStatus().getLoadBalancer().getIngress().isEmpty()))
                    .forEach(this::giveLoadBalancerAddress);
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void makeAvailable(Deployment deployment) {
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                .addToConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                        .withReason("MinimumReplicasAvailable").build()).build());
        client.apps().deployments().resource(deployment).updateStatus();
    }

    /** As a cloud's load balancer controller does: the Service gets an address this machine reaches (127.0.0.1). */
    private void giveLoadBalancerAddress(Service service) {
        service.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withIp("127.0.0.1").endIngress()
                .endLoadBalancer().build());
        client.services().resource(service).updateStatus();
    }

    private void runToCompletion(Pod pod) {
        egressObjectsAtPod.put(pod.getMetadata().getName(), egressKinds.stream()
                .flatMap(k -> client.genericKubernetesResources(k[0], k[1]).list().getItems().stream())
                .map(GenericKubernetesResource::getKind).sorted().toList());
        pod.setStatus(new PodStatusBuilder().withPhase("Succeeded").build());
        client.pods().resource(pod).updateStatus();
    }

    private void startCiliumOperatorOnceHelmInstalled() throws Exception {
        if (!standIns.log().contains("helm upgrade --install --reset-values cilium ")
                || client.apps().deployments().inNamespace("kube-system").withName("cilium-operator").get() != null) {
            return;
        }
        try (InputStream crd = Files.newInputStream(ReferenceData.file("cilium/ciliumegressgatewaypolicies-crd.yaml"))) {
            client.apiextensions().v1().customResourceDefinitions()
                    .resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class)).create();
        }
        client.apps().deployments().inNamespace("kube-system").resource(new DeploymentBuilder().withNewMetadata()
                .withName("cilium-operator").withNamespace("kube-system").endMetadata().withNewSpec().withNewSelector()
                .addToMatchLabels("name", "cilium-operator").endSelector().endSpec().build()).create();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
