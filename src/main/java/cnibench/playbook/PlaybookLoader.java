package cnibench.playbook;

import cnibench.python.PyTypeName;
import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleSpec;
import cnibench.source.Position;
import cnibench.source.Positioned;
import cnibench.source.SourceError;
import cnibench.source.YamlList;
import cnibench.source.YamlLoader;
import cnibench.source.YamlMap;
import cnibench.template.TemplateError;
import cnibench.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a whole playbook before anything runs: plays, roles, static imports, and checks every task
 * (keywords, module, arguments, Jinja syntax) so that any error stops the run at its position. What
 * Ansible itself finds only when a task runs (a module it has and cnibench lacks, the missing file of
 * a dynamic include) is a warning here, and the task fails when it runs.
 */
public final class PlaybookLoader {
    private static final Set<String> CONDITION_KEYWORDS = Set.of("when", "changed_when", "failed_when", "until");

    private final ModuleRegistry modules;
    private final Templar templar;
    private final RoleLoader roles;
    private final Consumer<String> warnings;
    private final Map<String, Object> extraVars;

    public PlaybookLoader(ModuleRegistry modules, Templar templar, List<Path> rolesPath) {
        this(modules, templar, rolesPath, message -> { }, Map.of());
    }

    /**
     * @param warnings  receives what is worth a [WARNING] but not an error (a module Ansible has and cnibench lacks)
     * @param extraVars the -e variables, which static names (import_role's) may use with the play's vars
     */
    public PlaybookLoader(ModuleRegistry modules, Templar templar, List<Path> rolesPath, Consumer<String> warnings,
                          Map<String, Object> extraVars) {
        this.modules = modules;
        this.templar = templar;
        this.roles = new RoleLoader(rolesPath);
        this.warnings = warnings;
        this.extraVars = extraVars;
    }

    public RoleLoader roleLoader() {
        return roles;
    }

    public Playbook load(Path file) {
        List<Play> plays = new ArrayList<>();
        loadInto(file.toAbsolutePath().normalize(), plays, new HashSet<>());
        return new Playbook(file.toAbsolutePath().normalize(), plays);
    }

    private void loadInto(Path file, List<Play> plays, Set<Path> importing) {
        if (!importing.add(file)) {
            throw new SourceError("import_playbook loop: " + file + " imports itself", Position.UNKNOWN);
        }
        Object data = YamlLoader.load(file);
        if (data == null) {
            importing.remove(file);
            return;
        }
        if (!(data instanceof YamlList list)) {
            throw new SourceError("A playbook must be a list of plays, got a " + PyTypeName.of(data) + " instead",
                    data instanceof Positioned p ? p.position() : new Position(file.toString(), 1, 1));
        }
        for (int i = 0; i < list.size(); i++) {
            Object entry = list.get(i);
            if (!(entry instanceof YamlMap ds)) {
                throw new SourceError("A playbook must be a list of plays, got a " + PyTypeName.of(entry) + " entry instead",
                        list.positionOf(i));
            }
            String importKey = ds.keySet().stream().filter(Actions.IMPORT_PLAYBOOK::contains).findFirst().orElse(null);
            if (importKey != null) {
                Object target = ds.get(importKey);
                if (!(target instanceof String name) || Templar.isTemplate(name)) {
                    throw new SourceError("import_playbook needs a static file name", ds.positionOf(importKey));
                }
                Path imported = file.getParent().resolve(name).normalize();
                if (!Files.isRegularFile(imported)) {
                    imported = file.getParent().resolve("playbooks").resolve(name).normalize();
                }
                if (!Files.isRegularFile(imported)) {
                    throw new SourceError("Could not find or access '" + name + "' (imported playbook)", ds.positionOf(importKey));
                }
                loadInto(imported, plays, importing);
                continue;
            }
            plays.add(loadPlay(ds, file));
        }
        importing.remove(file);
    }

    private Play loadPlay(YamlMap ds, Path file) {
        checkKeys(ds, Keywords.PLAY, "Play");
        KeywordTypes.check(ds);
        if (ds.get("hosts") == null) {
            throw new SourceError("the field 'hosts' is required but was not set", ds.position());
        }
        checkStrings(ds, ds.position());
        Map<String, Object> keywords = new LinkedHashMap<>(ds);
        keywords.remove("tasks");
        keywords.remove("pre_tasks");
        keywords.remove("post_tasks");
        keywords.remove("handlers");
        keywords.remove("roles");
        normalizeVars(keywords, ds, "Play");
        Play play = new Play(keywords, ds.position(), file);
        for (Object vf : play.varsFiles()) {
            checkVarsFile(vf, play.dir(), ds.positionOf("vars_files"));
        }
        Set<String> applied = new HashSet<>();
        section(ds, "pre_tasks", play, file).ifPresent(play.preTasks()::add);
        Object roleRefs = ds.get("roles");
        if (roleRefs != null) {
            if (!(roleRefs instanceof YamlList refs)) {
                throw new SourceError("'roles' must be a list of roles", ds.positionOf("roles"));
            }
            for (int i = 0; i < refs.size(); i++) {
                play.roles().addAll(applyRole(refs.get(i), Map.of(), refs.positionOf(i), play, play, null, "main", applied,
                        play.handlers()));
            }
        }
        section(ds, "tasks", play, file).ifPresent(play.tasks()::add);
        section(ds, "post_tasks", play, file).ifPresent(play.postTasks()::add);
        Object handlers = ds.get("handlers");
        if (handlers != null) {
            Block hb = new Block(play, Map.of(), ds.positionOf("handlers"));
            hb.block().addAll(parseTasks(handlers, ds.positionOf("handlers"), hb, file, true));
            play.handlers().addAll(hb.allTasks());
        }
        return play;
    }

    private java.util.Optional<Block> section(YamlMap ds, String key, Play play, Path file) {
        Object tasks = ds.get(key);
        if (tasks == null) {
            return java.util.Optional.empty();
        }
        Block block = new Block(play, Map.of(), ds.positionOf(key));
        block.block().addAll(parseTasks(tasks, ds.positionOf(key), block, file, false));
        return java.util.Optional.of(block);
    }

    /**
     * Applies a role reference: its dependencies first, then its own tasks, each as a block under a
     * RoleScope. Its handlers are added to `handlers` (the play's, or a run's for include_role). A role
     * applied before with the same parameters is skipped.
     * The vars of import_role and include_role are parameters whatever their names (a `port` or a
     * `become` there is a variable, not a keyword).
     */
    public List<Block> applyRole(Object ref, Map<String, Object> vars, Position at, Scope parent, Play play,
                                 RoleScope dependent, String tasksFrom, Set<String> applied, List<Task> handlers) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String name;
        if (ref instanceof String s) {
            name = s;
        } else if (ref instanceof Map<?, ?> m) {
            Object n = m.get("role") != null ? m.get("role") : m.get("name");
            if (n == null) {
                throw new SourceError("role definitions must contain a role name", at);
            }
            name = String.valueOf(n);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (k.equals("role") || k.equals("name")) {
                    continue;
                }
                if (Keywords.ROLE_REF.contains(k)) {
                    keywords.put(k, e.getValue());
                } else {
                    params.put(k, e.getValue());
                }
            }
            if (m instanceof YamlMap ym) {
                checkStrings(ym, at);
            }
        } else {
            throw new SourceError("role definitions must be a name or a mapping, got " + PyTypeName.of(ref), at);
        }
        if (Templar.isTemplate(name)) {
            throw new SourceError("role names cannot be templated in roles: (use include_role)", at);
        }
        params.putAll(vars);
        Role role = roles.find(name, play.dir(), at);
        String key = role.path() + "|" + params + "|" + tasksFrom;
        List<Block> out = new ArrayList<>();
        if (applied != null && !role.allowDuplicates() && !applied.add(key)) {
            return out;
        }
        RoleScope scope = new RoleScope(parent, keywords, at, role, params, dependent);
        for (Object dep : role.dependencies()) {
            // under the dependent role: its when, tags and keywords (and an import_role's) apply to its dependencies
            out.addAll(applyRole(dep, Map.of(), at, scope, play, scope, "main", applied, handlers));
        }
        play.roleScopes().add(scope);
        Path tasksFile = role.tasksFile(tasksFrom);
        if (tasksFile == null && !"main".equals(tasksFrom)) {
            throw new SourceError("Could not find specified file in role: tasks/" + tasksFrom, at);
        }
        Block block = new Block(scope, Map.of(), at);
        Task validation = RoleArgumentSpecs.validationTask(role, tasksFrom, block, at,
                modules.find(RoleArgumentSpecs.VALIDATE).orElseThrow());
        if (validation != null) {
            block.block().add(validation);
        }
        if (tasksFile != null) {
            block.block().addAll(parseFile(tasksFile, block, false, at));
        }
        out.add(block);
        Path handlersFile = role.handlersFile();
        if (handlersFile != null) {
            Block hb = new Block(scope, Map.of(), at);
            hb.block().addAll(parseFile(handlersFile, hb, true, at));
            handlers.addAll(hb.allTasks());
        }
        return out;
    }

    /** Parses a task file (import_tasks, include_tasks, a role's tasks) into nodes under a parent. */
    public List<Node> parseFile(Path file, Scope parent, boolean handlers, Position at) {
        if (!Files.isRegularFile(file)) {
            throw new SourceError("Could not find or access '" + file + "'", at);
        }
        Object data = YamlLoader.load(file);
        if (data == null) {
            return List.of();
        }
        return parseTasks(data, new Position(file.toString(), 1, 1), parent, file, handlers);
    }

    private List<Node> parseTasks(Object data, Position at, Scope parent, Path file, boolean handlers) {
        if (!(data instanceof YamlList list)) {
            throw new SourceError("A list of tasks was expected, got a " + PyTypeName.of(data) + " instead",
                    data instanceof Positioned p ? p.position() : at);
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof YamlMap ds)) {
                throw new SourceError("A task must be a mapping, got a " + PyTypeName.of(item) + " instead", list.positionOf(i));
            }
            Node node = parseTask(ds, parent, file, handlers);
            if (node != null) {
                out.add(node);
            }
        }
        return out;
    }

    private Node parseTask(YamlMap ds, Scope parent, Path file, boolean handler) {
        if (ds.containsKey("block")) {
            checkKeys(ds, Keywords.BLOCK, "Block");
            KeywordTypes.check(ds);
            checkStrings(ds, ds.position());
            Map<String, Object> keywords = new LinkedHashMap<>(ds);
            keywords.remove("block");
            keywords.remove("rescue");
            keywords.remove("always");
            normalizeVars(keywords, ds, "Block");
            Block block = new Block(parent, keywords, ds.position());
            block.block().addAll(parseTasks(ds.get("block"), ds.positionOf("block"), block, file, handler));
            if (ds.get("rescue") != null) {
                block.rescue().addAll(parseTasks(ds.get("rescue"), ds.positionOf("rescue"), block, file, handler));
            }
            if (ds.get("always") != null) {
                block.always().addAll(parseTasks(ds.get("always"), ds.positionOf("always"), block, file, handler));
            }
            return block;
        }
        Set<String> allowed = handler ? Keywords.HANDLER : Keywords.TASK;
        List<String> actionKeys = new ArrayList<>();
        for (String key : ds.keySet()) {
            if (!allowed.contains(key) && !key.startsWith("with_")) {
                actionKeys.add(key);
            }
        }
        Map<String, Object> keywords = new LinkedHashMap<>();
        ds.forEach((k, v) -> {
            if (!actionKeys.contains(k)) {
                keywords.put(k, v);
            }
        });
        String action;
        Object argValue;
        Position actionAt;
        if (ds.containsKey("action") || ds.containsKey("local_action")) {
            String key = ds.containsKey("action") ? "action" : "local_action";
            if (!actionKeys.isEmpty()) {
                throw new SourceError("conflicting action statements: " + key + ", " + actionKeys.get(0), ds.positionOf(actionKeys.get(0)));
            }
            actionAt = ds.positionOf(key);
            Object value = ds.get(key);
            keywords.remove(key);
            if (key.equals("local_action")) {
                keywords.put("delegate_to", "localhost");
            }
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> copy = new LinkedHashMap<>();
                m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                action = String.valueOf(copy.remove("module"));
                argValue = copy;
            } else {
                String text = String.valueOf(value).trim();
                int space = text.indexOf(' ');
                action = space < 0 ? text : text.substring(0, space);
                argValue = space < 0 ? null : text.substring(space + 1);
            }
        } else {
            if (actionKeys.isEmpty()) {
                throw new SourceError("no module/action detected in task.", ds.position());
            }
            if (actionKeys.size() > 1) {
                throw new SourceError("conflicting action statements: " + String.join(", ", actionKeys), ds.positionOf(actionKeys.get(1)));
            }
            action = actionKeys.get(0);
            argValue = ds.get(action);
            actionAt = ds.positionOf(action);
        }
        Module module = modules.find(action).orElse(null);
        if (module == null && !Actions.isExecutorAction(action) && AnsibleModuleNames.known(action)) {
            // someone else's content: Ansible has this module, so the run goes on until a task needs it
            warnings.accept("cnibench has no module '" + action + "' (" + actionAt
                    + "); a task that uses it fails when it runs");
        } else if (module == null && !Actions.isExecutorAction(action)) {
            String hint = modules.closest(action);
            String own = action.startsWith(ModuleSpec.OWN_NAMESPACE + ".") ? " cnibench's own modules are named "
                    + ModuleSpec.OWN_COLLECTION + ".<name> or <name>." : "";
            throw new SourceError("couldn't resolve module/action '" + action + "'. This often indicates a misspelling, "
                    + "missing collection, or incorrect module path." + own + (hint == null ? "" : " Did you mean '" + hint + "'?"), actionAt);
        }
        String shortName = module != null ? module.spec().name() : action.substring(action.lastIndexOf('.') + 1);
        boolean freeForm = (module != null && module.spec().freeForm()) || Actions.FREE_FORM.contains(shortName);
        Map<String, Object> args = actionArgs(argValue, freeForm, actionAt, shortName);
        if (ds.get("args") instanceof Map<?, ?> extra) {
            Map<String, Object> merged = new LinkedHashMap<>();
            extra.forEach((k, v) -> merged.put(String.valueOf(k), v));
            merged.putAll(args);
            args = merged;
            keywords.remove("args");
        }
        if (args.containsKey("_raw_params") && !freeForm && !Actions.EXTRA_PARAMS.contains(shortName)) {
            throw new SourceError("this task '" + action + "' has extra params, which is only allowed in the following modules: "
                    + String.join(", ", new java.util.TreeSet<>(Actions.EXTRA_PARAMS)), ds.position());
        }
        checkTaskKeywords(ds);
        KeywordTypes.check(ds);
        normalizeVars(keywords, ds, "Task");
        checkStrings(ds, ds.position());
        if (module != null) {
            try {
                ArgumentValidator.checkStatic(module.spec(), args);
            } catch (ArgumentException e) {
                Position at = e.argument() != null && argValue instanceof YamlMap m ? m.positionOf(e.argument()) : actionAt;
                throw new SourceError(e.getMessage(), at);
            }
        }
        Task task = new Task(parent, keywords, ds.position(), action, module, args, file, handler);
        if (Actions.IMPORT_TASKS.contains(action) || staticInclude(task, args)) {
            return importTasks(task, args, file, actionAt, handler);
        }
        if (Actions.IMPORT_ROLE.contains(action)) {
            return importRole(task, args, actionAt);
        }
        if (Actions.INCLUDE_TASKS.contains(action)) {
            String name = includeFileName(args);
            if (name == null) {
                throw new SourceError("No file specified for " + shortName, actionAt);
            }
            if (!Templar.isTemplate(name) && !Files.isRegularFile(resolveTaskFile(task, name))) {
                // as in Ansible, a dynamic include fails only when it runs (it may be for another OS)
                warnings.accept("Could not find or access '" + name + "' (included by " + shortName + " at " + actionAt
                        + "); the task fails if it runs");
            }
        }
        return task;
    }

    /** The old include is an import when its file name is plain and it has no loop, as in Ansible 2.14. */
    private static boolean staticInclude(Task task, Map<String, Object> args) {
        return task.shortAction().equals("include") && !Templar.isTemplate(includeFileName(args))
                && task.ownKeywords().keySet().stream().noneMatch(k -> k.equals("loop") || k.startsWith("with_"));
    }

    private Node importTasks(Task importTask, Map<String, Object> args, Path file, Position at, boolean handler) {
        String name = includeFileName(args);
        if (name == null || Templar.isTemplate(name)) {
            throw new SourceError("import_tasks needs a static file name", at);
        }
        Path target = resolveTaskFile(importTask, name);
        Map<String, Object> keywords = new LinkedHashMap<>(importTask.ownKeywords());
        keywords.remove("name");
        Map<String, Object> params = new LinkedHashMap<>(args);
        params.keySet().removeAll(List.of("file", "_raw_params"));
        if (!params.isEmpty()) {
            // the old include's key=value parameters are variables of its tasks
            if (keywords.get("vars") instanceof Map<?, ?> vars) {
                vars.forEach((k, v) -> params.putIfAbsent(String.valueOf(k), v));
            }
            keywords.put("vars", params);
        }
        Block block = new Block(importTask.parent(), keywords, importTask.position());
        block.block().addAll(parseFile(target, block, handler, at));
        return block;
    }

    private Node importRole(Task importTask, Map<String, Object> args, Position at) {
        Object name = staticName(args.get("name"), importTask, at);
        if (name == null) {
            throw new SourceError("import_role needs a role name", at);
        }
        Play play = importTask.play();
        Map<String, Object> given = new LinkedHashMap<>();
        if (args.get("vars") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> given.put(String.valueOf(k), v));
        }
        Map<String, Object> keywords = new LinkedHashMap<>(importTask.ownKeywords());
        keywords.remove("name");
        // the import's own vars reach the role's tasks, which sit below the role scope
        if (keywords.remove("vars") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> given.put(String.valueOf(k), v));
        }
        Block wrapper = new Block(importTask.parent(), keywords, importTask.position());
        String tasksFrom = args.get("tasks_from") == null ? "main" : String.valueOf(args.get("tasks_from"));
        wrapper.block().addAll(applyRole(name, given, at, wrapper, play, null, tasksFrom, new HashSet<>(), play.handlers()));
        return wrapper;
    }

    /** A name templated at load time, as Ansible does for imports: with the play's vars, the import's and -e. */
    private Object staticName(Object name, Task importTask, Position at) {
        if (!Templar.isTemplate(name)) {
            return name;
        }
        Map<String, Object> vars = new LinkedHashMap<>(importTask.play().vars());
        vars.putAll(importTask.blockAndTaskVars());
        vars.putAll(extraVars);
        try {
            return templar.template(name, vars);
        } catch (TemplateError e) {
            throw new SourceError("the name of an import must be known when the playbook is loaded: " + e.getMessage(), at);
        }
    }

    /** Resolves a task file the way Ansible does: beside the including file, then the role's tasks/, then the playbook. */
    public static Path resolveTaskFile(Task task, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(task.file().getParent().resolve(name));
        Role role = task.role();
        if (role != null) {
            candidates.add(role.path().resolve("tasks").resolve(name));
        }
        Play play = task.play();
        if (play != null) {
            candidates.add(play.dir().resolve(name));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(candidates.get(0)).normalize();
    }

    static String includeFileName(Map<String, Object> args) {
        Object n = args.get("file") != null ? args.get("file") : args.get("_raw_params");
        return n == null ? null : String.valueOf(n);
    }

    private static Map<String, Object> actionArgs(Object value, boolean freeForm, Position at, String action) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (value instanceof String s) {
            return KeyValueParser.parse(s, freeForm);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return KeyValueParser.parse(String.valueOf(value), freeForm);
        }
        throw new SourceError("the arguments of '" + action + "' must be a mapping or a string, got a " + PyTypeName.of(value), at);
    }

    private void checkTaskKeywords(YamlMap ds) {
        boolean hasLoop = ds.containsKey("loop");
        for (String key : ds.keySet()) {
            if (key.startsWith("with_") && hasLoop) {
                throw new SourceError("The loop and " + key + " keywords cannot be used together", ds.positionOf(key));
            }
        }
        Object lc = ds.get("loop_control");
        if (lc != null && !(lc instanceof Map)) {
            throw new SourceError("loop_control must be a mapping", ds.positionOf("loop_control"));
        }
        if (lc instanceof YamlMap m) {
            for (String k : m.keySet()) {
                if (!Set.of("loop_var", "index_var", "label", "pause", "extended", "extended_allitems").contains(k)) {
                    throw new SourceError("'" + k + "' is not a valid attribute for a LoopControl", m.positionOf(k));
                }
            }
        }
    }

    private static void normalizeVars(Map<String, Object> keywords, YamlMap ds, String owner) {
        if (keywords.get("vars") != null) {
            keywords.put("vars", VarsKeyword.of(keywords.get("vars"), ds.positionOf("vars"), owner));
        }
    }

    private static void checkKeys(YamlMap ds, Set<String> allowed, String what) {
        for (String key : ds.keySet()) {
            if (!allowed.contains(key)) {
                throw new SourceError("'" + key + "' is not a valid attribute for a " + what, ds.positionOf(key));
            }
        }
    }

    private void checkVarsFile(Object entry, Path dir, Position at) {
        if (entry instanceof List<?> options) {
            options.forEach(o -> checkStringSyntax(String.valueOf(o), at));
            return;
        }
        String name = String.valueOf(entry);
        checkStringSyntax(name, at);
        if (!Templar.isTemplate(name) && !Files.isRegularFile(dir.resolve(name))) {
            throw new SourceError("Could not find or access '" + name + "' (vars_files) relative to " + dir, at);
        }
    }

    /** Checks the Jinja syntax of every string under a task or play, reporting the nearest position. */
    private void checkStrings(Object value, Position at) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Position p = m instanceof YamlMap ym ? ym.positionOf(e.getKey()) : at;
                String key = String.valueOf(e.getKey());
                if (CONDITION_KEYWORDS.contains(key)) {
                    for (Object c : Scope.asList(e.getValue())) {
                        if (c instanceof String s && !Templar.isTemplate(s)) {
                            checkStringSyntax("{{ " + s + " }}", p);
                        } else {
                            checkStrings(c, p);
                        }
                    }
                } else if (!key.equals("tasks") && !key.equals("pre_tasks") && !key.equals("post_tasks")
                        && !key.equals("handlers") && !key.equals("block") && !key.equals("rescue") && !key.equals("always")) {
                    checkStrings(e.getValue(), p);
                }
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                checkStrings(l.get(i), l instanceof YamlList yl ? yl.positionOf(i) : at);
            }
        } else if (value instanceof String s && Templar.isTemplate(s)) {
            checkStringSyntax(s, at);
        }
    }

    private void checkStringSyntax(String s, Position at) {
        try {
            templar.checkSyntax(s);
        } catch (TemplateError e) {
            throw new SourceError("template error while templating string: " + e.getMessage() + ". String: " + s, at);
        }
    }
}
