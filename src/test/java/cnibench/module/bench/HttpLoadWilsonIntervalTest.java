package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpLoadWilsonIntervalTest {

    @Test
    void fiveOfAHundred() {
        WilsonInterval ci = WilsonInterval.of95(5, 100);
        assertEquals(0.0215, ci.low(), 0.00005);
        assertEquals(0.1118, ci.high(), 0.00005);
    }

    @Test
    void theEdgesStayInsideZeroAndOne() {
        WilsonInterval none = WilsonInterval.of95(0, 500);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.0076, none.high(), 0.00005);
        WilsonInterval all = WilsonInterval.of95(500, 500);
        assertEquals(0.9924, all.low(), 0.00005);
        assertEquals(1.0, all.high(), 1e-12);
    }

    @Test
    void halfOfTen() {
        WilsonInterval ci = WilsonInterval.of95(5, 10);
        assertEquals(0.2366, ci.low(), 0.00005);
        assertEquals(0.7634, ci.high(), 0.00005);
    }

    @Test
    void nothingToEstimateFrom() {
        assertNull(WilsonInterval.of95(0, 0));
    }
}
