package cnibench.python;

import com.hubspot.jinjava.objects.date.StrftimeFormatter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

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
