package cnibench.module.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The labels of a run as small numbers, so that counting a response is an array increment: the
 * expected labels first, in their order, then others as they are first seen. A regex that
 * captures something different in every body would make a label of each; past {@link #MAX} they
 * are counted together as {@link #OTHER}.
 */
final class LabelSet {
    static final String NONE = "(none)";
    static final String OTHER = "(other)";
    static final int MAX = 250;
    /** Room for every id, {@link #OTHER}'s included. */
    static final int CAPACITY = MAX + 1;

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int expected;

    LabelSet(List<String> expectedLabels) {
        expectedLabels.forEach(this::add);
        expected = names.size();
    }

    int id(String label) {
        Integer id = ids.get(label);
        return id != null ? id : add(label);
    }

    private synchronized int add(String label) {
        Integer id = ids.get(label);
        if (id != null) {
            return id;
        }
        if (names.size() >= MAX && !label.equals(OTHER)) {
            return add(OTHER); // OTHER itself may take id MAX
        }
        names.add(label);
        ids.put(label, names.size() - 1);
        return names.size() - 1;
    }

    synchronized String name(int id) {
        return names.get(id);
    }

    synchronized int size() {
        return names.size();
    }

    /** How many of the first ids are the expected labels. */
    int expected() {
        return expected;
    }
}
