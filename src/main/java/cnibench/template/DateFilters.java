package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.python.Strptime;
import com.hubspot.jinjava.objects.date.StrftimeFormatter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** to_datetime and strftime. */
final class DateFilters {
    private DateFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("to_datetime", (v, a) -> Strptime.parse(PyRepr.str(v), a.string(0, "format", "%Y-%m-%d %H:%M:%S")));
        c.add("strftime", (v, a) -> {
            Object second = a.get(0, "second");
            boolean utc = a.flag(1, "utc", false);
            Instant instant = second == null ? Instant.now()
                    : Instant.ofEpochMilli((long) (((Number) CoreFilters.toFloat(second, 0.0)).doubleValue() * 1000));
            ZonedDateTime time = instant.atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
            return StrftimeFormatter.format(time, PyRepr.str(v), Locale.US);
        });
    }
}
