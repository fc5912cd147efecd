package cnibench.k8segress;

import cnibench.module.azure.ArmStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Azure side of the AKS end-to-end tests (egress and ingress): the https ARM stub, whose clusters' kubeconfig
 * points at fabric8's mock API server, the stand-in `az` that signs DefaultAzureCredential in (Azure CLI login),
 * and the environment and arguments ./runner needs to reach them with -i inventory/azure.
 */
public final class AksArm implements AutoCloseable {
    public static final List<String> NODES = List.of("aks-nodepool1-31245678-vmss000000", "aks-nodepool1-31245678-vmss000001");
    public static final String SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
    public static final String CLUSTER = "/resourcegroups/cnibench/providers/Microsoft.ContainerService/managedClusters/cnibench";

    /** Azure CLI's answer to `az account get-access-token`, the token being the stub's. */
    public static final String AZ = """
            #!/bin/sh
            echo "az $*" >> "$STANDIN_DIR/log"
            case "$1 $2" in
              "account get-access-token")
                echo '{"accessToken": "%s", "expiresOn": "2099-01-01 00:00:00.000000", "expires_on": 4070908800,
                  "subscription": "%s", "tenant": "tenant", "tokenType": "Bearer"}' ;;
              *) echo "ERROR: stand-in az does not do: $*" >&2; exit 1 ;;
            esac
            """.formatted(ArmStub.SECRET, SUBSCRIPTION);

    private final ArmStub arm;
    private final Path dir;

    /** A stub whose clusters are served by the Kubernetes API at kubernetesUrl; dir takes its CA and the SSH key. */
    public AksArm(String kubernetesUrl, Path dir) throws IOException {
        this.arm = new ArmStub().kubernetesServer(kubernetesUrl);
        this.dir = dir;
    }

    public ArmStub stub() {
        return arm;
    }

    /** The environment that sends the Azure SDK to the stub, signed in through the stand-in az (a mutable map). */
    public Map<String, String> environment() throws IOException {
        return new HashMap<>(Map.of("AZURE_SUBSCRIPTION_ID", SUBSCRIPTION, "AZURE_CLOUD_ENVIRONMENT", arm.url(),
                "CNIBENCH_AZURE_CA_FILE", arm.writeCa(dir.resolve("arm-ca.pem")).toString(),
                "AZURE_TOKEN_CREDENTIALS", "AzureCliCredential"));
    }

    /** The -e arguments create_aks_cluster needs beyond the inventory: an SSH public key for the nodes. */
    public List<String> clusterArgs() throws IOException {
        Path sshKey = Files.writeString(dir.resolve("id_rsa.pub"), "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 cnibench@test\n");
        return List.of("-e", "aks_ssh_public_key_file=" + sshKey);
    }

    /** Every request that changes something (no reads, no polls), its path from the resource group on. */
    public List<String> changes() {
        return arm.requests().stream().filter(r -> !r.startsWith("GET "))
                .map(r -> r.replace("/subscriptions/" + SUBSCRIPTION, "").replace("/resourceGroups/", "/resourcegroups/")).toList();
    }

    /** The changes of a run that created the cluster, fetched its kubeconfig and deleted it with its group. */
    public static List<String> createdAndDeleted() {
        return List.of("PUT /resourcegroups/cnibench", "PUT " + CLUSTER, "POST " + CLUSTER + "/listClusterAdminCredential",
                "DELETE " + CLUSTER, "DELETE /resourcegroups/cnibench");
    }

    @Override
    public void close() throws IOException {
        arm.close();
    }
}
