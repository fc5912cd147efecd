package cnibench.module.bench;

/** How the load results round their numbers: milliseconds to the microsecond, shares to 1e-4. */
final class LoadNumbers {
    private LoadNumbers() {
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }

    static double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }

    static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static double share(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
