package cnibench.module.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every module on the class path, by each of its names. */
public final class ModuleRegistry {
    private final Map<String, Module> byName = new HashMap<>();
    private final Map<String, Module> byPrimaryName = new LinkedHashMap<>();

    public ModuleRegistry(Collection<Module> modules) {
        for (Module module : modules) {
            ModuleSpec spec = module.spec();
            byPrimaryName.put(spec.name(), module);
            for (String name : spec.names()) {
                byName.put(name, module);
            }
        }
    }

    /** The modules listed by ServiceLoader. */
    public static ModuleRegistry load() {
        List<Module> modules = new ArrayList<>();
        ServiceLoader.load(Module.class).forEach(modules::add);
        return new ModuleRegistry(modules);
    }

    public Optional<Module> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Modules by their short name, sorted. */
    public List<Module> all() {
        return byPrimaryName.values().stream().sorted(Comparator.comparing(m -> m.spec().name())).toList();
    }

    /** The known name closest to a misspelt one, for "did you mean" hints; null when none is close. */
    public String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byName.keySet()) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance || (d == bestDistance && candidate.length() < best.length())) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
