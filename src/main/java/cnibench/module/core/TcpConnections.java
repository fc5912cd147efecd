package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.Connection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts a host's active TCP connections on a local port from /proc/net/tcp{,6}, as wait_for state=drained does. */
final class TcpConnections {
    private static final Map<String, String> STATE_IDS = Map.of("ESTABLISHED", "01", "SYN_SENT", "02", "SYN_RECV", "03",
            "FIN_WAIT1", "04", "FIN_WAIT2", "05", "TIME_WAIT", "06", "CLOSE", "07", "CLOSE_WAIT", "08",
            "LAST_ACK", "09", "LISTEN", "0A");

    private final Connection connection;
    private final int port;
    private final Set<String> states = new HashSet<>();
    private final Set<String> localAddresses;
    private final Set<String> excluded = new HashSet<>();

    TcpConnections(Connection connection, String host, int port, List<String> activeStates, List<String> excludeHosts)
            throws UnknownHostException {
        this.connection = connection;
        this.port = port;
        for (String state : activeStates) {
            states.add(stateId(state));
        }
        this.localAddresses = host.equals("0.0.0.0") || host.equals("::") ? null : addresses(host);
        for (String excludedHost : excludeHosts) {
            excluded.addAll(addresses(excludedHost));
        }
    }

    /** The /proc/net/tcp code of a state name; IllegalArgumentException for an unknown one. */
    static String stateId(String name) {
        String id = STATE_IDS.get(name);
        if (id == null) {
            throw new IllegalArgumentException(name);
        }
        return id;
    }

    int activeCount() throws IOException, InterruptedException {
        String table = connection.exec(CommandRequest.of(List.of("cat", "/proc/net/tcp", "/proc/net/tcp6"))).stdout();
        int count = 0;
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[1].contains(":") || f[0].equals("sl")) {
                continue;
            }
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            if (Integer.parseInt(local[1], 16) == port && states.contains(f[3])
                    && (localAddresses == null || localAddresses.contains(decode(local[0])))
                    && !excluded.contains(decode(remote[0]))) {
                count++;
            }
        }
        return count;
    }

    private static Set<String> addresses(String host) throws UnknownHostException {
        Set<String> out = new HashSet<>();
        for (InetAddress address : InetAddress.getAllByName(host)) {
            out.add(address.getHostAddress());
        }
        return out;
    }

    /** /proc/net/tcp prints addresses as 32-bit words in host (little-endian) order. */
    static String decode(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes).getHostAddress();
    }
}
