package cnibench.connection;

import java.util.Map;

/** Picks the connection a host's variables ask for (ansible_connection), local by default here. */
public final class ConnectionFactory {
    private final String forced;

    /** @param forced the -c option, or null */
    public ConnectionFactory(String forced) {
        this.forced = forced;
    }

    public Connection open(String hostName, Map<String, Object> hostVars) {
        String type = forced != null ? forced : String.valueOf(hostVars.getOrDefault("ansible_connection", "local"));
        return switch (type) {
            case "local" -> new LocalConnection();
            case "netns" -> new NetnsConnection(String.valueOf(hostVars.getOrDefault("ansible_netns_name",
                    hostVars.getOrDefault("ansible_host", hostName))));
            default -> throw new UnsupportedConnectionException("the connection type '" + type + "' of host "
                    + hostName + " is not supported (supported: local, netns)");
        };
    }
}
