package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.python.PyTuple;
import cnibench.python.PercentFormat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text filters with Jinja's or Ansible's exact rules: comment, truncate, urlencode, urlsplit, to_uuid. */
final class TextFilters {
    private static final String ANSIBLE_NAMESPACE = "361E6D51-FAEC-444A-9079-341386DA8E2E";
    private static final Pattern URL = Pattern.compile("^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);
    private static final Map<String, Map<String, String>> COMMENT_STYLES = Map.of(
            "plain", Map.of("decoration", "# "),
            "erlang", Map.of("decoration", "% "),
            "c", Map.of("decoration", "// "),
            "cblock", Map.of("beginning", "/*", "decoration", " * ", "end", " */"),
            "xml", Map.of("beginning", "<!--", "decoration", " - ", "end", "-->"));

    private TextFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("comment", (v, a) -> comment(PyRepr.str(v), a.string(0, "style", "plain"), a.named()));
        c.add("truncate", (v, a) -> truncate(PyRepr.str(v), ((Number) a.get(0, "length", 255)).intValue(),
                a.flag(1, "killwords", false), a.string(2, "end", "..."), a.get(3, "leeway", 5)));
        c.add("urlencode", (v, a) -> urlencode(v));
        c.add("urlsplit", (v, a) -> urlsplit(PyRepr.str(v), a.string(0, "query", "")));
        // Jinja2's format is Python's `%` (an int takes %.2f); Jinjava's own uses Java's String.format, which refuses that
        c.add("format", (v, a) -> PercentFormat.format(PyRepr.str(v),
                a.named().isEmpty() ? new PyTuple(a.positional()) : a.named()));
        c.add("to_uuid", (v, a) -> uuid5(a.string(0, "namespace", ANSIBLE_NAMESPACE), PyRepr.str(v)));
    }

    /** Ansible's comment filter (plugins/filter/core.py). */
    private static String comment(String text, String style, Map<String, Object> options) {
        Map<String, String> styleParams = COMMENT_STYLES.get(style);
        if (styleParams == null) {
            throw new TemplateError("KeyError: '" + style + "'");
        }
        String prepostfix = options.containsKey("decoration") ? PyRepr.str(options.get("decoration")) : styleParams.get("decoration");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("newline", "\n");
        p.put("beginning", "");
        p.put("prefix", prepostfix.stripTrailing());
        p.put("prefix_count", 1);
        p.put("decoration", "");
        p.put("postfix", prepostfix.stripTrailing());
        p.put("postfix_count", 1);
        p.put("end", "");
        p.putAll(styleParams);
        options.forEach((k, x) -> p.put(k, x));
        String newline = PyRepr.str(p.get("newline"));
        String decoration = PyRepr.str(p.get("decoration"));
        String beginning = PyRepr.str(p.get("beginning"));
        String prefix = PyRepr.str(p.get("prefix"));
        String end = PyRepr.str(p.get("end"));
        StringBuilder out = new StringBuilder();
        if (!beginning.isEmpty()) {
            out.append(beginning).append(newline);
        }
        if (!prefix.isEmpty()) {
            out.append((prefix.equals(newline) ? newline : prefix + newline).repeat(count(p.get("prefix_count"))));
        }
        out.append((decoration + text.replace(newline, newline + decoration))
                .replace(decoration + newline, decoration.stripTrailing() + newline));
        String postfix = PyRepr.str(p.get("postfix"));
        for (int i = 0; i < count(p.get("postfix_count")); i++) {
            out.append(newline).append(postfix);
        }
        if (!end.isEmpty()) {
            out.append(newline).append(end);
        }
        return out.toString();
    }

    private static int count(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(PyRepr.str(value));
    }

    /** Jinja's truncate(s, length=255, killwords=False, end='...', leeway=5). */
    private static String truncate(String s, int length, boolean killwords, String end, Object leewayValue) {
        int leeway = leewayValue == null ? 5 : ((Number) leewayValue).intValue();
        if (length < end.length()) {
            throw new TemplateError("expected length >= " + end.length() + ", got " + length);
        }
        if (leeway < 0) {
            throw new TemplateError("expected leeway >= 0, got " + leeway);
        }
        if (s.length() <= length + leeway) {
            return s;
        }
        String head = s.substring(0, length - end.length());
        if (killwords) {
            return head + end;
        }
        int space = head.lastIndexOf(' ');
        return (space < 0 ? head : head.substring(0, space)) + end;
    }

    /** Jinja's urlencode: a string keeps `/`, a dict or pairs become a query string. */
    private static String urlencode(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, x) -> parts.add(quotePlus(PyRepr.str(k)) + "=" + quotePlus(PyRepr.str(x))));
            return String.join("&", parts);
        }
        if (value instanceof List<?> pairs) {
            List<String> parts = new ArrayList<>();
            for (Object pair : pairs) {
                List<Object> kv = CollectionFilters.list(pair);
                parts.add(quotePlus(PyRepr.str(kv.get(0))) + "=" + quotePlus(PyRepr.str(kv.get(1))));
            }
            return String.join("&", parts);
        }
        return quotePlus(PyRepr.str(value)).replace("+", "%20").replace("%2F", "/");
    }

    /** Python's quote_plus: unreserved characters stay, space is +, the rest is %XX of UTF-8. */
    private static String quotePlus(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    /** Ansible's urlsplit: every part in a dict, or the one asked for. */
    private static Object urlsplit(String url, String query) {
        Matcher m = URL.matcher(url);
        m.matches();
        String netloc = m.group(2) == null ? "" : m.group(2);
        String userinfo = netloc.contains("@") ? netloc.substring(0, netloc.lastIndexOf('@')) : null;
        String hostport = netloc.substring(netloc.lastIndexOf('@') + 1);
        Matcher hp = Pattern.compile("^(\\[[^]]*]|[^:]*)(?::(\\d*))?$").matcher(hostport);
        String host = hp.matches() ? hp.group(1) : hostport;
        String port = hp.matches() ? hp.group(2) : null;
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("fragment", m.group(5) == null ? "" : m.group(5));
        parts.put("hostname", host.isEmpty() ? null : host.replaceAll("^\\[|]$", "").toLowerCase());
        parts.put("netloc", netloc);
        parts.put("password", userinfo != null && userinfo.contains(":") ? userinfo.substring(userinfo.indexOf(':') + 1) : null);
        parts.put("path", m.group(3));
        parts.put("port", port == null || port.isEmpty() ? null : Integer.parseInt(port));
        parts.put("query", m.group(4) == null ? "" : m.group(4));
        parts.put("scheme", m.group(1) == null ? "" : m.group(1).toLowerCase());
        parts.put("username", userinfo == null ? null : userinfo.contains(":") ? userinfo.substring(0, userinfo.indexOf(':')) : userinfo);
        if (query.isEmpty()) {
            return parts;
        }
        if (!parts.containsKey(query)) {
            throw new TemplateError("urlsplit: unknown URL component: " + query);
        }
        return parts.get(query);
    }

    /** Python's uuid.uuid5(namespace, name). */
    private static String uuid5(String namespace, String name) {
        UUID ns = UUID.fromString(namespace);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (long half : new long[] {ns.getMostSignificantBits(), ns.getLeastSignificantBits()}) {
                for (int shift = 56; shift >= 0; shift -= 8) {
                    sha1.update((byte) (half >>> shift));
                }
            }
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
