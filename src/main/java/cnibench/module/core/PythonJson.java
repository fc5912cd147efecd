package cnibench.module.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's json.dumps with its default separators (", " and ": "), as Ansible writes dict content. */
final class PythonJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonJson() {
    }

    static String dumps(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> scalar(String.valueOf(e.getKey())) + ": " + dumps(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonJson::dumps).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value);
    }

    private static String scalar(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }
}
