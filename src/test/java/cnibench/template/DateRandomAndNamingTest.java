package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters whose results depend on time or chance, and collection-qualified filter names. */
class DateRandomAndNamingTest {
    private final Templar templar = new Templar();
    private final Map<String, Object> vars = Map.of("l", List.of(1, 2, 3, 4, 5));

    private Object render(String template) {
        return templar.template(template, vars);
    }

    @Test
    void toDatetimeParsesAndPrintsAsPython() {
        assertEquals("2024-01-02 03:04:05", render("{{ '2024-01-02 03:04:05' | to_datetime }}"));
        assertEquals("2024", render("{{ ('2024-01-02 03:04:05' | to_datetime).year }}"));
        assertEquals("2024-01-02 00:00:00", render("{{ '2024-01-02' | to_datetime('%Y-%m-%d') }}"));
        assertEquals("datetime", render("{{ '2024-01-02 03:04:05' | to_datetime | type_debug }}"));
        assertEquals("02.01.2024", render("{{ ('2024-01-02 03:04:05' | to_datetime).strftime('%d.%m.%Y') }}"));
    }

    @Test
    void strftimeFormatsEpochSeconds() {
        assertEquals("01/01/1970", render("{{ '%d/%m/%Y' | strftime(0, utc=True) }}"));
        assertEquals("1970-01-02 00", render("{{ '%Y-%m-%d %H' | strftime(86400, utc=True) }}"));
    }

    @Test
    void randomPicksAnElementAndShuffleKeepsThem() {
        Object picked = render("{{ l | random }}");
        assertTrue(List.of("1", "2", "3", "4", "5").contains(picked), String.valueOf(picked));
        assertEquals(new HashSet<>(List.of(1, 2, 3, 4, 5)), new HashSet<>((List<?>) render("{{ l | shuffle }}")));
        int below = Integer.parseInt((String) render("{{ 10 | random }}"));
        assertTrue(below >= 0 && below < 10);
    }

    @Test
    void collectionQualifiedNamesWork() {
        assertEquals("{\"a\": 1}", render("{{ {'a': 1} | ansible.builtin.to_json }}"));
        assertEquals("10.0.0.0", render("{{ '10.0.0.1/8' | ansible.utils.ipaddr('network') }}"));
        assertEquals(true, render("{{ '2.0' is ansible.builtin.version('1.0', '>') }}"));
    }
}
