package cnibench.template;

import cnibench.python.PyRepr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The basics of ansible.utils.ipaddr for IPv4 and IPv6 addresses and CIDRs. */
final class NetworkFilters {
    private static final Pattern IP_CHARS = Pattern.compile("[0-9a-fA-F:.]+(/\\d{1,3})?");

    private NetworkFilters() {
    }

    static void register(FilterCatalog c) {
        AnsibleFilter.Body ipaddr = (v, a) -> {
            String query = a.string(0, "query", "");
            if (v instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                for (Object item : list) {
                    Object r = query(PyRepr.str(item), query);
                    if (r != null && !Boolean.FALSE.equals(r)) {
                        out.add(r);
                    }
                }
                return out;
            }
            return query(PyRepr.str(v), query);
        };
        c.add("ipaddr", ipaddr);
    }

    /** ipaddr(query) on one value: False when it is not an address; None when the query does not apply. */
    static Object query(String value, String query) {
        Cidr cidr = Cidr.parse(value);
        if (cidr == null) {
            return false;
        }
        return switch (query) {
            case "" -> value;
            case "address" -> cidr.explicitPrefix() && cidr.isNetworkAddress() && cidr.prefix() < cidr.bits() - 1 ? null : cidr.address();
            case "prefix" -> cidr.prefix();
            case "network" -> cidr.network();
            case "netmask" -> cidr.netmask();
            case "broadcast" -> cidr.bits() == 32 && cidr.prefix() < 31 ? cidr.broadcast() : null;
            case "host" -> cidr.address() + "/" + cidr.prefix();
            case "net" -> cidr.isNetworkAddress() && cidr.explicitPrefix() ? value : false;
            case "ipv4" -> cidr.bits() == 32 ? value : false;
            case "ipv6" -> cidr.bits() == 128 ? value : false;
            default -> throw new TemplateError("Unknown ipaddr query: " + query);
        };
    }

    /** An address with its prefix length. */
    private record Cidr(byte[] bytes, int prefix, boolean explicitPrefix) {
        static Cidr parse(String text) {
            String t = text.strip();
            if (!IP_CHARS.matcher(t).matches()) {
                return null;
            }
            int slash = t.indexOf('/');
            String host = slash < 0 ? t : t.substring(0, slash);
            if (!host.contains(":") && host.split("\\.", -1).length != 4) {
                return null;
            }
            try {
                byte[] bytes = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
                return prefix > bytes.length * 8 ? null : new Cidr(bytes, prefix, slash >= 0);
            } catch (UnknownHostException | NumberFormatException e) {
                return null;
            }
        }

        int bits() {
            return bytes.length * 8;
        }

        private byte[] masked(boolean hostBitsSet) {
            byte[] out = bytes.clone();
            for (int i = 0; i < out.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - i * 8));
                int mask = (0xff << (8 - keep)) & 0xff;
                out[i] = (byte) (hostBitsSet ? (out[i] | ~mask) : (out[i] & mask));
            }
            return out;
        }

        boolean isNetworkAddress() {
            return java.util.Arrays.equals(bytes, masked(false));
        }

        String address() {
            return format(bytes);
        }

        String network() {
            return format(masked(false));
        }

        String broadcast() {
            return format(masked(true));
        }

        String netmask() {
            byte[] mask = new byte[bytes.length];
            for (int i = 0; i < mask.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - i * 8));
                mask[i] = (byte) ((0xff << (8 - keep)) & 0xff);
            }
            return format(mask);
        }

        private static String format(byte[] b) {
            try {
                String s = InetAddress.getByAddress(b).getHostAddress();
                return b.length == 16 ? compressIpv6(s) : s;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Java prints 0:0:0:0:0:0:0:1; Python prints ::1. */
        private static String compressIpv6(String s) {
            String[] parts = s.split(":");
            int bestStart = -1;
            int bestLen = 0;
            for (int i = 0; i < parts.length; i++) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
            }
            if (bestStart < 0) {
                return s;
            }
            String left = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
            String right = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
            return left + "::" + right;
        }
    }
}
