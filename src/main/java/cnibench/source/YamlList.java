package cnibench.source;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence that remembers where each item was written. */
public final class YamlList extends ArrayList<Object> implements Positioned {
    private final Position position;
    private final List<Position> itemPositions = new ArrayList<>();

    public YamlList(Position position) {
        this.position = position;
    }

    public void add(Object value, Position itemPosition) {
        add(value);
        itemPositions.add(itemPosition);
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public Position positionOf(Object index) {
        if (index instanceof Integer i && i >= 0 && i < itemPositions.size()) {
            return itemPositions.get(i);
        }
        return position;
    }
}
