package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpLoadWilsonIntervalTest {

    @Test
    void fiveOfAHundredAndHalfOfTen() {
        assertInterval(WilsonInterval.of95(5, 100), 0.0215, 0.1118);
        assertInterval(WilsonInterval.of95(5, 10), 0.2366, 0.7634);
    }

    @Test
    void theEdgesStayInsideZeroAndOne() {
        WilsonInterval none = WilsonInterval.of95(0, 500);
        assertInterval(none, 0.0, 0.0076);
        assertEquals(0.0, none.low(), 1e-12);
        WilsonInterval all = WilsonInterval.of95(500, 500);
        assertInterval(all, 0.9924, 1.0);
        assertEquals(1.0, all.high(), 1e-12);
    }

    @Test
    void nothingToEstimateFrom() {
        assertNull(WilsonInterval.of95(0, 0));
    }

    /** The bounds to four decimals, as published tables give them. */
    private static void assertInterval(WilsonInterval ci, double low, double high) {
        assertEquals(low, ci.low(), 0.00005);
        assertEquals(high, ci.high(), 0.00005);
    }
}
