package cnibench.report;

/**
 * The Wilson score interval (95 %) of a share k/n: unlike the normal approximation it stays
 * inside [0, 1] and is not empty at k = 0, which is what a canary stage at 0 % observes.
 */
record Wilson(double low, double high) {
    private static final double Z = 1.959964;

    static Wilson of(double k, double n) {
        if (n <= 0) {
            return new Wilson(Double.NaN, Double.NaN);
        }
        double p = k / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // at k = 0 and k = n the bound is exactly 0 or 1; the formula leaves rounding dust there
        return new Wilson(k == 0 ? 0 : Math.max(0, center - half), k == n ? 1 : Math.min(1, center + half));
    }
}
