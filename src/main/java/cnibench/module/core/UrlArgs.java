package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.ModuleSpec;
import java.util.Map;

/** Ansible's url_argument_spec, shared by uri and get_url. */
final class UrlArgs {
    private UrlArgs() {
    }

    static ModuleSpec.Builder addTo(ModuleSpec.Builder builder, int defaultTimeout) {
        return builder
                .arg(ArgSpec.of("url", ArgType.STR, "HTTP or HTTPS URL.").asRequired())
                .arg(ArgSpec.of("headers", ArgType.DICT, "Request headers.").defaultValue(Map.of()))
                .arg(ArgSpec.of("timeout", ArgType.INT, "Socket timeout in seconds.").defaultValue(defaultTimeout))
                .arg(ArgSpec.of("validate_certs", ArgType.BOOL, "Verify the server's TLS certificate.").defaultValue(true))
                .arg(ArgSpec.of("url_username", ArgType.STR, "User name for basic authentication.").aliases("username", "user"))
                .arg(ArgSpec.of("url_password", ArgType.STR, "Password for basic authentication.").aliases("password").asNoLog())
                .arg(ArgSpec.of("force_basic_auth", ArgType.BOOL, "Send basic authentication without waiting for a 401.").defaultValue(false))
                .arg(ArgSpec.of("http_agent", ArgType.STR, "User-Agent header.").defaultValue("ansible-httpget"))
                .arg(ArgSpec.of("use_proxy", ArgType.BOOL, "Use proxies from the environment; accepted, requests go direct.").defaultValue(true));
    }
}
