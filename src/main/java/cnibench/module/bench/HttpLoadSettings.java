package cnibench.module.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one http_load run needs, with file names already absolute. A record so that the
 * module can hand it to a child JVM as JSON and read it back unchanged.
 *
 * @param duration  seconds to send for, or null when {@code requests} counts instead
 * @param requests  counted requests to send, or null
 * @param rate      requests per second for the open model, or null for the closed one
 * @param mirrorLog the mirror analyzer's access log, or null without a mirror join
 */
record HttpLoadSettings(String url, String method, Map<String, String> headers, String body, int timeoutMs,
                        int connectTimeoutMs, int connections, Double duration, Long requests, Double rate, String label,
                        Map<String, Double> expectedShares, double warmup, String csvDest, Map<String, Object> csvLabels,
                        String timelineDest, int timelineIntervalMs, String rawDest, String mirrorLog, String mirrorHeader,
                        String mirrorCsvDest, Double maxErrorRate) {

    List<String> expectedLabels() {
        return List.copyOf(expectedShares.keySet());
    }

    /** Seconds the run is expected to take, warm-up included; 0 when a request count decides. */
    double plannedSeconds() {
        if (duration != null) {
            return warmup + duration;
        }
        return rate != null ? warmup + requests / rate : 0;
    }
}
