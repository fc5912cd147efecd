package cnibench.template;

import java.util.List;
import java.util.Map;

/** A lookup plugin: terms and keyword options in, a list of values out. */
@FunctionalInterface
interface Lookup {
    List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context);
}
