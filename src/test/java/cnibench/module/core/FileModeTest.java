package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FileModeTest {
    @Test
    void yamlOctalIntIsTakenAsIs() {
        assertEquals(0644, FileMode.resolve(420, 0, false));
    }

    @Test
    void octalStrings() {
        assertEquals(0644, FileMode.resolve("0644", 0, false));
        assertEquals(0755, FileMode.resolve("755", 0, false));
        assertEquals(01777, FileMode.resolve("1777", 0, false));
    }

    @Test
    void symbolicAssignmentAndAddition() {
        assertEquals(0640, FileMode.resolve("u=rw,g=r,o=", 0600, false));
        assertEquals(0740, FileMode.resolve("u+x", 0640, false));
        assertEquals(0444, FileMode.resolve("a-w", 0644, false));
        assertEquals(0644, FileMode.resolve("u=rw,g=r,o=r", 0, false));
    }

    @Test
    void capitalXOnlyForDirectoriesOrExecutables() {
        assertEquals(0654, FileMode.resolve("g+X", 0644, true));
        assertEquals(0644, FileMode.resolve("g+X", 0644, false));
    }

    @Test
    void formatsAsAnsible() {
        assertEquals("0644", FileMode.format(0100644));
        assertEquals("01777", FileMode.format(041777));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> FileMode.resolve("rwx-bad", 0644, false));
    }
}
