package cnibench.playbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which unknown names are someone else's modules (deferred to run time) and which are errors at load. */
class AnsibleModuleNamesTest {
    @Test
    void modulesAnsibleHas() {
        assertTrue(AnsibleModuleNames.known("yum"));
        assertTrue(AnsibleModuleNames.known("ansible.builtin.reboot"));
        assertTrue(AnsibleModuleNames.known("ufw"));
        assertTrue(AnsibleModuleNames.known("community.docker.docker_container"));
    }

    @Test
    void namesAnsibleWouldRejectToo() {
        assertFalse(AnsibleModuleNames.known("debgu"));
        assertFalse(AnsibleModuleNames.known("ansible.builtin.no_such_module"));
        assertFalse(AnsibleModuleNames.known("foo.bar"));
        assertFalse(AnsibleModuleNames.known("cnibench.kubernetes.k8s_exec"), "our namespace is no one else's collection");
    }
}
