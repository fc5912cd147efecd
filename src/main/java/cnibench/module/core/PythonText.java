package cnibench.module.core;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Text forms that Ansible's results get from Python: str(datetime), str(timedelta), splitlines(). */
public final class PythonText {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PythonText() {
    }

    /** The current local time at microsecond precision, as datetime.now() gives it. */
    public static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** str(datetime): "2024-01-31 12:00:00.123456", without the fraction when it is zero. */
    public static String datetime(LocalDateTime time) {
        int micros = time.getNano() / 1000;
        return SECONDS.format(time) + (micros == 0 ? "" : String.format(".%06d", micros));
    }

    /** str(timedelta): "0:00:00.002345", "1 day, 2:03:04". */
    public static String timedelta(Duration duration) {
        long micros = duration.toNanos() / 1000;
        long days = micros / 86_400_000_000L;
        long rest = micros % 86_400_000_000L;
        long seconds = rest / 1_000_000;
        String text = String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        if (rest % 1_000_000 != 0) {
            text += String.format(".%06d", rest % 1_000_000);
        }
        return days == 0 ? text : days + (days == 1 ? " day, " : " days, ") + text;
    }

    /** str.splitlines(): lines without their ends, no trailing empty line. */
    public static List<String> splitlines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) || c == 0x85
                    || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** str.rstrip("\r\n"). */
    public static String stripLineEnds(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
