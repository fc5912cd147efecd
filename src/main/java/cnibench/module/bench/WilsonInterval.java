package cnibench.module.bench;

/**
 * The Wilson score interval of a binomial share: unlike the normal approximation it stays inside
 * [0, 1] and stays honest for the small shares a canary stage produces (5 of 100 requests).
 */
record WilsonInterval(double low, double high) {
    private static final double Z95 = 1.959963984540054;

    /** The 95 % interval of {@code hits} out of {@code n}; null when there is nothing to estimate from. */
    static WilsonInterval of95(long hits, long n) {
        if (n <= 0) {
            return null;
        }
        double p = (double) hits / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new WilsonInterval(Math.max(0, center - half), Math.min(1, center + half));
    }
}
