package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Expected values are Python 3.11's hashlib.new(name, data).hexdigest(). */
class HashlibTest {
    @Test
    void namesAreHashlibsAndCaseInsensitive() {
        assertEquals("e3b0c442", hex("SHA256", "").substring(0, 8));
        assertEquals("80084bf2fba02475", hex("sha3_256", "a").substring(0, 16));
    }

    @Test
    void unknownNamesAreHashlibsValueError() {
        assertEquals("unsupported hash type foo", assertThrows(PythonError.class, () -> Hashlib.digest("foo")).getMessage());
    }

    private static String hex(String name, String data) {
        return HexFormat.of().formatHex(Hashlib.digest(name).digest(data.getBytes(StandardCharsets.UTF_8)));
    }
}
