package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.ModuleSpec;

/**
 * Ansible's add_file_common_args: mode, owner, group and the SELinux/attribute options, which
 * cnibench accepts so playbooks stay valid but does not apply (no SELinux on the targets).
 */
final class CommonFileArgs {
    private CommonFileArgs() {
    }

    static ModuleSpec.Builder addTo(ModuleSpec.Builder builder) {
        return builder
                .arg(ArgSpec.of("mode", ArgType.RAW, "Permissions: octal number (0644), octal string (\"0644\") or symbolic (u=rw,g=r,o=r)."))
                .arg(ArgSpec.of("owner", ArgType.STR, "Name (or uid) of the user that should own the file."))
                .arg(ArgSpec.of("group", ArgType.STR, "Name (or gid) of the group that should own the file."))
                .arg(ArgSpec.of("seuser", ArgType.STR, "SELinux user; accepted and ignored."))
                .arg(ArgSpec.of("serole", ArgType.STR, "SELinux role; accepted and ignored."))
                .arg(ArgSpec.of("setype", ArgType.STR, "SELinux type; accepted and ignored."))
                .arg(ArgSpec.of("selevel", ArgType.STR, "SELinux level; accepted and ignored."))
                .arg(ArgSpec.of("unsafe_writes", ArgType.BOOL, "Accepted for compatibility; writes are always atomic.").defaultValue(false))
                .arg(ArgSpec.of("attributes", ArgType.STR, "chattr attributes; accepted and ignored.").aliases("attr"));
    }
}
