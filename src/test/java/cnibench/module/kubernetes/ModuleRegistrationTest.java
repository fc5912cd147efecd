package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import cnibench.module.spi.ModuleRegistry;
import org.junit.jupiter.api.Test;

class ModuleRegistrationTest {
    @Test
    void everyModuleIsFoundByShortAndFullyQualifiedName() {
        ModuleRegistry registry = ModuleRegistry.load();

        assertInstanceOf(K8sModule.class, registry.find("kubernetes.core.k8s").orElseThrow());
        assertInstanceOf(K8sModule.class, registry.find("k8s").orElseThrow());
        assertInstanceOf(K8sInfoModule.class, registry.find("kubernetes.core.k8s_info").orElseThrow());
        assertInstanceOf(K8sExecModule.class, registry.find("kubernetes.core.k8s_exec").orElseThrow());
        assertInstanceOf(K8sLogModule.class, registry.find("kubernetes.core.k8s_log").orElseThrow());
        assertInstanceOf(HelmModule.class, registry.find("kubernetes.core.helm").orElseThrow());
        assertInstanceOf(HelmModule.class, registry.find("helm").orElseThrow());
        assertInstanceOf(KindClusterModule.class, registry.find("kind_cluster").orElseThrow());
    }
}
