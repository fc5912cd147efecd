package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are what ansible-core 2.14's boolean() and to_bool (the bool filter) return. */
class AnsibleBooleanTest {
    @Test
    void booleanReadsAnsiblesWords() {
        assertTrue(AnsibleBoolean.parse(" Yes ", true));
        assertTrue(AnsibleBoolean.parse("Y", true));
        assertTrue(AnsibleBoolean.parse(1.0, true));
        assertFalse(AnsibleBoolean.parse("off", true));
        assertFalse(AnsibleBoolean.parse(0, true));
    }

    @Test
    void strictRejectsOtherValuesAndLooseReadsThemAsFalse() {
        for (Object value : List.of("1.0", 2, "x")) {
            assertEquals("The value '" + value + "' is not a valid boolean.  Valid booleans include: "
                    + "'no', 1, 'y', 0, 'off', 'yes', 't', 'f', 'true', '0', 'false', '1', 'n', 'on'",
                    assertThrows(PythonError.class, () -> AnsibleBoolean.parse(value, true)).getMessage());
            assertFalse(AnsibleBoolean.parse(value, false));
        }
    }

    @Test
    void theBoolFilterIsLooser() {
        assertTrue(AnsibleBoolean.ofBoolFilter("Yes"));
        assertTrue(AnsibleBoolean.ofBoolFilter(1.0));
        // to_bool neither strips nor knows y/t
        assertFalse(AnsibleBoolean.ofBoolFilter("y"));
        assertFalse(AnsibleBoolean.ofBoolFilter(" yes"));
        assertFalse(AnsibleBoolean.ofBoolFilter(2));
    }
}
