package cnibench.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The counters of the PLAY RECAP, per host, as printed by ansible-playbook's default callback. */
final class Recap {
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)"
                    + "\\s+skipped=(\\d+)\\s+rescued=(\\d+)\\s+ignored=(\\d+)\\s*$", Pattern.MULTILINE);
    private static final String[] NAMES = {"ok", "changed", "unreachable", "failed", "skipped", "rescued", "ignored"};

    private Recap() {
    }

    /** host -> "ok=1 changed=0 ..." (one normalised string per host, so a mismatch shows every counter). */
    static Map<String, String> parse(String stdout) {
        int start = stdout.lastIndexOf("PLAY RECAP");
        Map<String, String> hosts = new LinkedHashMap<>();
        if (start < 0) {
            return hosts;
        }
        Matcher m = LINE.matcher(stdout.substring(start));
        while (m.find()) {
            StringBuilder counters = new StringBuilder();
            for (int i = 0; i < NAMES.length; i++) {
                counters.append(i == 0 ? "" : " ").append(NAMES[i]).append('=').append(m.group(i + 2));
            }
            hosts.put(m.group(1), counters.toString());
        }
        return hosts;
    }

    static int counter(String counters, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(counters);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + counters);
        }
        return Integer.parseInt(m.group(1));
    }
}
