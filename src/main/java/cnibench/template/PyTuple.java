package cnibench.template;

import java.util.ArrayList;
import java.util.Arrays;

/** A Python tuple: a list that prints with parentheses (zip, product, dict.items, dictsort). */
class PyTuple extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    PyTuple(Object... items) {
        super(Arrays.asList(items));
    }
}
