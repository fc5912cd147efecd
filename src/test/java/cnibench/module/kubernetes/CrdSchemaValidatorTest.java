package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdSchemaValidatorTest {
    private final CrdSchemaValidator validator = new CrdSchemaValidator();

    private static Map<String, Object> crd(String file) throws IOException {
        return Manifests.fromYaml(Files.readString(ReferenceData.file(file))).get(0);
    }

    private static Map<String, Object> yaml(String text) {
        return Manifests.fromYaml(text).get(0);
    }

    private List<String> validate(String crdFile, String object) throws IOException {
        return validator.validate(crd(crdFile), yaml(object));
    }

    /** An Antrea Egress named egress-iperf with the given apiVersion and spec (flow YAML), checked against Antrea's CRD. */
    private List<String> validateEgress(String apiVersion, String spec) throws IOException {
        return validate("antrea-v2.7.0/egress-crd.yaml",
                "{apiVersion: " + apiVersion + ", kind: Egress, metadata: {name: egress-iperf}, spec: " + spec + "}");
    }

    /** The valid object passes; the invalid one fails with at least the expected errors. */
    private void assertValidAndRejected(String crdFile, String valid, String invalid, String... expected) throws IOException {
        assertEquals(List.of(), validate(crdFile, valid));
        List<String> errors = validate(crdFile, invalid);
        for (String error : expected) {
            assertTrue(errors.contains(error), errors.toString());
        }
    }

    @Test
    void acceptsAnAntreaEgressWithAnEgressIpFromAPool() throws IOException {
        assertEquals(List.of(), validateEgress("crd.antrea.io/v1beta1",
                "{appliedTo: {podSelector: {matchLabels: {app: iperf-client}}}, egressIP: 172.18.0.100, externalIPPool: egress-pool}"));
    }

    @Test
    void rejectsAnEgressWithoutAppliedToAndWithABadIp() throws IOException {
        List<String> errors = validateEgress("crd.antrea.io/v1beta1", "{egressIP: 300.1.2.3, egresIPs: [172.18.0.100]}");

        assertTrue(errors.contains("spec.appliedTo: Required value"), errors.toString());
        assertTrue(errors.contains("unknown field \"spec.egresIPs\""), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("spec.egressIP: Invalid value: must match exactly one schema in oneOf")),
                errors.toString());
    }

    @Test
    void rejectsTheThesisV1alpha2EgressAsNotServed() throws IOException {
        List<String> errors = validateEgress("crd.antrea.io/v1alpha2",
                "{appliedTo: {podSelector: {matchLabels: {app: iperf-client}}}, egressIP: 172.18.0.100}");

        assertEquals(List.of("apiVersion: Unsupported value: \"crd.antrea.io/v1alpha2\": CustomResourceDefinition "
                + "egresses.crd.antrea.io serves crd.antrea.io/v1beta1"), errors);
    }

    @Test
    void checksExternalIpPoolRangesAndSubnet() throws IOException {
        String valid = """
                apiVersion: crd.antrea.io/v1beta1
                kind: ExternalIPPool
                metadata: {name: egress-pool}
                spec:
                  ipRanges:
                    - {start: 172.18.0.100, end: 172.18.0.110}
                    - cidr: 172.18.1.0/24
                  subnetInfo: {gateway: 172.18.0.1, prefixLength: 16}
                  nodeSelector: {matchLabels: {egress-gateway: "true"}}
                """;
        String invalid = """
                apiVersion: crd.antrea.io/v1beta1
                kind: ExternalIPPool
                metadata: {name: egress-pool}
                spec:
                  ipRanges:
                    - cidr: 172.18.1.0/40
                    - {start: 172.18.0.100}
                  subnetInfo: {gateway: 172.18.0.1, prefixLength: 200}
                """;

        assertValidAndRejected("antrea-v2.7.0/externalippool-crd.yaml", valid, invalid,
                "spec.nodeSelector: Required value",
                "spec.ipRanges[0].cidr: Invalid value: \"172.18.1.0/40\": must be of format cidr",
                "spec.ipRanges[1]: Invalid value: must match exactly one schema in oneOf, matched 0",
                "spec.subnetInfo.prefixLength: Invalid value: 200: should be less than or equal to 127");
    }

    @Test
    void checksACiliumEgressGatewayPolicy() throws IOException {
        String valid = """
                apiVersion: cilium.io/v2
                kind: CiliumEgressGatewayPolicy
                metadata: {name: egress-iperf}
                spec:
                  selectors:
                    - podSelector: {matchLabels: {app: iperf-client}}
                  destinationCIDRs: ["0.0.0.0/0"]
                  egressGateway:
                    nodeSelector: {matchLabels: {egress-gateway: "true"}}
                    egressIP: 172.18.0.100
                """;
        String invalid = valid.replace("\"0.0.0.0/0\"", "\"10.0.0.0/33\"").replace("egressIP: 172.18.0.100", "egressIP: 172.18.0.1000");

        assertEquals(List.of(), validate("cilium/ciliumegressgatewaypolicies-crd.yaml", valid));
        List<String> errors = validate("cilium/ciliumegressgatewaypolicies-crd.yaml", invalid);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("spec.destinationCIDRs[0]: Invalid value: \"10.0.0.0/33\": should match"), errors.toString());
        assertTrue(errors.get(1).startsWith("spec.egressGateway.egressIP: Invalid value: \"172.18.0.1000\": should match"), errors.toString());
    }

    @Test
    void checksHttpRouteBackendWeights() throws IOException {
        String valid = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: canary, namespace: demo}
                spec:
                  parentRefs: [{name: gateway}]
                  rules:
                    - backendRefs:
                        - {name: app-v1, port: 80, weight: 95}
                        - {name: app-v2, port: 80, weight: 5}
                """;
        String invalid = valid.replace("weight: 95", "weight: -1").replace("weight: 5", "weight: \"5\"").replace("port: 80,", "port: 70000,");

        assertValidAndRejected("gateway-api-v1.6.1/httproutes-crd.yaml", valid, invalid,
                "spec.rules[0].backendRefs[0].weight: Invalid value: -1: should be greater than or equal to 0",
                "spec.rules[0].backendRefs[1].weight: Invalid value: \"5\": must be of type integer",
                "spec.rules[0].backendRefs[0].port: Invalid value: 70000: should be less than or equal to 65535");
    }

    @Test
    void checksAMetallbIpAddressPool() throws IOException {
        String valid = """
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata: {name: kind-pool, namespace: metallb-system}
                spec:
                  addresses: [172.18.255.200-172.18.255.250]
                  autoAssign: true
                """;
        String invalid = """
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata: {name: kind-pool, namespace: metallb-system}
                spec:
                  autoAssign: "yes"
                """;

        assertEquals(List.of(), validate("metallb-v0.16.1/ipaddresspools-crd.yaml", valid));
        assertEquals(List.of("spec.addresses: Required value", "spec.autoAssign: Invalid value: \"yes\": must be of type boolean"),
                validate("metallb-v0.16.1/ipaddresspools-crd.yaml", invalid));
    }
}
