package cnibench.module.spi;

import java.util.List;
import java.util.Map;

/** A host add_host puts in the in-memory inventory, with its groups and variables. */
public record AddedHost(String name, List<String> groups, Map<String, Object> vars) {
}
