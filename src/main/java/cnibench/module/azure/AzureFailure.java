package cnibench.module.azure;

/** A failure of an azure task, already worded as the one line the user sees. */
final class AzureFailure extends RuntimeException {
    AzureFailure(String message) {
        super(message);
    }
}
