package cnibench.executor;

import cnibench.inventory.Host;
import cnibench.template.Templar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a play's hosts into the batches `serial` asks for (a number, a percentage, or a list of them). */
final class SerialBatches {
    private SerialBatches() {
    }

    static List<List<Host>> split(Object serial, List<Host> hosts, Templar templar, Map<String, Object> vars) {
        if (serial == null || hosts.isEmpty()) {
            return List.of(hosts);
        }
        Object s = templar.template(serial, vars);
        List<Object> sizes = s instanceof List<?> l ? new ArrayList<>(l) : List.of(s);
        List<List<Host>> batches = new ArrayList<>();
        int i = 0;
        int step = 0;
        while (i < hosts.size()) {
            int size = size(sizes.get(Math.min(step, sizes.size() - 1)), hosts.size());
            batches.add(hosts.subList(i, Math.min(hosts.size(), i + size)));
            i += size;
            step++;
        }
        return batches;
    }

    private static int size(Object spec, int total) {
        String text = String.valueOf(spec).trim();
        int n = text.endsWith("%") ? (int) (total * Double.parseDouble(text.substring(0, text.length() - 1)) / 100.0)
                : (int) Double.parseDouble(text);
        return n <= 0 ? total : n;
    }
}
