package cnibench.module.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The python facts (ansible_python, ansible_python_version) of the host's python3, from the probe's
 * `python` section: its path and `--version`. cnibench runs no Python; roles read these to decide.
 */
final class PythonFacts {
    private static final Pattern VERSION = Pattern.compile("Python (\\d+)\\.(\\d+)\\.(\\d+)");

    private PythonFacts() {
    }

    static Map<String, Object> collect(String probe) {
        List<String> lines = probe.lines().toList();
        Matcher m = lines.size() < 2 ? null : VERSION.matcher(lines.get(1));
        if (m == null || !m.find()) {
            return Map.of();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int micro = Integer.parseInt(m.group(3));
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", major);
        version.put("minor", minor);
        version.put("micro", micro);
        version.put("releaselevel", "final");
        version.put("serial", 0);
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("executable", lines.get(0).strip());
        python.put("has_sslcontext", true);
        python.put("type", "cpython");
        python.put("version", version);
        python.put("version_info", List.of(major, minor, micro, "final", 0));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("python", python);
        facts.put("python_version", major + "." + minor + "." + micro);
        return facts;
    }
}
