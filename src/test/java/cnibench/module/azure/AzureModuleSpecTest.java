package cnibench.module.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.ModuleRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The azure modules answer to azure.azcollection's names, and their arguments are checked at load time. */
class AzureModuleSpecTest {
    @Test
    void theModulesAreFoundByAzureCollectionNames() {
        ModuleRegistry registry = ModuleRegistry.load();
        assertInstanceOf(ResourceGroupModule.class, registry.find("azure.azcollection.azure_rm_resourcegroup").orElseThrow());
        assertInstanceOf(AksModule.class, registry.find("azure.azcollection.azure_rm_aks").orElseThrow());
        assertInstanceOf(AksModule.class, registry.find("azure_rm_aks").orElseThrow());
        assertInstanceOf(KubeconfigModule.class, registry.find("cnibench.bench.azure_rm_aks_kubeconfig").orElseThrow());
    }

    @Test
    void badArgumentsFailAtLoadTime() {
        ArgumentException unknown = assertThrows(ArgumentException.class, () -> ArgumentValidator.checkStatic(new AksModule().spec(),
                Map.of("name", "c", "resource_group", "g", "kube_config", "x")));
        assertEquals("kube_config", unknown.argument());
        ArgumentException state = assertThrows(ArgumentException.class, () -> ArgumentValidator.checkStatic(
                new ResourceGroupModule().spec(), Map.of("name", "g", "state", "gone")));
        assertEquals("value of state must be one of: present, absent, got: gone", state.getMessage());
    }
}
