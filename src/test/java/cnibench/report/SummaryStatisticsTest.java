package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryStatisticsTest {

    @Test
    void quartilesInterpolateLinearlyAsNumpyDoes() {
        // numpy.percentile([3,1,4,1,5,9,2,6], [25,50,75]) == [1.75, 3.5, 5.25]
        SummaryStatistics s = SummaryStatistics.of(List.of(3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0));
        assertEquals(8, s.n());
        assertEquals(1.75, s.q1(), 1e-12);
        assertEquals(3.5, s.median(), 1e-12);
        assertEquals(5.25, s.q3(), 1e-12);
        assertEquals(3.5, s.iqr(), 1e-12);
        assertEquals(3.875, s.mean(), 1e-12);
        assertEquals(2.748376143938713, s.stddev(), 1e-12);
    }

    @Test
    void confidenceIntervalUsesStudentsT() {
        // mean 3.875, half width scipy.stats.t.ppf(.975, 7) * s / sqrt(8) = 2.2976999568
        SummaryStatistics s = SummaryStatistics.of(List.of(3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0));
        assertEquals(3.875 - 2.2976999568407543, s.ci95Low(), 1e-5);
        assertEquals(3.875 + 2.2976999568407543, s.ci95High(), 1e-5);

        SummaryStatistics three = SummaryStatistics.of(List.of(9.0, 10.0, 11.5));
        assertEquals(7.040861926978778, three.ci95Low(), 1e-5);
        assertEquals(13.292471406354554, three.ci95High(), 1e-5);
    }

    @Test
    void tQuantilesMatchTheTableAndApproachTheNormal() {
        assertEquals(12.706205, SummaryStatistics.tQuantile975(1), 1e-6);
        assertEquals(2.042272, SummaryStatistics.tQuantile975(30), 1e-6);
        assertEquals(2.021075, SummaryStatistics.tQuantile975(40), 1e-6);
        assertEquals(2.008559, SummaryStatistics.tQuantile975(50), 1e-4); // scipy.stats.t.ppf(.975, 50)
        assertEquals(1.962339, SummaryStatistics.tQuantile975(1000), 1e-4);
    }

    @Test
    void oneValueHasNoSpreadEstimateAndNaNIsIgnored() {
        SummaryStatistics s = SummaryStatistics.of(List.of(4.0, Double.NaN));
        assertEquals(1, s.n());
        assertEquals(4.0, s.median());
        assertEquals(0.0, s.iqr());
        assertTrue(Double.isNaN(s.ci95Low()));
        assertTrue(Double.isNaN(SummaryStatistics.of(List.of()).median()));
    }
}
