package cnibench.module.core;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** The ansible_date_time fact: the strftime fields Ansible's date_time collector reports, all as strings. */
final class DateTimeFacts {
    private DateTimeFacts() {
    }

    static Map<String, Object> of(ZonedDateTime now) {
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        int micros = now.getNano() / 1000;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("year", format(now, "yyyy"));
        facts.put("month", format(now, "MM"));
        facts.put("weekday", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        facts.put("weekday_number", String.valueOf(now.getDayOfWeek().getValue() % 7));
        facts.put("weeknumber", String.format("%02d", mondayWeekNumber(now)));
        facts.put("day", format(now, "dd"));
        facts.put("hour", format(now, "HH"));
        facts.put("minute", format(now, "mm"));
        facts.put("second", format(now, "ss"));
        facts.put("epoch", String.valueOf(now.toEpochSecond()));
        facts.put("epoch_int", String.valueOf(now.toEpochSecond()));
        facts.put("date", format(now, "yyyy-MM-dd"));
        facts.put("time", format(now, "HH:mm:ss"));
        facts.put("iso8601_micro", format(utc, "yyyy-MM-dd'T'HH:mm:ss") + String.format(".%06dZ", micros));
        facts.put("iso8601", format(utc, "yyyy-MM-dd'T'HH:mm:ss'Z'"));
        facts.put("iso8601_basic", format(now, "yyyyMMdd'T'HHmmss") + String.format("%06d", micros));
        facts.put("iso8601_basic_short", format(now, "yyyyMMdd'T'HHmmss"));
        facts.put("tz", format(now, "zzz"));
        facts.put("tz_dst", TimeZone.getTimeZone(now.getZone()).getDisplayName(true, TimeZone.SHORT, Locale.ENGLISH));
        facts.put("tz_offset", format(now, "xx"));
        return facts;
    }

    /** strftime's %W: weeks start on Monday; days before the year's first Monday are week 0. */
    private static int mondayWeekNumber(ZonedDateTime time) {
        int yearDay = time.getDayOfYear() - 1;
        int mondayBasedWeekday = time.getDayOfWeek().getValue() - 1;
        return (yearDay + 7 - mondayBasedWeekday) / 7;
    }

    private static String format(ZonedDateTime time, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(time);
    }
}
