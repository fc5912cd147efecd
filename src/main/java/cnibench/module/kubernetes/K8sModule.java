package cnibench.module.kubernetes;

import cnibench.python.AnsibleBoolean;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** kubernetes.core.k8s: creates, applies or deletes objects from definitions, files and templates. */
public final class K8sModule extends KubernetesTaskModule {
    private static final ModuleSpec SPEC = KubernetesArgs.waiting(KubernetesArgs.connection(ModuleSpec.builder("k8s")
            .alias("kubernetes.core.k8s", "community.kubernetes.k8s")
            .description("Manage Kubernetes objects: create, server-side apply, patch or delete them, and wait for them")
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the objects should exist").choices("present", "absent").defaultValue("present"))
            .arg(ArgSpec.of("definition", ArgType.RAW, "The objects: a dict, a list of dicts, or a (multi-document) YAML string")
                    .aliases("resource_definition", "inline"))
            .arg(ArgSpec.of("src", ArgType.PATH, "A YAML file of objects, looked up in the role's files/"))
            .arg(ArgSpec.of("template", ArgType.RAW, "A Jinja template of objects, looked up in the role's templates/"))
            .arg(ArgSpec.of("kind", ArgType.STR, "Kind of the object when no definition is given"))
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the object when no definition is given"))
            .arg(ArgSpec.of("namespace", ArgType.STR, "Namespace for namespaced objects that do not name one"))
            .arg(ArgSpec.of("api_version", ArgType.STR, "apiVersion of the object when no definition is given")
                    .aliases("api", "version").defaultValue("v1"))
            .arg(ArgSpec.of("apply", ArgType.BOOL, "Apply the objects (server-side apply)").defaultValue(false))
            .arg(ArgSpec.of("server_side_apply", ArgType.DICT, "Server-side apply settings: field_manager, force_conflicts"))
            .arg(ArgSpec.of("force", ArgType.BOOL, "Replace existing objects instead of patching them").defaultValue(false))
            .mutuallyExclusive("definition", "src", "template")
            .checkMode()
            .diff()
            .examples("""
                    - kubernetes.core.k8s:
                        src: antrea.yml
                        apply: true
                        wait: true
                    """))).build();

    /** Default field manager of server-side apply. */
    static final String FIELD_MANAGER = "cnibench";

    public K8sModule() {
        super(SPEC);
    }

    @Override
    ModuleResult apply(ModuleContext context, Arguments args) throws Exception {
        try {
            List<Map<String, Object>> objects = objects(context, args);
            if (objects.isEmpty()) {
                return ModuleResult.ok().put("result", Map.of());
            }
            KubernetesClient client = KubernetesClients.shared().client(args);
            ObjectReconciler reconciler = new ObjectReconciler(client, options(context, args), objects);
            List<ObjectReconciler.Outcome> outcomes = new ArrayList<>();
            for (Map<String, Object> object : objects) {
                outcomes.add(reconciler.reconcile(object));
            }
            return result(context, outcomes);
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        } catch (YamlEngineException e) {
            return ModuleResult.failed("Failed to parse definition as YAML: " + e.getMessage().strip().replace('\n', ' '));
        }
    }

    private static ObjectReconciler.Options options(ModuleContext context, Arguments args) {
        Map<String, Object> ssa = args.map("server_side_apply");
        boolean apply = args.bool("apply") || args.has("server_side_apply");
        return new ObjectReconciler.Options(
                "present".equals(args.str("state")), apply,
                String.valueOf(ssa.getOrDefault("field_manager", FIELD_MANAGER)),
                AnsibleBoolean.parse(ssa.getOrDefault("force_conflicts", false), false),
                args.bool("force"), args.str("namespace"),
                args.bool("wait"), WaitCondition.fromArgs(args.map("wait_condition")),
                Duration.ofSeconds(args.integer("wait_sleep")), Duration.ofSeconds(args.integer("wait_timeout")),
                context.checkMode());
    }

    /** The objects of the task, from definition, src, template, or kind and name. */
    private static List<Map<String, Object>> objects(ModuleContext context, Arguments args) throws IOException {
        if (args.has("definition")) {
            return Manifests.fromDefinition(args.raw("definition"));
        }
        if (args.has("src")) {
            Path file = existing(context.findFile("files", args.str("src")));
            return parse(file, Files.readString(file));
        }
        if (args.has("template")) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String name : templateNames(args.raw("template"))) {
                Path file = existing(context.findFile("templates", name));
                out.addAll(parse(file, context.renderTemplateFile(file)));
            }
            return out;
        }
        if (args.has("kind") && args.has("name")) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", args.str("name"));
            if (args.has("namespace")) {
                metadata.put("namespace", args.str("namespace"));
            }
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("apiVersion", args.str("api_version"));
            object.put("kind", args.str("kind"));
            object.put("metadata", metadata);
            return List.of(object);
        }
        throw new IllegalArgumentException("one of the following is required: definition, src, template, or kind and name");
    }

    private static Path existing(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("Error accessing " + file + ". Does the file exist?");
        }
        return file;
    }

    private static List<Map<String, Object>> parse(Path file, String text) {
        try {
            return Manifests.fromYaml(text);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("Failed to parse " + file + " as YAML: " + e.getMessage().strip().replace('\n', ' '));
        }
    }

    /** template may be a path, a dict with path, or a list of either. */
    private static List<String> templateNames(Object template) {
        if (template instanceof Map<?, ?> map) {
            Object path = map.get("path");
            if (path == null) {
                throw new IllegalArgumentException("template dict needs a path");
            }
            return List.of(String.valueOf(path));
        }
        if (template instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(item -> out.addAll(templateNames(item)));
            return out;
        }
        return List.of(String.valueOf(template));
    }

    private static ModuleResult result(ModuleContext context, List<ObjectReconciler.Outcome> outcomes) {
        boolean changed = outcomes.stream().anyMatch(ObjectReconciler.Outcome::changed);
        ModuleResult result = ModuleResult.changed(changed);
        if (outcomes.size() == 1) {
            result.putAll(outcomes.get(0).toMap());
            result.setChanged(changed);
            result.fields().remove("changed");
        } else {
            result.put("result", Map.of("results", outcomes.stream().map(ObjectReconciler.Outcome::toMap).toList()));
        }
        if (context.diffMode()) {
            List<Object> before = new ArrayList<>();
            List<Object> after = new ArrayList<>();
            for (ObjectReconciler.Outcome outcome : outcomes) {
                if (outcome.changed()) {
                    before.add(outcome.before() == null ? Map.of() : outcome.before());
                    after.add("delete".equals(outcome.method()) ? Map.of() : outcome.result());
                }
            }
            if (!before.isEmpty()) {
                result.diff("before", before.size() == 1 ? before.get(0) : before, "after", after.size() == 1 ? after.get(0) : after);
            }
        }
        return result;
    }
}
