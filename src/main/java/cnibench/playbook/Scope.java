package cnibench.playbook;

import cnibench.source.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords one playbook object sets, and its parent: a task's effective keyword is the nearest
 * value up the chain task -> blocks -> role -> play, as Ansible's attribute inheritance does.
 * `when` and `tags` accumulate instead.
 */
public class Scope {
    private final Scope parent;
    private final Map<String, Object> keywords;
    private final Position position;

    protected Scope(Scope parent, Map<String, Object> keywords, Position position) {
        this.parent = parent;
        this.keywords = keywords == null ? Map.of() : keywords;
        this.position = position;
    }

    public Scope parent() {
        return parent;
    }

    public Position position() {
        return position;
    }

    /** The keywords set on this object itself. */
    public Map<String, Object> ownKeywords() {
        return keywords;
    }

    /** The nearest value of a keyword up the chain, or null. */
    public Object keyword(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Object v = s.keywords.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Every `when` condition from the play down to this object, outermost first. */
    public List<Object> conditions() {
        List<Object> all = new ArrayList<>();
        for (Scope s = this; s != null; s = s.parent) {
            all.addAll(0, asList(s.keywords.get("when")));
        }
        return all;
    }

    /** Tags of this object and its parents. */
    public List<String> tags() {
        List<String> all = new ArrayList<>();
        for (Scope s = this; s != null; s = s.parent) {
            for (Object t : asList(s.keywords.get("tags"))) {
                for (String part : String.valueOf(t).split(",")) {
                    if (!part.isBlank()) {
                        all.add(part.trim());
                    }
                }
            }
        }
        return all;
    }

    /** Vars of the enclosing blocks and this object, outermost first (block and task vars). */
    public Map<String, Object> blockAndTaskVars() {
        List<Scope> chain = new ArrayList<>();
        for (Scope s = this; s != null && !(s instanceof Play) && !(s instanceof RoleScope); s = s.parent) {
            chain.add(0, s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Scope s : chain) {
            Object v = s.keywords.get("vars");
            if (v instanceof Map<?, ?> m) {
                m.forEach((k, val) -> out.put(String.valueOf(k), val));
            }
        }
        return out;
    }

    /** Environment maps from the play down, inner ones overriding. */
    public List<Object> environments() {
        List<Object> all = new ArrayList<>();
        for (Scope s = this; s != null; s = s.parent) {
            Object env = s.keywords.get("environment");
            if (env != null) {
                all.add(0, env);
            }
        }
        return all;
    }

    /** The role this object belongs to, or null. */
    public Role role() {
        for (Scope s = this; s != null; s = s.parent) {
            if (s instanceof RoleScope rs) {
                return rs.role();
            }
        }
        return null;
    }

    /** The role scope (role as applied in this play, with its parameters), or null. */
    public RoleScope roleScope() {
        for (Scope s = this; s != null; s = s.parent) {
            if (s instanceof RoleScope rs) {
                return rs;
            }
        }
        return null;
    }

    public Play play() {
        for (Scope s = this; s != null; s = s.parent) {
            if (s instanceof Play p) {
                return p;
            }
        }
        return null;
    }

    static List<Object> asList(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(v);
    }
}
