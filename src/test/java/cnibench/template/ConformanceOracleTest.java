package cnibench.template;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Templates from oracle/conformance.txt (deep equality, filter-then-test, reserved names, item.0, more filters) render as ansible-core 2.14 renders them. */
class ConformanceOracleTest {
    static Stream<Arguments> cases() {
        return OracleCases.load("conformance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersAsAnsible(String template, String expected) throws IOException {
        OracleCases.check(template, expected);
    }
}
