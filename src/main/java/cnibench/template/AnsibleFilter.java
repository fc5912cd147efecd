package cnibench.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * A filter registered under a name. Unless it is one of the few that accept undefined input
 * (default, mandatory), an Undefined input raises its error as Jinja's StrictUndefined does.
 */
final class AnsibleFilter implements Filter {
    /** The body of a filter: the piped value and the call's arguments. */
    @FunctionalInterface
    interface Body {
        Object apply(Object value, FilterArgs args);
    }

    private final String name;
    private final Body body;
    private final boolean acceptsUndefined;

    AnsibleFilter(String name, Body body, boolean acceptsUndefined) {
        this.name = name;
        this.body = body;
        this.acceptsUndefined = acceptsUndefined;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (!acceptsUndefined) {
            Undefined.require(var);
        }
        return body.apply(var, new FilterArgs(args, kwargs));
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, args, Map.of());
    }
}
