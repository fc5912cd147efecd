package cnibench.module.azure;

import cnibench.module.spi.ModuleContext;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a long-running ARM operation, polling as often as Azure's Retry-After asks (the SDK's own default is
 * 30 s), and reports its state and the time spent on the terminal at every poll.
 */
final class Operations {
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Operations() {
    }

    /**
     * Starts the operation and returns its result once it succeeded; an AzureFailure with Azure's error code when
     * it ended otherwise. The time shown counts from the request that started it.
     */
    static <T> T await(ModuleContext context, String what, Supplier<SyncPoller<PollResult<T>, T>> start) throws InterruptedException {
        long started = System.nanoTime();
        SyncPoller<PollResult<T>, T> poller = start.get();
        PollResponse<PollResult<T>> response = poller.poll();
        while (!response.getStatus().isComplete()) {
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            context.progress(what + ": " + response.getStatus().toString().toLowerCase().replace('_', ' ') + " after " + seconds + "s");
            Duration wait = response.getRetryAfter() == null || response.getRetryAfter().isNegative()
                    ? DEFAULT_POLL : response.getRetryAfter();
            Thread.sleep(wait.toMillis());
            response = poller.poll();
        }
        if (response.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            throw new AzureFailure(what + " ended " + state(response.getStatus())
                    + failure(response.getValue()));
        }
        return poller.getFinalResult();
    }

    private static String state(LongRunningOperationStatus status) {
        return status == LongRunningOperationStatus.USER_CANCELLED ? "Canceled" : "Failed";
    }

    /** ": code: message" from the operation's status body, where Azure puts the reason. */
    private static String failure(PollResult<?> result) {
        if (result == null || result.getError() == null) {
            return "";
        }
        PollResult.Error error = result.getError();
        try {
            JsonNode body = error.getResponseBody() == null ? null : JSON.readTree(error.getResponseBody()).path("error");
            if (body != null && body.hasNonNull("code")) {
                return ": " + body.get("code").asText() + ": " + body.path("message").asText();
            }
        } catch (java.io.IOException e) {
            // not JSON: the SDK's message below says what it can
        }
        return ": " + error.getMessage();
    }
}
