package cnibench.module.kubernetes;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.text.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubernetes.core.helm: installs, upgrades or uninstalls a release through the helm command. A release is
 * left alone when it is deployed with the wanted chart version and values (helm get values compared with
 * the values files merged with the values dict, as helm merges them).
 */
public final class HelmModule extends KubernetesTaskModule {
    private static final ObjectMapper JSON = Json.MAPPER;

    private static final ModuleSpec SPEC = ModuleSpec.builder("helm")
            .alias("kubernetes.core.helm", "community.kubernetes.helm")
            .description("Install, upgrade or uninstall a Helm release (wraps the helm command)")
            .arg(ArgSpec.of("name", ArgType.STR, "Release name").aliases("release_name", "release").asRequired())
            .arg(ArgSpec.of("chart_ref", ArgType.PATH, "Chart: repo/name, a path, or a name with chart_repo_url").aliases("chart"))
            .arg(ArgSpec.of("chart_version", ArgType.STR, "Chart version"))
            .arg(ArgSpec.of("chart_repo_url", ArgType.STR, "Chart repository URL").aliases("repo", "chart_repo"))
            .arg(ArgSpec.of("release_namespace", ArgType.STR, "Namespace of the release").aliases("namespace").asRequired())
            .arg(ArgSpec.of("create_namespace", ArgType.BOOL, "Create the namespace if it is missing").defaultValue(false))
            .arg(ArgSpec.of("values", ArgType.DICT, "Values, written to a temporary values file").aliases("release_values"))
            .arg(ArgSpec.of("values_files", ArgType.LIST, "Values files, applied before values").elements(ArgType.PATH))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the release should exist").choices("present", "absent").defaultValue("present"))
            .arg(ArgSpec.of("wait", ArgType.BOOL, "Wait until the release's resources are ready").defaultValue(false))
            .arg(ArgSpec.of("wait_timeout", ArgType.STR, "How long helm waits, e.g. 5m0s"))
            .arg(ArgSpec.of("update_repo_cache", ArgType.BOOL, "Run helm repo update first").defaultValue(false))
            .arg(ArgSpec.of("kubeconfig", ArgType.PATH, "Kubeconfig for helm").aliases("kubeconfig_path"))
            .arg(ArgSpec.of("context", ArgType.STR, "Kubeconfig context").aliases("kube_context"))
            .arg(ArgSpec.of("binary_path", ArgType.PATH, "Path of the helm executable; default: helm on PATH"))
            .checkMode()
            .examples("""
                    - kubernetes.core.helm:
                        name: cilium
                        chart_ref: cilium
                        chart_repo_url: https://helm.cilium.io/
                        chart_version: "{{ cilium_version }}"
                        release_namespace: kube-system
                        values: {kubeProxyReplacement: true}
                    """)
            .build();

    public HelmModule() {
        super(SPEC);
    }

    @Override
    ModuleResult apply(ModuleContext context, Arguments args) throws Exception {
        CommandTool helm = CommandTool.require(context, "helm", "helm", args.str("binary_path"));
        boolean present = "present".equals(args.str("state"));
        if (present && !args.has("chart_ref")) {
            return ModuleResult.failed("state is present but all of the following are missing: chart_ref");
        }
        if (present && args.bool("update_repo_cache")) {
            runChecked(helm, List.of("repo", "update"));
        }
        Map<String, Object> release = release(helm, args);
        if (!present) {
            return uninstall(context, helm, args, release);
        }
        Map<String, Object> wanted = wantedValues(context, args);
        if (release != null && upToDate(helm, args, release, wanted)) {
            return ModuleResult.ok().put("status", status(release, wanted));
        }
        if (context.checkMode()) {
            return ModuleResult.changed(true).put("status", release == null ? Map.of() : status(release, wanted));
        }
        return install(helm, args, wanted);
    }

    private ModuleResult install(CommandTool helm, Arguments args, Map<String, Object> wanted) throws Exception {
        Path valuesFile = args.has("values") ? TempFiles.yaml("helm-values", args.map("values")) : null;
        try {
            List<String> command = new ArrayList<>(List.of("upgrade", "--install", "--reset-values", args.str("name"), args.str("chart_ref")));
            command.addAll(List.of("--namespace", args.str("release_namespace")));
            if (args.has("chart_version")) {
                command.addAll(List.of("--version", args.str("chart_version")));
            }
            if (args.has("chart_repo_url")) {
                command.addAll(List.of("--repo", args.str("chart_repo_url")));
            }
            if (args.bool("create_namespace")) {
                command.add("--create-namespace");
            }
            for (String file : args.strings("values_files")) {
                command.addAll(List.of("--values", file));
            }
            if (valuesFile != null) {
                command.addAll(List.of("--values", valuesFile.toString()));
            }
            addWait(command, args);
            addConnection(command, args);
            CommandResult ran = helm.run(command);
            ModuleResult result = commandResult(helm, command, ran);
            if (ran.ok()) {
                Map<String, Object> release = release(helm, args);
                result.setChanged(true).put("status", release == null ? Map.of() : status(release, wanted));
            }
            return result;
        } finally {
            TempFiles.delete(valuesFile);
        }
    }

    private ModuleResult uninstall(ModuleContext context, CommandTool helm, Arguments args, Map<String, Object> release) throws Exception {
        if (release == null) {
            return ModuleResult.ok().put("status", Map.of());
        }
        if (context.checkMode()) {
            return ModuleResult.changed(true).put("status", release);
        }
        List<String> command = new ArrayList<>(List.of("uninstall", args.str("name"), "--namespace", args.str("release_namespace")));
        addWait(command, args);
        addConnection(command, args);
        CommandResult ran = helm.run(command);
        return commandResult(helm, command, ran).setChanged(ran.ok()).put("status", release);
    }

    private static ModuleResult commandResult(CommandTool helm, List<String> command, CommandResult ran) {
        ModuleResult result = ModuleResult.ok().put("command", helm.commandLine(command))
                .put("stdout", ran.stdout()).put("stderr", ran.stderr());
        if (!ran.ok()) {
            result.setFailed(true).msg(CommandTool.failure("helm " + command.get(0), ran));
        }
        return result;
    }

    /** The release as helm list reports it (name, namespace, revision, updated, status, chart, app_version), or null. */
    private Map<String, Object> release(CommandTool helm, Arguments args) throws Exception {
        List<String> command = new ArrayList<>(List.of("list", "--all", "--output", "json", "--namespace", args.str("release_namespace"),
                "--filter", "^" + args.str("name") + "$"));
        addConnection(command, args);
        String out = runChecked(helm, command);
        List<Map<String, Object>> releases = out.isBlank() ? List.of() : JSON.readValue(out, new TypeReference<>() {});
        return releases.stream().filter(r -> args.str("name").equals(r.get("name"))).findFirst().orElse(null);
    }

    private boolean upToDate(CommandTool helm, Arguments args, Map<String, Object> release, Map<String, Object> wanted) throws Exception {
        if (!"deployed".equals(release.get("status"))) {
            return false;
        }
        // helm list shows the chart as name-version, without a leading v
        if (args.has("chart_version") && !String.valueOf(release.get("chart")).endsWith("-" + args.str("chart_version").replaceFirst("^v", ""))) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of("get", "values", args.str("name"), "--output", "json",
                "--namespace", args.str("release_namespace")));
        addConnection(command, args);
        String out = runChecked(helm, command);
        Map<String, Object> current = out.isBlank() || out.strip().equals("null") ? Map.of() : JSON.readValue(out, new TypeReference<>() {});
        return JSON.valueToTree(current).equals(JSON.valueToTree(wanted));
    }

    /** The values helm will end up with: the values files in order, then the values dict, merged deeply. */
    private static Map<String, Object> wantedValues(ModuleContext context, Arguments args) throws IOException {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String file : args.strings("values_files")) {
            for (Map<String, Object> document : Manifests.fromYaml(Files.readString(context.connection().path(file)))) {
                merged = DeepMerge.merge(merged, document);
            }
        }
        return DeepMerge.merge(merged, args.map("values"));
    }

    /** kubernetes.core's status: the helm list entry plus the values. */
    private static Map<String, Object> status(Map<String, Object> release, Map<String, Object> values) {
        Map<String, Object> status = new LinkedHashMap<>(release);
        status.put("values", values);
        return status;
    }

    private static String runChecked(CommandTool helm, List<String> command) throws Exception {
        CommandResult ran = helm.run(command);
        if (!ran.ok()) {
            throw new K8sTaskError(CommandTool.failure(helm.commandLine(command), ran));
        }
        return ran.stdout();
    }

    private static void addWait(List<String> command, Arguments args) {
        if (args.bool("wait")) {
            command.add("--wait");
            if (args.has("wait_timeout")) {
                command.addAll(List.of("--timeout", args.str("wait_timeout")));
            }
        }
    }

    private static void addConnection(List<String> command, Arguments args) {
        if (args.has("kubeconfig")) {
            command.addAll(List.of("--kubeconfig", args.str("kubeconfig")));
        }
        if (args.has("context")) {
            command.addAll(List.of("--kube-context", args.str("context")));
        }
    }
}
