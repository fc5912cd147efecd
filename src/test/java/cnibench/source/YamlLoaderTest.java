package cnibench.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

    @Test
    void readsYaml11ScalarsAsAnsibleDoes() {
        YamlMap m = (YamlMap) YamlLoader.load("""
                a: yes
                b: off
                c: 0644
                d: 12
                e: 1.5
                f: ~
                g: "yes"
                h: !!str 12
                i: 0x1f
                j: hello
                """, "t.yml");
        assertEquals(true, m.get("a"));
        assertEquals(false, m.get("b"));
        assertEquals(420, m.get("c"));
        assertEquals(12, m.get("d"));
        assertEquals(1.5, m.get("e"));
        assertNull(m.get("f"));
        assertEquals("yes", m.get("g"));
        assertEquals("12", m.get("h"));
        assertEquals(31, m.get("i"));
        assertEquals("hello", m.get("j"));
    }

    @Test
    void keepsPositionsOfKeysAndItems() {
        YamlList plays = (YamlList) YamlLoader.load("""
                - hosts: all
                  tasks:
                    - name: one
                      debug: msg=hi
                """, "p.yml");
        YamlMap play = (YamlMap) plays.get(0);
        assertEquals(new Position("p.yml", 1, 3), play.position());
        assertEquals(new Position("p.yml", 2, 3), play.positionOf("tasks"));
        YamlMap task = (YamlMap) ((List<?>) play.get("tasks")).get(0);
        assertEquals(new Position("p.yml", 4, 7), task.positionOf("debug"));
    }

    @Test
    void mergesAnchors() {
        Map<?, ?> m = (Map<?, ?>) YamlLoader.load("""
                base: &b {x: 1, y: 2}
                other:
                  <<: *b
                  y: 3
                """, "m.yml");
        assertEquals(Map.of("x", 1, "y", 3), m.get("other"));
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        SourceError e = assertThrows(SourceError.class, () -> YamlLoader.load("a: [1, 2\nb: 3\n", "bad.yml"));
        assertEquals("bad.yml", e.position().file());
        assertTrue(e.position().line() >= 1);
        assertTrue(e.getMessage().startsWith("Syntax Error while loading YAML."));
    }
}
