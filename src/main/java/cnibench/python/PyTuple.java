package cnibench.python;

import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.Arrays;

/** A Python tuple: a list that prints with parentheses (zip, product, dict.items, dictsort). */
public class PyTuple extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    public PyTuple(Object... items) {
        super(Arrays.asList(items));
    }

    /** Ours, and Jinjava's tuple literals (a plain PyList, where its lists are subclasses). */
    public static boolean isTuple(Object value) {
        return value instanceof PyTuple || (value != null && value.getClass() == PyList.class);
    }
}
