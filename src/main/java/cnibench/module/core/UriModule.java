package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.text.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** ansible.builtin.uri: an HTTP request whose status, headers and (JSON) content become the result. */
public final class UriModule extends FixedSpecModule {
    private static final ObjectMapper JSON = Json.MAPPER;

    private static final ModuleSpec SPEC = CommonFileArgs.addTo(UrlArgs.addTo(ModuleSpec.builder("uri").builtin()
            .description("Interact with HTTP and HTTPS web services: status, headers, content and parsed JSON are returned.")
            .arg(ArgSpec.of("method", ArgType.STR, "HTTP method, in upper case.").defaultValue("GET"))
            .arg(ArgSpec.of("body", ArgType.RAW, "Request body; a dict or list is encoded as body_format says."))
            .arg(ArgSpec.of("body_format", ArgType.STR, "How to encode body.").defaultValue("raw").choices("form-urlencoded", "json", "raw"))
            .arg(ArgSpec.of("src", ArgType.PATH, "File whose content is the request body."))
            .arg(ArgSpec.of("status_code", ArgType.LIST, "Status codes that mean success.").defaultValue(List.of(200)).elements(ArgType.INT))
            .arg(ArgSpec.of("return_content", ArgType.BOOL, "Return the body as content.").defaultValue(false))
            .arg(ArgSpec.of("dest", ArgType.PATH, "Write the response body to this file."))
            .arg(ArgSpec.of("follow_redirects", ArgType.STR, "Which redirects to follow; safe follows them for GET and HEAD.")
                    .defaultValue("safe").choices("all", "no", "none", "safe", "urllib2", "yes"))
            .arg(ArgSpec.of("creates", ArgType.PATH, "Skip the request when this path exists."))
            .arg(ArgSpec.of("removes", ArgType.PATH, "Skip the request unless this path exists."))
            .arg(ArgSpec.of("remote_src", ArgType.BOOL, "src is on the host.").defaultValue(false)), 30))
            .mutuallyExclusive("body", "src")
            .checkMode()
            .examples("""
                    - name: Wait for the Prometheus API
                      ansible.builtin.uri:
                        url: http://127.0.0.1:9090/-/ready
                        status_code: [200]
                      register: ready
                      until: ready.status == 200
                      retries: 30
                      delay: 2
                    """)
            .build();

    public UriModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String url = args.str("url");
        String method = args.str("method").toUpperCase();
        if (!method.matches("^[A-Z]+$")) {
            return ModuleResult.failed("Parameter 'method' needs to be a single word in uppercase, like GET or POST.");
        }
        if (args.has("creates") && Files.exists(ctx.connection().path(args.str("creates")))) {
            return ModuleResult.ok().put("stdout", "skipped, since '" + args.str("creates") + "' exists");
        }
        if (args.has("removes") && !Files.exists(ctx.connection().path(args.str("removes")))) {
            return ModuleResult.ok().put("stdout", "skipped, since '" + args.str("removes") + "' does not exist");
        }
        Map<String, String> headers = HttpFetch.headers(args);
        byte[] body = body(ctx, args, headers);
        HttpFetch.Response response = HttpFetch.send(args, method, body, headers, args.str("follow_redirects"));
        List<Integer> accepted = args.list("status_code").stream().map(v -> ((Number) v).intValue()).toList();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("redirected", response.finalUrl() != null && !response.finalUrl().equals(url));
        fields.putAll(HttpFetch.headerFields(response));
        fields.put("url", response.finalUrl() == null ? url : response.finalUrl());
        fields.put("status", response.status());
        fields.put("elapsed", response.elapsedSeconds());
        if (response.status() != -1) {
            fields.put("cookies", Map.of());
            fields.put("cookies_string", "");
        }
        String contentType = response.header("content-type");
        String content = new String(response.body(), charset(contentType));
        boolean changed = false;
        if (args.has("dest") && response.status() != -1 && accepted.contains(response.status()) && response.status() != 304) {
            Path dest = ctx.connection().path(args.str("dest"));
            if (Files.isDirectory(dest)) {
                dest = dest.resolve("index.html");
            }
            changed = true;
            if (!ctx.checkMode()) {
                SafeWrite.write(ctx.connection(), dest, response.body(), null);
                FileAttributes.of(args).apply(dest, true, false, new HashMap<>(), new HashMap<>());
            }
            fields.put("path", dest.toString());
        }
        if (isJson(contentType)) {
            try {
                fields.put("json", JSON.readValue(content, Object.class));
            } catch (java.io.IOException e) {
                // not JSON after all: Ansible leaves json out as well
            }
        }
        String msg = response.message();
        ModuleResult result;
        if (!accepted.contains(response.status())) {
            result = ModuleResult.failed("Status code was " + response.status() + " and not " + accepted + ": " + msg);
        } else {
            result = ModuleResult.changed(changed).msg(msg);
        }
        if (args.bool("return_content")) {
            fields.put("content", content);
        }
        return result.putAll(fields);
    }

    private static byte[] body(ModuleContext ctx, Arguments args, Map<String, String> headers) throws Exception {
        if (args.has("src")) {
            Path src = args.bool("remote_src") ? ctx.connection().path(args.str("src")) : ctx.findFile("files", args.str("src"));
            return Files.readAllBytes(src);
        }
        Object body = args.raw("body");
        if (body == null) {
            return null;
        }
        boolean hasType = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("content-type"));
        String text;
        switch (args.str("body_format")) {
            case "json" -> {
                text = body instanceof String s ? s : JSON.writeValueAsString(body);
                if (!hasType) {
                    headers.put("Content-Type", "application/json");
                }
            }
            case "form-urlencoded" -> {
                text = body instanceof Map<?, ?> map ? map.entrySet().stream()
                        .map(e -> URLEncoder.encode(String.valueOf(e.getKey()), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")) : String.valueOf(body);
                if (!hasType) {
                    headers.put("Content-Type", "application/x-www-form-urlencoded");
                }
            }
            default -> text = String.valueOf(body);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** JSON_CANDIDATES in Ansible: a json or javascript subtype, or a +json suffix. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase();
        int slash = type.indexOf('/');
        String sub = slash < 0 ? "" : type.substring(slash + 1);
        if (sub.contains("+")) {
            sub = sub.substring(sub.indexOf('+') + 1);
        }
        return sub.equals("json") || sub.equals("javascript");
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase().startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", ""));
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
