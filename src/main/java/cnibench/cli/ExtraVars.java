package cnibench.cli;

import cnibench.config.ConfigException;
import cnibench.playbook.KeyValueParser;
import cnibench.source.YamlLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** -e values as ansible-playbook takes them: key=value pairs, @file (YAML or JSON), or inline YAML/JSON. */
final class ExtraVars {
    private ExtraVars() {
    }

    static Map<String, Object> parse(List<String> values, Path cwd) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String v : values) {
            String text = v.trim();
            Object data;
            if (text.startsWith("@")) {
                data = YamlLoader.load(cwd.resolve(text.substring(1)));
            } else if (text.startsWith("{") || text.startsWith("[")) {
                data = YamlLoader.load(text, "<extra vars>");
            } else {
                // as Ansible's parse_kv: words that are not key=value become the variable _raw_params
                data = KeyValueParser.parse(text, false);
            }
            if (!(data instanceof Map<?, ?> m)) {
                throw new ConfigException("Invalid extra vars data supplied. '" + text + "' could not be made into a dictionary");
            }
            m.forEach((k, val) -> out.put(String.valueOf(k), val));
        }
        return out;
    }
}
