package cnibench.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.el.JinjavaELContext;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jinjava.javax.el.ELException;

/**
 * Checks a parsed template the way Jinja's compiler would: every expression (in {{ }}, if/elif,
 * for, set) must parse, and every filter and test it names must exist. Jinjava itself would
 * render such mistakes as empty text. One checker serves one thread: its expression context, with
 * every function registered, is built once rather than per template.
 */
final class SyntaxChecker {
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FILTER_NAME = Pattern.compile("(?<![|])\\|(?![|])\\s*([A-Za-z_][\\w.]*)");
    private static final Pattern UNRESOLVED_FUNCTION = Pattern.compile("Could not resolve function '([\\w:]+)'");
    private static final Pattern TEST_NAME = Pattern.compile("\\bis\\s+(?:not\\s+)?([A-Za-z_]\\w*|==|!=|<=|>=|<|>)");

    private final JinjavaInterpreter interpreter;
    private final JinjavaELContext elContext;
    private final Jinjava jinjava;

    SyntaxChecker(Jinjava jinjava, JinjavaInterpreter interpreter) {
        this.jinjava = jinjava;
        this.interpreter = interpreter;
        this.elContext = new JinjavaELContext(interpreter, new JinjavaInterpreterResolver(interpreter));
        for (ELFunctionDefinition fn : jinjava.getGlobalContext().getAllFunctions()) {
            elContext.setFunction(fn.getNamespace(), fn.getLocalName(), fn.getMethod());
        }
    }

    void check(Node root, String source) {
        Set<String> macros = new HashSet<>();
        collectMacros(root, macros);
        checkNode(root, source, macros);
    }

    /**
     * Names a template defines for itself ({% macro %}, {% from ... import %}, {% import ... as %}, and caller
     * inside a macro): calls to them are only resolved when it renders, so they are not unknown functions.
     */
    private static void collectMacros(Node node, Set<String> names) {
        if (node instanceof TagNode tag) {
            String helpers = tag.getHelpers().strip();
            switch (tag.getName()) {
                case "macro" -> {
                    names.add(helpers.split("[\\s(]", 2)[0]);
                    names.add("caller");
                }
                case "from" -> {
                    int at = helpers.indexOf(" import ");
                    for (String imported : at < 0 ? new String[0] : helpers.substring(at + 8).split(",")) {
                        String[] words = imported.strip().split("\\s+as\\s+");
                        names.add(words[words.length - 1].strip());
                    }
                }
                case "import" -> {
                    int at = helpers.lastIndexOf(" as ");
                    if (at >= 0) {
                        names.add(helpers.substring(at + 4).strip() + ":");
                    }
                }
                default -> {
                }
            }
        }
        for (Node child : node.getChildren()) {
            collectMacros(child, names);
        }
    }

    private void checkNode(Node node, String source, Set<String> macros) {
        if (node instanceof ExpressionNode) {
            checkExpression(((ExpressionToken) node.getMaster()).getExpr(), source, macros);
        } else if (node instanceof TagNode tag) {
            checkTag(tag.getName(), tag.getHelpers().strip(), source, macros);
        }
        for (Node child : node.getChildren()) {
            checkNode(child, source, macros);
        }
    }

    private void checkTag(String name, String helpers, String source, Set<String> macros) {
        switch (name) {
            case "if", "elif", "elseif" -> checkExpression(helpers, source, macros);
            case "for" -> {
                int in = helpers.indexOf(" in ");
                if (in < 0) {
                    fail("expected 'in' in for loop: {% for " + helpers + " %}", source);
                }
                checkExpression(helpers.substring(in + 4).replaceFirst("\\s+recursive\\s*$", ""), source, macros);
            }
            case "set" -> {
                int eq = helpers.indexOf('=');
                if (eq > 0) {
                    checkExpression(helpers.substring(eq + 1), source, macros);
                }
            }
            default -> {
            }
        }
    }

    private void checkExpression(String expression, String source, Set<String> macros) {
        if (expression.isBlank()) {
            fail("Expected an expression, got 'end of print statement'", source);
        }
        try {
            jinjava.getExpressionFactory().createValueExpression(elContext, "#{" + expression + "}", Object.class);
        } catch (ELException e) {
            if (!callsOwnMacro(e, macros)) {
                fail(e.getMessage().replace("'#{" + expression + "}'", "'" + expression + "'"), source);
            }
        }
        String code = STRING_LITERAL.matcher(expression).replaceAll("''");
        Context context = interpreter.getContext();
        Matcher filters = FILTER_NAME.matcher(code);
        while (filters.find()) {
            if (context.getFilter(filters.group(1)) == null) {
                fail("Could not load \"" + filters.group(1) + "\": '" + filters.group(1) + "'", source);
            }
        }
        Matcher tests = TEST_NAME.matcher(code);
        while (tests.find()) {
            if (context.getExpTest(tests.group(1)) == null) {
                fail("Could not load \"" + tests.group(1) + "\": '" + tests.group(1) + "'", source);
            }
        }
    }

    private static boolean callsOwnMacro(ELException e, Set<String> macros) {
        Matcher unresolved = UNRESOLVED_FUNCTION.matcher(String.valueOf(e.getMessage()));
        if (!unresolved.matches()) {
            return false;
        }
        String function = unresolved.group(1);
        int colon = function.indexOf(':');
        return macros.contains(function) || colon > 0 && macros.contains(function.substring(0, colon + 1));
    }

    private static void fail(String problem, String source) {
        throw new TemplateError("template error while templating string: " + problem + ". String: " + source);
    }
}
