package cnibench.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/** One of Jinjava's own filters, made to raise on undefined input as Jinja does. */
final class GuardedFilter implements Filter {
    private final Filter delegate;

    GuardedFilter(Filter delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        return delegate.filter(Undefined.require(var), interpreter, args, kwargs);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return delegate.filter(Undefined.require(var), interpreter, args);
    }
}
