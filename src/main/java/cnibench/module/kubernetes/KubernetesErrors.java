package cnibench.module.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLException;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a fabric8 client exception into the one line a user sees: what failed, on which object, and why. */
public final class KubernetesErrors {
    private KubernetesErrors() {
    }

    /** "Failed to create Deployment ns/x: 409 AlreadyExists: deployments.apps "x" already exists". */
    public static String describe(String action, ObjectRef object, KubernetesClientException e) {
        return "Failed to " + action + " " + object + ": " + reason(e);
    }

    /** Why the API server refused, or why it could not be reached. */
    public static String reason(KubernetesClientException e) {
        Throwable network = networkCause(e);
        if (e.getCode() <= 0 && network != null) {
            return "cannot reach the Kubernetes API server: " + firstLine(rootMessage(network));
        }
        Status status = e.getStatus();
        if (status == null || status.getMessage() == null) {
            return (e.getCode() > 0 ? e.getCode() + " " : "") + firstLine(rootMessage(e));
        }
        StringBuilder out = new StringBuilder();
        out.append(e.getCode() > 0 ? e.getCode() : status.getCode());
        if (status.getReason() != null && !status.getReason().isEmpty()) {
            out.append(' ').append(status.getReason());
        }
        out.append(": ").append(firstLine(status.getMessage()));
        String causes = causes(status);
        if (!causes.isEmpty() && !status.getMessage().contains(causes)) {
            out.append(" (").append(causes).append(')');
        }
        return out.toString();
    }

    private static String causes(Status status) {
        if (status.getDetails() == null || status.getDetails().getCauses() == null) {
            return "";
        }
        List<StatusCause> causes = status.getDetails().getCauses();
        return causes.stream()
                .map(c -> (c.getField() == null ? "" : c.getField() + ": ") + (c.getMessage() == null ? c.getReason() : c.getMessage()))
                .collect(Collectors.joining("; "));
    }

    /** A refused or timed-out connection, an unknown host or a TLS failure somewhere in the causes. */
    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                    || t instanceof SSLException || t instanceof HttpConnectTimeoutException) {
                return t;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message != null ? message : root.getClass().getSimpleName();
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
