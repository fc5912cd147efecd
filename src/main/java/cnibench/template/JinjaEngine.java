package cnibench.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The configured Jinjava (built once: Ansible's filters, tests, lookups, Python output) and a
 * cache of parsed templates. Each render gets a fresh interpreter whose variables come lazily
 * from a {@link RenderSession}.
 */
final class JinjaEngine {
    private static final JinjaEngine SHARED = new JinjaEngine();
    private static final int CACHE_LIMIT = 20_000;

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    private final Map<String, ParsedTemplate> stringCache = new ConcurrentHashMap<>();
    private final Map<String, ParsedTemplate> fileCache = new ConcurrentHashMap<>();
    /** Parsing needs an interpreter but no variables: one per thread, reused, saves building one per template. */
    private final ThreadLocal<Parser> parsers = ThreadLocal.withInitial(this::newParser);

    private final ThreadLocal<Renderer> renderers = ThreadLocal.withInitial(() -> new Renderer(newInterpreter(null)));

    private record Parser(JinjavaInterpreter interpreter, SyntaxChecker checker) {
    }

    /** This thread's interpreter for rendering, and whether a render is using it. */
    private static final class Renderer {
        private final JinjavaInterpreter interpreter;
        private boolean busy;

        Renderer(JinjavaInterpreter interpreter) {
            this.interpreter = interpreter;
        }
    }

    /** A parsed template; expression is set when the whole template is one {{ }}. */
    record ParsedTemplate(String source, Node root, String expression) {
    }

    private JinjaEngine() {
        config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(false)
                .withFailOnUnknownTokens(false)
                .withNestedInterpretationEnabled(false)
                .withElResolver(PythonObjectResolver.composite())
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUsePyishObjectMapper(true)
                        .withEvaluateMapKeys(true)
                        .withIterateOverMapKeys(true)
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .withKeepNullableLoopValues(true)
                        .withUseTrimmingForNotesAndExpressions(true)
                        .build())
                .build();
        jinjava = new PythonJinjava(config);
        jinjava.setResourceLocator(new TemplateIncludes());
        Context global = jinjava.getGlobalContext();
        global.setExpressionStrategy(new PythonExpressionStrategy());
        global.registerTag(new PythonIfTag());
        for (Filter builtin : List.copyOf(global.getAllFilters())) {
            global.registerFilter(new GuardedFilter(builtin));
        }
        FilterCatalog.registerAll(global);
        AnsibleTests.registerAll(global);
        registerFunctions(global);
    }

    static JinjaEngine shared() {
        return SHARED;
    }

    private static void registerFunctions(Context global) {
        try {
            global.registerFunction(new ELFunctionDefinition("", "dict",
                    GlobalFunctions.class.getMethod("dict", Object[].class)));
            global.registerFunction(new ELFunctionDefinition("", "now",
                    GlobalFunctions.class.getMethod("now", Object[].class)));
            for (String name : List.of("lookup", "query", "q")) {
                String method = name.equals("lookup") ? "lookup" : "query";
                global.registerFunction(new ELFunctionDefinition("", name,
                        Lookups.class.getMethod(method, String.class, Object[].class)));
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a template string (once per distinct text) or throws a TemplateError naming the problem. */
    ParsedTemplate parse(String text) {
        return parse(text, true);
    }

    /** Parses a template file's text: string literals keep Jinja's escape processing. */
    ParsedTemplate parseFile(String text) {
        return parse(text, false);
    }

    private ParsedTemplate parse(String text, boolean rawStrings) {
        Map<String, ParsedTemplate> cache = rawStrings ? stringCache : fileCache;
        ParsedTemplate parsed = cache.get(text);
        if (parsed != null) {
            return parsed;
        }
        Parser parser = parsers.get();
        Node root = withInterpreter(parser.interpreter(), i -> {
            try {
                Node parsedRoot = i.parse(JinjaPreprocessor.prepare(text, rawStrings));
                ErrorTranslator.throwIfParseFailed(i, text);
                parser.checker().check(parsedRoot, text);
                return parsedRoot;
            } finally {
                clearErrors(i);
            }
        });
        String expression = null;
        if (root.getChildren().size() == 1 && root.getChildren().getFirst() instanceof ExpressionNode node) {
            expression = ((ExpressionToken) node.getMaster()).getExpr();
        }
        parsed = new ParsedTemplate(text, root, expression);
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(text, parsed);
        return parsed;
    }

    /** Renders a parsed template string to text. */
    String render(ParsedTemplate template, RenderSession session) {
        return inFreshScope(session, template.source(), i -> i.render(template.root()));
    }

    /** Renders a template file's text with an interpreter of its own (blocks and macros stay with it). */
    String renderFile(ParsedTemplate template, RenderSession session) {
        return inOwnInterpreter(session, template.source(), i -> i.render(template.root()));
    }

    /** Evaluates one expression (no braces) to its value. */
    Object evaluate(String expression, String source, RenderSession session) {
        return inFreshScope(session, source, i -> i.resolveELExpression(expression, 1));
    }

    /**
     * Runs the work in a new scope of this thread's interpreter, whose variables come from the session: building
     * an interpreter per template is most of a cold render. A template rendered while another is rendering (a
     * variable whose value is a template) gets an interpreter of its own, so it cannot see the outer one's names.
     */
    private <T> T inFreshScope(RenderSession session, String source, Function<JinjavaInterpreter, T> work) {
        Renderer renderer = renderers.get();
        if (renderer.busy) {
            return inOwnInterpreter(session, source, work);
        }
        JinjavaInterpreter interpreter = renderer.interpreter;
        renderer.busy = true;
        try (JinjavaInterpreter.InterpreterScopeClosable ignored = interpreter.enterScope()) {
            interpreter.getContext().setDynamicVariableResolver(session);
            T value = withInterpreter(interpreter, work);
            ErrorTranslator.throwIfFailed(interpreter, source);
            return value;
        } finally {
            clearErrors(interpreter);
            renderer.busy = false;
        }
    }

    private <T> T inOwnInterpreter(RenderSession session, String source, Function<JinjavaInterpreter, T> work) {
        JinjavaInterpreter interpreter = newInterpreter(session);
        T value = withInterpreter(interpreter, work);
        ErrorTranslator.throwIfFailed(interpreter, source);
        return value;
    }

    private static void clearErrors(JinjavaInterpreter interpreter) {
        while (interpreter.getLastError().isPresent()) {
            interpreter.removeLastError();
        }
    }

    private Parser newParser() {
        JinjavaInterpreter interpreter = newInterpreter(null);
        return new Parser(interpreter, new SyntaxChecker(jinjava, interpreter));
    }

    private JinjavaInterpreter newInterpreter(RenderSession session) {
        Context context = new Context(jinjava.getGlobalContext());
        if (session != null) {
            context.setDynamicVariableResolver(session);
        }
        return new JinjavaInterpreter(jinjava, context, config);
    }

    private static <T> T withInterpreter(JinjavaInterpreter interpreter, Function<JinjavaInterpreter, T> work) {
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return work.apply(interpreter);
        } catch (TemplateError e) {
            throw e;
        } catch (RuntimeException e) {
            throw ErrorTranslator.translate(e);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }
}
