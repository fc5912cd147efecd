package cnibench.python;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Python's datetime.strptime. */
public final class Strptime {
    private Strptime() {
    }

    /** Python's datetime.strptime for the common directives; the result prints like Python's. */
    public static PyDatetime parse(String text, String format) {
        String pattern = format.replace("%Y", "yyyy").replace("%m", "MM").replace("%d", "dd").replace("%H", "HH")
                .replace("%M", "mm").replace("%S", "ss").replace("%f", "SSSSSS").replace("%y", "yy")
                .replace("%b", "MMM").replace("%j", "DDD").replace("T", "'T'");
        try {
            DateTimeFormatter formatter = new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                    .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                    .toFormatter(Locale.US);
            return new PyDatetime(LocalDateTime.parse(text, formatter));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new PythonError("time data '" + text + "' does not match format '" + format + "'");
        }
    }
}
