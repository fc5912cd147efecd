package cnibench.text;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the engine: building one costs a cold start milliseconds, and none is configured differently. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
