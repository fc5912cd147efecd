package cnibench.python;

/** What Python raises (TypeError, ValueError, re.error), worded as Python words it. */
public class PythonError extends RuntimeException {
    public PythonError(String message) {
        super(message);
    }
}
