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
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays the parts of a kind cluster that the fabric8 CRUD mock lacks, on a background thread: kind's three Ready
 * nodes (InternalIPs 127.0.0.2, .3, ..., which this machine can send from), controllers that make Deployments
 * Available and let pods run (to Succeeded, or Running for a client pod, one labelled cnibench/path), a load
 * balancer that gives LoadBalancer Services the address 127.0.0.1 (AKS), for Cilium the operator, agent DaemonSet and
 * CRD that Helm's chart would bring, and for Antrea the egress controller that gives an Egress its IP and node. When
 * a client pod appears it notes which egress objects exist at that moment, so a test can check what each repeat ran
 * against. An iperf3 command exec'd in a client pod runs for real on this machine, bound to the source address the
 * CNI would give the pod: the egress IP while an egress object exists (see {@link #policyApplies}), else its node's
 * address (or the one given to {@link #seenFrom}).
 */
public final class FakeCluster implements AutoCloseable {
    static final List<String> NODES = List.of("cnibench-control-plane", "cnibench-worker", "cnibench-worker2");
    /** Longer than any iperf3 run of the tests. */
    private static final long EXEC_TIMEOUT_SECONDS = 60;

    private final KubernetesClient client;
    private final StandIns standIns;
    private final List<String[]> egressKinds;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, List<String>> egressObjectsAtPod = new ConcurrentHashMap<>();
    private final List<String> clientPods = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> sourcesByPod = new ConcurrentHashMap<>();
    private volatile int policyFrom;
    private volatile int policyUntil = Integer.MAX_VALUE;
    private final Map<String, String> nodeAddresses = new ConcurrentHashMap<>();
    private volatile String seenFrom;
    private volatile Map<?, ?> lastPoolSpec;
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
            nodeAddresses.put(nodes.get(i), "127.0.0." + (i + 2));
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(nodes.get(i))
                    .addToLabels("kubernetes.io/hostname", nodes.get(i)).endMetadata()
                    .withNewStatus().addNewAddress().withType("InternalIP").withAddress(nodeAddresses.get(nodes.get(i))).endAddress()
                    .addNewAddress().withType("Hostname").withAddress(nodes.get(i)).endAddress()
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
        }
        loop.scheduleWithFixedDelay(this::step, 0, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * From now on the iperf3 server sees every pod's traffic from this address, whatever egress object exists: a CNI
     * that ignores the egress policy (the node's address), or AKS's outbound NAT (an address of its own).
     */
    public FakeCluster seenFrom(String address) {
        seenFrom = address;
        return this;
    }

    /** From now on the commands exec'd in the client pods through api run here (iperf3 only). */
    public FakeCluster servingExec(ExecMockApi api) {
        api.serveExec(this::exec);
        return this;
    }

    /**
     * Which connections of every client pod the egress policy applies to (counted from 0; the others leave from its
     * node's address even while an egress object exists): from a later one as Cilium, which applies the policy to a
     * new pod after a while, or until an earlier one for a policy lost while the pod runs.
     */
    public FakeCluster policyApplies(int fromConnection, int untilConnection) {
        policyFrom = fromConnection;
        policyUntil = untilConnection;
        return this;
    }

    /** For each client pod, the source addresses of the iperf3 connections run in it, in order. */
    public Map<String, List<String>> sourcesByPod() {
        return sourcesByPod;
    }

    /** The spec of the last ExternalIPPool an Egress took its IP from (the pools are deleted after each repeat). */
    public Map<?, ?> lastPoolSpec() {
        return lastPoolSpec;
    }

    /** The client pods in the order they were started. */
    public List<String> clientPods() {
        return List.copyOf(clientPods);
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
            assignAntreaEgressIps();
            client.apps().deployments().inAnyNamespace().list().getItems().stream()
                    .filter(d -> d.getStatus() == null || d.getStatus().getConditions().isEmpty())
                    .forEach(this::makeAvailable);
            for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
                if (pod.getStatus() == null || pod.getStatus().getPhase() == null) {
                    run(pod);
                }
            }
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

    private void run(Pod pod) throws Exception {
        List<GenericKubernetesResource> egress = egressObjects();
        egressObjectsAtPod.put(pod.getMetadata().getName(), egress.stream().map(GenericKubernetesResource::getKind).sorted().toList());
        boolean clientPod = pod.getMetadata().getLabels() != null && pod.getMetadata().getLabels().containsKey("cnibench/path");
        if (clientPod) {
            clientPods.add(pod.getMetadata().getName());
            sourcesByPod.put(pod.getMetadata().getName(), new CopyOnWriteArrayList<>());
        }
        pod.setStatus(new PodStatusBuilder().withPhase(clientPod ? "Running" : "Succeeded").build());
        client.pods().resource(pod).updateStatus();
    }

    private List<GenericKubernetesResource> egressObjects() {
        return egressKinds.stream().flatMap(k -> client.genericKubernetesResources(k[0], k[1]).list().getItems().stream()).toList();
    }

    /** An iperf3 client command exec'd in a client pod, run here from the source address the pod's traffic would have. */
    private PodExec.Result exec(String namespace, String name, List<String> command) throws Exception {
        Pod pod = client.pods().inNamespace(namespace).withName(name).get();
        List<String> sources = sourcesByPod.get(name);
        if (pod == null || sources == null || !"iperf3".equals(command.get(0))) {
            return new PodExec.Result(126, ("this fake runs only iperf3 in a client pod, not " + command + " in " + name).getBytes());
        }
        String node = nodeAddresses.get(pod.getSpec().getNodeSelector().get("kubernetes.io/hostname"));
        String egressIp = egressObjects().stream().map(FakeCluster::egressIp).filter(ip -> ip != null).findFirst().orElse(null);
        boolean applied = sources.size() >= policyFrom && sources.size() < policyUntil;
        String source = seenFrom != null ? seenFrom : egressIp != null && applied ? egressIp : node;
        sources.add(source);
        List<String> bound = new ArrayList<>(command);
        bound.addAll(1, List.of("--bind", source));
        Process iperf = new ProcessBuilder(bound).redirectErrorStream(true).start();
        // the process's output is read to the end, so a hung iperf3 is stopped by the watchdog, not waited for forever
        ScheduledFuture<?> watchdog = loop.schedule(iperf::destroyForcibly, EXEC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        byte[] output = iperf.getInputStream().readAllBytes();
        watchdog.cancel(false);
        return new PodExec.Result(iperf.waitFor(), output);
    }

    /** The address an egress object SNATs to: an Antrea Egress's assigned IP, a Cilium policy's egressIP. */
    private static String egressIp(GenericKubernetesResource object) {
        Object status = object.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> s && s.get("egressIP") != null) {
            return (String) s.get("egressIP");
        }
        return object.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
                && spec.get("egressGateway") instanceof Map<?, ?> gateway ? (String) gateway.get("egressIP") : null;
    }

    private static String firstHost(String cidr) {
        String network = cidr.substring(0, cidr.indexOf('/'));
        int dot = network.lastIndexOf('.');
        return network.substring(0, dot + 1) + (Integer.parseInt(network.substring(dot + 1)) + 1);
    }

    /** As Antrea's egress controller: an Egress gets the first address of its pool and the pool's node. */
    private void assignAntreaEgressIps() {
        if (client.apiextensions().v1().customResourceDefinitions().withName("egresses.crd.antrea.io").get() == null) {
            return;
        }
        for (GenericKubernetesResource egress : client.genericKubernetesResources("crd.antrea.io/v1beta1", "Egress").list().getItems()) {
            if (egress.getAdditionalProperties().get("status") != null) {
                continue;
            }
            String poolName = (String) ((Map<?, ?>) egress.getAdditionalProperties().get("spec")).get("externalIPPool");
            GenericKubernetesResource pool = client.genericKubernetesResources("crd.antrea.io/v1beta1", "ExternalIPPool")
                    .withName(poolName).get();
            Map<?, ?> spec = (Map<?, ?>) pool.getAdditionalProperties().get("spec");
            lastPoolSpec = spec;
            Map<?, ?> range = (Map<?, ?>) ((List<?>) spec.get("ipRanges")).get(0);
            String ip = range.get("start") != null ? (String) range.get("start") : firstHost((String) range.get("cidr"));
            String node = (String) ((Map<?, ?>) ((Map<?, ?>) spec.get("nodeSelector")).get("matchLabels")).get("kubernetes.io/hostname");
            egress.getAdditionalProperties().put("status", Map.of("egressIP", ip, "egressNode", node));
            client.genericKubernetesResources("crd.antrea.io/v1beta1", "Egress").resource(egress).updateStatus();
        }
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
        DaemonSet agents = client.apps().daemonSets().inNamespace("kube-system").resource(new DaemonSetBuilder().withNewMetadata()
                .withName("cilium").withNamespace("kube-system").endMetadata().withNewSpec().withNewSelector()
                .addToMatchLabels("k8s-app", "cilium").endSelector().endSpec().build()).create();
        int nodes = nodeAddresses.size();
        agents.setStatus(new DaemonSetStatusBuilder().withDesiredNumberScheduled(nodes).withCurrentNumberScheduled(nodes)
                .withNumberReady(nodes).withUpdatedNumberScheduled(nodes).withNumberAvailable(nodes).withNumberUnavailable(0)
                .withObservedGeneration(agents.getMetadata().getGeneration()).build());
        client.apps().daemonSets().resource(agents).updateStatus();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
