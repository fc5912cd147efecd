package cnibench.source;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML the way Ansible's loader does (YAML 1.1 scalars: yes/no/on/off booleans, 0755 octal),
 * into {@link YamlMap} and {@link YamlList} that keep the position of every entry.
 */
public final class YamlLoader {
    /** Plain scalars get this tag so that explicit tags (!!str, !!int) stay distinguishable. */
    private static final Tag PLAIN = new Tag("tag:cnibench,2026:plain");
    private static final Pattern BOOL_TRUE = Pattern.compile("yes|Yes|YES|true|True|TRUE|on|On|ON");
    private static final Pattern BOOL_FALSE = Pattern.compile("no|No|NO|false|False|FALSE|off|Off|OFF");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

    private YamlLoader() {
    }

    /** Leaves every plain scalar to {@link Converter#plain} so that YAML 1.1 rules apply. */
    private static final class PlainSchema implements org.snakeyaml.engine.v2.schema.Schema {
        @Override
        public org.snakeyaml.engine.v2.resolver.ScalarResolver getScalarResolver() {
            return (value, implicit) -> implicit ? PLAIN : Tag.STR;
        }

        @Override
        public java.util.Map<Tag, org.snakeyaml.engine.v2.api.ConstructNode> getSchemaTagConstructors() {
            return java.util.Map.of();
        }
    }

    /** The single document of a file; null for an empty file. */
    public static Object load(Path file) {
        List<Object> docs = loadAll(file);
        return docs.isEmpty() ? null : docs.get(0);
    }

    public static List<Object> loadAll(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SourceError("Could not find or access '" + file + "'", Position.UNKNOWN);
        } catch (IOException e) {
            throw new SourceError("Could not read '" + file + "': " + e.getMessage(), Position.UNKNOWN);
        }
        return loadAll(text, file.toString());
    }

    public static Object load(String text, String name) {
        List<Object> docs = loadAll(text, name);
        return docs.isEmpty() ? null : docs.get(0);
    }

    public static List<Object> loadAll(String text, String name) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setSchema(new PlainSchema())
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(500)
                .setCodePointLimit(64 * 1024 * 1024)
                .build();
        try (Reader reader = new StringReader(text)) {
            List<Object> docs = new ArrayList<>();
            for (Node node : new Compose(settings).composeAllFromReader(reader)) {
                docs.add(new Converter(name).convert(node));
            }
            return docs;
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            Position at = mark == null ? new Position(name, 0, 0)
                    : new Position(name, mark.getLine() + 1, mark.getColumn() + 1);
            throw new SourceError("Syntax Error while loading YAML.\n  " + e.getProblem(), at, e);
        } catch (YamlEngineException e) {
            throw new SourceError("Syntax Error while loading YAML.\n  " + e.getMessage(), new Position(name, 0, 0), e);
        } catch (IOException e) {
            throw new SourceError("Could not read YAML: " + e.getMessage(), new Position(name, 0, 0), e);
        }
    }

    private record Converter(String name) {

        Position at(Node node) {
            Optional<Mark> mark = node.getStartMark();
            return mark.map(m -> new Position(name, m.getLine() + 1, m.getColumn() + 1)).orElse(new Position(name, 0, 0));
        }

        Object convert(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                YamlList list = new YamlList(at(node));
                for (Node item : sequence.getValue()) {
                    list.add(convert(item), at(item));
                }
                return list;
            }
            MappingNode mapping = (MappingNode) node;
            YamlMap map = new YamlMap(at(node));
            List<NodeTuple> merged = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && "<<".equals(key.getValue())) {
                    merged.add(tuple);
                }
            }
            for (NodeTuple tuple : merged) {
                mergeInto(map, tuple.getValueNode());
            }
            for (NodeTuple tuple : mapping.getValue()) {
                if (merged.contains(tuple)) {
                    continue;
                }
                Object key = convert(tuple.getKeyNode());
                map.put(key == null ? "null" : keyString(key), convert(tuple.getValueNode()), at(tuple.getKeyNode()));
            }
            return map;
        }

        private void mergeInto(YamlMap map, Node source) {
            if (source instanceof SequenceNode seq) {
                seq.getValue().forEach(n -> mergeInto(map, n));
            } else if (convert(source) instanceof YamlMap other) {
                other.forEach((k, v) -> map.put(k, v, other.positionOf(k)));
            } else {
                throw new SourceError("Syntax Error while loading YAML.\n  merge key '<<' needs a mapping", at(source));
            }
        }

        private static String keyString(Object key) {
            if (key instanceof Boolean b) {
                return b ? "True" : "False";
            }
            return String.valueOf(key);
        }

        private Object scalar(ScalarNode node) {
            String value = node.getValue();
            Tag tag = node.getTag();
            if (tag.equals(PLAIN)) {
                return plain(value);
            }
            String t = tag.getValue();
            return switch (t) {
                case "tag:yaml.org,2002:int" -> parseInt(value);
                case "tag:yaml.org,2002:float" -> parseFloat(value);
                case "tag:yaml.org,2002:bool" -> BOOL_TRUE.matcher(value).matches();
                case "tag:yaml.org,2002:null" -> null;
                default -> value; // !!str, !unsafe, !vault and friends stay text
            };
        }

        private Object plain(String value) {
            if (NULL.matcher(value).matches()) {
                return null;
            }
            if (BOOL_TRUE.matcher(value).matches()) {
                return Boolean.TRUE;
            }
            if (BOOL_FALSE.matcher(value).matches()) {
                return Boolean.FALSE;
            }
            if (INT.matcher(value).matches()) {
                return parseInt(value);
            }
            if (FLOAT.matcher(value).matches()) {
                return parseFloat(value);
            }
            return value;
        }

        private static Object parseInt(String raw) {
            String v = raw.replace("_", "");
            boolean negative = v.startsWith("-");
            if (v.startsWith("-") || v.startsWith("+")) {
                v = v.substring(1);
            }
            BigInteger n;
            if (v.startsWith("0b")) {
                n = new BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                n = new BigInteger(v.substring(2), 16);
            } else if (v.length() > 1 && v.startsWith("0")) {
                n = new BigInteger(v.substring(1), 8);
            } else {
                n = new BigInteger(v);
            }
            if (negative) {
                n = n.negate();
            }
            if (n.bitLength() < 32) {
                return n.intValue();
            }
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        }

        private static Object parseFloat(String raw) {
            String v = raw.replace("_", "");
            return switch (v) {
                case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
                case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
                case ".nan", ".NaN", ".NAN" -> Double.NaN;
                default -> Double.parseDouble(v);
            };
        }
    }
}
