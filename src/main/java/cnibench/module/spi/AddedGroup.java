package cnibench.module.spi;

import java.util.List;

/** A group group_by puts the host in, and the groups it becomes a child of. */
public record AddedGroup(String name, List<String> parents) {
}
