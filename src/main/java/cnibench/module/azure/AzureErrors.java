package cnibench.module.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what the SDK throws into one line that says what went wrong and what to do; nothing secret goes in. */
final class AzureErrors {
    private static final Pattern ACTION = Pattern.compile("perform action '([^']+)'");

    private AzureErrors() {
    }

    /** The one line for a failure while doing {@code what} (e.g. "create AKS cluster rg/name"). */
    static String describe(Throwable error, AzureTarget target, String what) {
        if (error instanceof AzureFailure) {
            return error.getMessage();
        }
        if (error instanceof ManagementException m) {
            return management(m, target, what);
        }
        if (error instanceof CredentialUnavailableException || error instanceof ClientAuthenticationException) {
            return "cannot " + what + ": no Azure credential found (" + firstLine(error.getMessage()) + "); sign in with "
                    + "`az login`, or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET, or run with a managed identity";
        }
        if (unreachable(error)) {
            return "cannot " + what + ": Azure Resource Manager at " + target.endpoint() + " cannot be reached ("
                    + unreachableReason(error) + ")";
        }
        return "cannot " + what + ": " + rootMessage(error);
    }

    /** Whether the endpoint cannot be reached: refused, unknown, or no answer to connect after the retries. */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (refused(t) || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this one exception says that nobody listens there: retrying will not help. The retry policy asks
     * about an exception and each of its causes and retries when any may be retried, so a connect timeout (which
     * a busy endpoint can cause) is retried although a ConnectException is among its causes. The JDK client's
     * refused connection is a ConnectException caused by a ClosedChannelException.
     */
    static boolean refused(Throwable t) {
        return t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                || t instanceof ClosedChannelException;
    }

    private static String unreachableReason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "no answer to connect within " + AzureClients.CONNECT_TIMEOUT.toSeconds() + " s";
            }
        }
        return "connection refused";
    }

    private static String management(ManagementException m, AzureTarget target, String what) {
        int status = m.getResponse() == null ? 0 : m.getResponse().getStatusCode();
        ManagementError value = m.getValue();
        String code = value == null || value.getCode() == null ? "HTTP " + status : value.getCode();
        String message = value == null || value.getMessage() == null ? firstLine(m.getMessage()) : firstLine(value.getMessage());
        if (status == 403) {
            Matcher action = ACTION.matcher(message);
            String permission = action.find() ? action.group(1) : "the permission to " + what;
            return "cannot " + what + ": the signed-in identity lacks " + permission + " in subscription "
                    + target.subscriptionId() + " (403 " + code + "); grant it a role that allows it (e.g. Contributor) "
                    + "or use another subscription";
        }
        return "cannot " + what + ": Azure answered " + status + " " + code + ": " + message;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
