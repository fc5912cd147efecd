package cnibench.module.core;

import cnibench.module.spi.ModuleResult;

/** Result messages that, as in Ansible, may be a string or any other value (debug msg, assert fail_msg). */
final class Messages {
    private Messages() {
    }

    static ModuleResult set(ModuleResult result, Object message) {
        if (message instanceof String text) {
            return result.msg(text);
        }
        return result.put("msg", message);
    }
}
