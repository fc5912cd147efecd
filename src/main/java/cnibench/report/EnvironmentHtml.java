package cnibench.report;

import static cnibench.report.HtmlParts.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the runs were measured on, from environment.json (run.json's environment): scalars and
 * versions as a key/value table with one column per run, every interface's MTU and offloads as a
 * table per run, and multi-line texts (a rendered nginx.conf, a route's YAML) folded in
 * &lt;details&gt; so they are at hand without filling the page.
 */
final class EnvironmentHtml {
    private EnvironmentHtml() {
    }

    static void render(StringBuilder out, List<RunInfo> runs, List<String> labels) {
        List<Map<String, String>> scalars = new ArrayList<>();
        List<Map<String, String>> texts = new ArrayList<>();
        List<List<Map<String, Object>>> hosts = new ArrayList<>();
        for (RunInfo run : runs) {
            Map<String, String> flat = new LinkedHashMap<>();
            Map<String, String> multiLine = new LinkedHashMap<>();
            List<Map<String, Object>> hostList = new ArrayList<>();
            split("", run.environment(), flat, multiLine, hostList);
            scalars.add(flat);
            texts.add(multiLine);
            hosts.add(hostList);
        }
        keyValueTable(out, "Environment", labels, scalars);
        for (int i = 0; i < runs.size(); i++) {
            String label = labels.get(i);
            interfaces(out, label, hosts.get(i));
            texts.get(i).forEach((key, text) -> out.append("<details><summary>").append(escape(key))
                    .append(runs.size() > 1 ? " (" + escape(label) + ")" : "").append("</summary><pre>")
                    .append(escape(text)).append("</pre></details>\n"));
        }
        keyValueTable(out, "Extra vars", labels, runs.stream().map(r -> flatten(r.extraVars())).toList());
    }

    /** Sorts the environment into scalars (dotted keys), multi-line texts and the per-host interface lists. */
    private static void split(String prefix, Map<?, ?> map, Map<String, String> flat, Map<String, String> texts,
                              List<Map<String, Object>> hosts) {
        map.forEach((k, v) -> {
            String key = prefix + k;
            if (v instanceof Map<?, ?> nested && !nested.isEmpty()) {
                split(key + ".", nested, flat, texts, hosts);
            } else if (v instanceof List<?> list && !list.isEmpty()
                    && list.stream().allMatch(e -> e instanceof Map<?, ?> m && m.get("interfaces") instanceof Map<?, ?>)) {
                list.forEach(e -> hosts.add(RunInfo.map(e)));
            } else if (v instanceof String s && s.contains("\n")) {
                texts.put(key, s);
            } else {
                flat.put(key, text(v));
            }
        });
    }

    private static void interfaces(StringBuilder out, String label, List<Map<String, Object>> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        out.append("<h3>Interfaces: MTU and offloads (").append(escape(label)).append(")</h3>\n<div class=\"wide\"><table>\n")
                .append("<tr><th>host</th><th>interface</th><th>kind</th><th>MTU</th><th>offloads on</th><th>offloads off</th></tr>\n");
        for (Map<String, Object> host : hosts) {
            RunInfo.map(host.get("interfaces")).forEach((name, value) -> {
                Map<String, Object> device = RunInfo.map(value);
                List<String> on = new ArrayList<>();
                List<String> off = new ArrayList<>();
                RunInfo.map(device.get("offloads")).forEach((feature, state) -> ("on".equals(state) ? on : off).add(feature));
                out.append("<tr><td>").append(escape(text(host.get("host")))).append("</td><td>").append(escape(name))
                        .append("</td><td>").append(escape(text(device.get("kind")))).append("</td><td class=\"num\">")
                        .append(escape(text(device.get("mtu")))).append("</td><td>").append(escape(String.join(", ", on)))
                        .append("</td><td>").append(escape(String.join(", ", off))).append("</td></tr>\n");
            });
        }
        out.append("</table></div>\n");
    }

    private static void keyValueTable(StringBuilder out, String heading, List<String> labels, List<Map<String, String>> columns) {
        Set<String> keys = new LinkedHashSet<>();
        columns.forEach(m -> keys.addAll(m.keySet()));
        if (keys.isEmpty()) {
            return;
        }
        out.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n");
        HtmlParts.headerRow(out, labels);
        for (String key : keys) {
            out.append("<tr><th>").append(escape(key)).append("</th>");
            columns.forEach(m -> out.append("<td>").append(escape(m.getOrDefault(key, ""))).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    /** Extra vars: nested maps as dotted keys, every value as its text. */
    private static Map<String, String> flatten(Map<String, Object> map) {
        Map<String, String> flat = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        split("", map, flat, texts, new ArrayList<>());
        flat.putAll(texts);
        return flat;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(i -> items.add(text(i)));
            return String.join(", ", items);
        }
        return String.valueOf(value);
    }
}
