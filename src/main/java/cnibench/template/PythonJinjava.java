package cnibench.template;

import cnibench.python.PyRepr;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava whose expressions convert values to text as Python's str() does, so `'x' ~ flag`
 * gives "xTrue" and `'x' ~ list` gives "x['a']" as in Ansible, tests truth as Python does, and
 * parses expressions with {@link PythonParser}.
 */
final class PythonJinjava extends Jinjava {
    private final ExpressionFactory expressionFactory;

    PythonJinjava(JinjavaConfig config) {
        super(config);
        Properties properties = new Properties();
        properties.setProperty(TreeBuilder.class.getName(), PythonParser.Builder.class.getName());
        expressionFactory = new ExpressionFactoryImpl(properties, new PythonTypeConverter());
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressionFactory;
    }

    /** Jinjava's conversions, except that text is made with Python's str() and truth is Python's. */
    private static final class PythonTypeConverter extends TruthyTypeConverter {
        private static final long serialVersionUID = 1L;

        @Override
        protected Boolean coerceToBoolean(Object value) {
            return Truth.of(value);
        }

        @Override
        protected String coerceToString(Object value) {
            if (value instanceof Undefined u) {
                throw u.error();
            }
            if (value instanceof Boolean || value instanceof Double || value instanceof Map
                    || value instanceof Collection) {
                return PyRepr.str(value);
            }
            return super.coerceToString(value);
        }
    }
}
