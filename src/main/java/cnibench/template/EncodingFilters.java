package cnibench.template;

import cnibench.python.Hashlib;
import cnibench.python.PyJson;
import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRepr;
import cnibench.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** JSON, YAML, base64 and hash filters. */
final class EncodingFilters {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DumpSettings YAML_AUTO = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.AUTO).setWidth(80).build();
    private static final DumpSettings YAML_NICE = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(4).build();

    private EncodingFilters() {
    }

    static void register(FilterCatalog c) {
        c.addText("to_json", (v, a) -> PyJson.dumpsAscii(v, indent(a.named().get("indent")), AnsibleBoolean.ofBoolFilter(a.named().getOrDefault("sort_keys", false))));
        c.addText("to_nice_json", (v, a) -> PyJson.dumpsAscii(v, indent(a.get(0, "indent", 4)), AnsibleBoolean.ofBoolFilter(a.named().getOrDefault("sort_keys", true))));
        c.add("from_json", (v, a) -> fromJson(PyRepr.str(v)));
        c.addText("to_yaml", (v, a) -> new Dump(YAML_AUTO).dumpToString(yamlReady(v)));
        c.addText("to_nice_yaml", (v, a) -> new Dump(YAML_NICE).dumpToString(yamlReady(v)));
        c.add("from_yaml", (v, a) -> NativeValues.toPlain(new Load(LoadSettings.builder().build()).loadFromString(PyRepr.str(v))));
        c.add("from_yaml_all", (v, a) -> {
            List<Object> docs = new ArrayList<>();
            new Load(LoadSettings.builder().build()).loadAllFromString(PyRepr.str(v)).forEach(d -> docs.add(NativeValues.toPlain(d)));
            return docs;
        });
        c.add("b64encode", (v, a) -> Base64.getEncoder().encodeToString(PyRepr.str(v).getBytes(StandardCharsets.UTF_8)));
        c.add("b64decode", (v, a) -> new String(Base64.getMimeDecoder().decode(PyRepr.str(v)), StandardCharsets.UTF_8));
        c.add("hash", (v, a) -> digest(a.string(0, "hashtype", "sha1"), PyRepr.str(v)));
        c.add("checksum", (v, a) -> digest("sha1", PyRepr.str(v)));
        c.add("sha1", (v, a) -> digest("sha1", PyRepr.str(v)));
        c.add("md5", (v, a) -> digest("md5", PyRepr.str(v)));
    }

    private static Integer indent(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Object fromJson(String text) {
        try {
            return NativeValues.toPlain(JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new TemplateError("Expecting value: " + e.getOriginalMessage());
        }
    }

    /** PyYAML sorts mapping keys; tuples and other lists become plain lists. */
    private static Object yamlReady(Object value) {
        if (value instanceof Undefined u) {
            throw u.error();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> sorted = new TreeMap<>((x, y) -> PyRepr.str(x).compareTo(PyRepr.str(y)));
            map.forEach((k, v) -> sorted.put(k, yamlReady(v)));
            return sorted;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(yamlReady(v)));
            return out;
        }
        return value instanceof CharSequence s ? s.toString() : value;
    }

    private static String digest(String algorithm, String text) {
        return HexFormat.of().formatHex(Hashlib.digest(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
