package cnibench.module.kubernetes;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** kind_cluster (cnibench): creates or deletes a kind cluster through the kind command. */
public final class KindClusterModule extends KubernetesTaskModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("kind_cluster")
            .own()
            .description("Create or delete a kind (Kubernetes in Docker) cluster; needs kind and docker on the host")
            .arg(ArgSpec.of("name", ArgType.STR, "Cluster name").defaultValue("kind"))
            .arg(ArgSpec.of("config", ArgType.DICT, "kind Cluster configuration, written to a temporary file"))
            .arg(ArgSpec.of("config_template", ArgType.PATH, "Jinja template of the kind configuration, looked up in templates/"))
            .arg(ArgSpec.of("image", ArgType.STR, "Node image, e.g. kindest/node:v1.33.1"))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the cluster should exist").choices("present", "absent").defaultValue("present"))
            .arg(ArgSpec.of("kubeconfig", ArgType.PATH, "Where kind writes the cluster's kubeconfig"))
            .arg(ArgSpec.of("wait", ArgType.STR, "How long kind waits for the control plane: seconds or a duration such as 2m"))
            .arg(ArgSpec.of("binary_path", ArgType.PATH, "Path of the kind executable; default: kind on PATH"))
            .mutuallyExclusive("config", "config_template")
            .checkMode()
            .examples("""
                    - kind_cluster:
                        name: cnibench
                        config_template: kind-config.yaml.j2
                        image: "{{ kind_node_image }}"
                        kubeconfig: "{{ playbook_dir }}/kubeconfig"
                    """)
            .build();

    public KindClusterModule() {
        super(SPEC);
    }

    @Override
    ModuleResult apply(ModuleContext context, Arguments args) throws Exception {
        CommandTool kind = CommandTool.require(context, "kind_cluster", "kind", args.str("binary_path"));
        CommandTool.require(context, "kind_cluster", "docker", null);
        String name = args.str("name");
        boolean exists = clusters(kind).contains(name);
        boolean present = "present".equals(args.str("state"));
        ModuleResult result = ModuleResult.ok().put("name", name).put("kubeconfig", kubeconfig(args));
        if (present == exists) {
            return present ? exportMissingKubeconfig(context, kind, args, result) : result;
        }
        result.setChanged(true);
        if (context.checkMode()) {
            return result;
        }
        return present ? create(context, kind, args, result) : delete(kind, args, result);
    }

    private static List<String> clusters(CommandTool kind) throws Exception {
        List<String> args = List.of("get", "clusters");
        CommandResult listed = kind.run(args);
        if (!listed.ok()) {
            throw new K8sTaskError(CommandTool.failure(kind.commandLine(args), listed));
        }
        // "No kind clusters found." goes to stderr; stdout holds one name per line
        return Arrays.stream(listed.stdout().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static ModuleResult create(ModuleContext context, CommandTool kind, Arguments args, ModuleResult result) throws Exception {
        Path config = null;
        try {
            if (args.has("config")) {
                config = TempFiles.yaml("kind-config", args.map("config"));
            } else if (args.has("config_template")) {
                config = TempFiles.text("kind-config", context.renderTemplateFile(context.findFile("templates", args.str("config_template"))));
            }
            List<String> command = new ArrayList<>(List.of("create", "cluster", "--name", args.str("name")));
            if (config != null) {
                command.addAll(List.of("--config", config.toString()));
            }
            if (args.has("image")) {
                command.addAll(List.of("--image", args.str("image")));
            }
            if (args.has("kubeconfig")) {
                command.addAll(List.of("--kubeconfig", args.str("kubeconfig")));
            }
            if (args.has("wait")) {
                String wait = args.str("wait").strip();
                command.addAll(List.of("--wait", wait.matches("\\d+") ? wait + "s" : wait));
            }
            return finish(kind, command, result);
        } finally {
            TempFiles.delete(config);
        }
    }

    private static ModuleResult delete(CommandTool kind, Arguments args, ModuleResult result) throws Exception {
        List<String> command = new ArrayList<>(List.of("delete", "cluster", "--name", args.str("name")));
        if (args.has("kubeconfig")) {
            command.addAll(List.of("--kubeconfig", args.str("kubeconfig")));
        }
        return finish(kind, command, result);
    }

    /** An existing cluster whose kubeconfig file is missing gets it written again. */
    private static ModuleResult exportMissingKubeconfig(ModuleContext context, CommandTool kind, Arguments args,
                                                        ModuleResult result) throws Exception {
        if (!args.has("kubeconfig") || Files.exists(Path.of(args.str("kubeconfig")))) {
            return result;
        }
        result.setChanged(true);
        if (context.checkMode()) {
            return result;
        }
        return finish(kind, List.of("export", "kubeconfig", "--name", args.str("name"), "--kubeconfig", args.str("kubeconfig")), result);
    }

    private static ModuleResult finish(CommandTool kind, List<String> command, ModuleResult result) throws Exception {
        CommandResult ran = kind.run(command);
        result.put("cmd", kind.commandLine(command)).put("rc", ran.rc()).put("stdout", ran.stdout()).put("stderr", ran.stderr());
        if (!ran.ok()) {
            result.setFailed(true).msg(CommandTool.failure("kind " + command.get(0) + " " + command.get(1), ran));
        }
        return result;
    }

    private static String kubeconfig(Arguments args) {
        return args.has("kubeconfig") ? args.str("kubeconfig") : Path.of(System.getProperty("user.home"), ".kube", "config").toString();
    }
}
