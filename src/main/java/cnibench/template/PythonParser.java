package cnibench.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;

/**
 * Jinjava's expression parser with Jinja2's semantics where they differ: a test may follow a
 * filter chain (`x | default('') is search('a')`, the filter binds tighter), ==, !=, in,
 * *, % are Python's operators ({@link PythonOperators}), and a comma inside a dict literal does not
 * make the parentheses around it a tuple.
 */
final class PythonParser extends ExtendedParser {
    /** Tokens that may name a test after `is` (Jinjava lexes eq, ne, ... as operators). */
    private static final Set<Symbol> TEST_NAMES = Set.of(Symbol.IDENTIFIER, Symbol.EQ, Symbol.NE, Symbol.LT,
            Symbol.LE, Symbol.GT, Symbol.GE, Symbol.TRUE, Symbol.FALSE, CollectionMembershipOperator.TOKEN.getSymbol());

    /** Builds this parser; Jinjava's expression factory creates it by name with its features. */
    public static final class Builder extends ExtendedSyntaxBuilder {
        private static final long serialVersionUID = 1L;

        public Builder(Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new PythonParser(this, expression);
        }
    }

    private PythonParser(Builder builder, String input) {
        super(builder, input);
        putExtensionHandler(CollectionMembershipOperator.TOKEN, binary(PythonOperators.IN));
        putExtensionHandler(CollectionNonMembershipOperator.TOKEN, binary(PythonOperators.NOT_IN));
    }

    private static ExtensionHandler binary(AstBinary.Operator operator) {
        return new ExtensionHandler(ExtensionPoint.CMP) {
            @Override
            public AstNode createAstNode(AstNode... children) {
                return new AstBinary(children[0], children[1], operator);
            }
        };
    }

    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        AstBinary.Operator python = operator == AstBinary.EQ ? PythonOperators.EQ
                : operator == AstBinary.NE ? PythonOperators.NE
                : operator == AstBinary.MUL ? PythonOperators.MUL
                : operator == AstBinary.MOD ? PythonOperators.MOD
                : operator;
        return super.createAstBinary(left, right, python);
    }

    /**
     * Parentheses: a tuple only when a comma stands at their own level. Jinjava's own look-ahead
     * does not count the braces of a dict literal, so `({'a': 1, 'b': 2} | list)` became a tuple.
     */
    @Override
    protected AstNode nonliteral() throws Scanner.ScanException, ParseException {
        if (getToken().getSymbol() != Symbol.LPAREN || hasTopLevelComma()) {
            return super.nonliteral();
        }
        consumeToken();
        AstNode inner = expr(true);
        consumeToken(Symbol.RPAREN);
        return createAstNested(inner);
    }

    private boolean hasTopLevelComma() throws Scanner.ScanException, ParseException {
        int depth = 0;
        for (int i = 0; ; i++) {
            Scanner.Token token = lookahead(i);
            Symbol symbol = token.getSymbol();
            boolean open = symbol == Symbol.LPAREN || symbol == Symbol.LBRACK
                    || (symbol == Symbol.EXTENSION && "{".equals(token.getImage()));
            boolean close = symbol == Symbol.RPAREN || symbol == Symbol.RBRACK
                    || (symbol == Symbol.EXTENSION && "}".equals(token.getImage()));
            if (symbol == Symbol.EOF || (close && depth == 0)) {
                return false;
            }
            if (open) {
                depth++;
            } else if (close) {
                depth--;
            } else if (symbol == Symbol.COMMA && depth == 0) {
                return true;
            }
        }
    }

    /** A filter chain, then the test that may follow it. */
    @Override
    protected AstNode filter(boolean required) throws Scanner.ScanException, ParseException {
        AstNode v = super.filter(required);
        if (v == null || !"is".equals(getToken().getImage())) {
            return v;
        }
        boolean negated = "not".equals(lookahead(0).getImage()) && TEST_NAMES.contains(lookahead(1).getSymbol());
        if (!negated && !TEST_NAMES.contains(lookahead(0).getSymbol())) {
            return v;
        }
        consumeToken();
        if (negated) {
            consumeToken();
        }
        String test = consumeToken().getImage();
        List<AstNode> params = new ArrayList<>(List.of(v, interpreter()));
        AstNode argument = value();
        if (argument != null) {
            params.add(argument);
        }
        return createAstMethod(createAstDot(identifier(EXPTEST_PREFIX + test), negated ? "evaluateNegated" : "evaluate", true),
                new AstParameters(params));
    }
}
