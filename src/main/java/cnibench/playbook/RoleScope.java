package cnibench.playbook;

import cnibench.source.Position;
import java.util.Map;

/** A role as applied in a play (or by import_role/include_role): its keywords and parameters. */
public final class RoleScope extends Scope {
    private final Role role;
    private final Map<String, Object> params;
    private final RoleScope dependent;

    public RoleScope(Scope parent, Map<String, Object> keywords, Position position, Role role,
                     Map<String, Object> params, RoleScope dependent) {
        super(parent, keywords, position);
        this.role = role;
        this.params = params;
        this.dependent = dependent;
    }

    @Override
    public Role role() {
        return role;
    }

    /** Role parameters: the non-keyword entries of the role reference. */
    public Map<String, Object> params() {
        return params;
    }

    /** The role that pulled this one in as a dependency, or null. */
    public RoleScope dependent() {
        return dependent;
    }
}
