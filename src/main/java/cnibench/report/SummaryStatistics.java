package cnibench.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Descriptive statistics of a sample of repeats: median and quartiles interpolated linearly as
 * numpy's default percentile does, and a 95% confidence interval of the mean from Student's t.
 */
public record SummaryStatistics(int n, double mean, double median, double q1, double q3, double stddev,
                                double ci95Low, double ci95High) {

    /** Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom. */
    private static final double[] T_975 = {
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272};
    /** Beyond 30: the quantile at these degrees of freedom, interpolated linearly in 1/df. */
    private static final int[] LARGE_DF = {30, 40, 60, 120};
    private static final double[] LARGE_T = {2.042272, 2.021075, 2.000298, 1.979930};
    private static final double Z_975 = 1.959964;

    /** Statistics of the values; NaN values are left out. An empty sample gives NaN everywhere. */
    public static SummaryStatistics of(Collection<Double> values) {
        double[] sorted = values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return new SummaryStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double stddev = Double.NaN;
        double low = Double.NaN;
        double high = Double.NaN;
        if (n > 1) {
            double squares = Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum();
            stddev = Math.sqrt(squares / (n - 1));
            double half = tQuantile975(n - 1) * stddev / Math.sqrt(n);
            low = mean - half;
            high = mean + half;
        }
        return new SummaryStatistics(n, mean, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75),
                stddev, low, high);
    }

    public double iqr() {
        return q3 - q1;
    }

    /** The p-quantile of sorted values, linear between closest ranks (numpy's "linear" method). */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /** The 0.975 quantile of Student's t with df degrees of freedom. */
    public static double tQuantile975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
        }
        if (df <= T_975.length) {
            return T_975[df - 1];
        }
        for (int i = 1; i < LARGE_DF.length; i++) {
            if (df <= LARGE_DF[i]) {
                return interpolate(df, LARGE_DF[i - 1], LARGE_T[i - 1], LARGE_DF[i], LARGE_T[i]);
            }
        }
        return interpolate(df, LARGE_DF[LARGE_DF.length - 1], LARGE_T[LARGE_T.length - 1], Double.POSITIVE_INFINITY, Z_975);
    }

    private static double interpolate(int df, double df0, double t0, double df1, double t1) {
        double x = 1.0 / df;
        double x0 = 1.0 / df0;
        double x1 = 1.0 / df1;
        return t0 + (x - x0) / (x1 - x0) * (t1 - t0);
    }
}
