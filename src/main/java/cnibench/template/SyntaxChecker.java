package cnibench.template;

import com.hubspot.jinjava.tree.Node;

/** Load-time validation of a parsed template (parse errors surface in JinjaEngine.parse). */
final class SyntaxChecker {
    private SyntaxChecker() {
    }

    static void check(JinjaEngine.ParsedTemplate template) {
        checkNode(template.root(), template.source());
    }

    private static void checkNode(Node node, String source) {
        for (Node child : node.getChildren()) {
            checkNode(child, source);
        }
    }
}
