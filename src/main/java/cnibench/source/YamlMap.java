package cnibench.source;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping in document order that remembers where each key was written. */
public final class YamlMap extends LinkedHashMap<String, Object> implements Positioned {
    private final Position position;
    private final Map<String, Position> keyPositions = new HashMap<>();

    public YamlMap(Position position) {
        this.position = position;
    }

    public void put(String key, Object value, Position keyPosition) {
        put(key, value);
        keyPositions.put(key, keyPosition);
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public Position positionOf(Object key) {
        return keyPositions.getOrDefault(String.valueOf(key), position);
    }

    /** A copy of any map that keeps positions when the source has them. */
    public static YamlMap copyOf(Map<?, ?> source) {
        if (source instanceof YamlMap ym) {
            YamlMap copy = new YamlMap(ym.position);
            ym.forEach((k, v) -> copy.put(k, v, ym.positionOf(k)));
            return copy;
        }
        YamlMap copy = new YamlMap(Position.UNKNOWN);
        source.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
