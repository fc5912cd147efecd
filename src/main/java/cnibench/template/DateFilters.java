package cnibench.template;

import com.hubspot.jinjava.objects.date.StrftimeFormatter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** to_datetime and strftime. */
final class DateFilters {
    private DateFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("to_datetime", (v, a) -> toDatetime(PyRepr.str(v), a.string(0, "format", "%Y-%m-%d %H:%M:%S")));
        c.add("strftime", (v, a) -> {
            Object second = a.get(0, "second");
            boolean utc = a.flag(1, "utc", false);
            Instant instant = second == null ? Instant.now()
                    : Instant.ofEpochMilli((long) (((Number) CoreFilters.toFloat(second, 0.0)).doubleValue() * 1000));
            ZonedDateTime time = instant.atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
            return StrftimeFormatter.format(time, PyRepr.str(v), Locale.US);
        });
    }

    /** Python's datetime.strptime for the common directives; the result prints like Python's. */
    static PyDatetime toDatetime(String text, String format) {
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
            throw new TemplateError("time data '" + text + "' does not match format '" + format + "'");
        }
    }

    /** A Python datetime: str() as Python prints it, and the attributes templates use. */
    public record PyDatetime(LocalDateTime value) {
        public int getYear() {
            return value.getYear();
        }

        public int getMonth() {
            return value.getMonthValue();
        }

        public int getDay() {
            return value.getDayOfMonth();
        }

        public int getHour() {
            return value.getHour();
        }

        public int getMinute() {
            return value.getMinute();
        }

        public int getSecond() {
            return value.getSecond();
        }

        /** Seconds since the epoch, as Python's timestamp() on a naive datetime (local time). */
        public double timestamp() {
            return value.atZone(ZoneId.systemDefault()).toEpochSecond();
        }

        public String strftime(String format) {
            return StrftimeFormatter.format(value.atZone(ZoneId.systemDefault()), format, Locale.US);
        }

        @Override
        public String toString() {
            String time = String.format("%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond());
            String micros = value.getNano() == 0 ? "" : String.format(".%06d", value.getNano() / 1000);
            return value.toLocalDate() + " " + time + micros;
        }
    }
}
