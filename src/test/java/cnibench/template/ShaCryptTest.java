package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hashes as glibc's crypt(3) makes them (Drepper's specification), and passlib's written default rounds. */
class ShaCryptTest {
    @Test
    void specificationVectors() {
        assertEquals("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5",
                ShaCrypt.hash("Hello world!", "saltstring", 5000, false));
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                ShaCrypt.hash("Hello world!", "saltstring", 5000, true));
        assertEquals("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
                ShaCrypt.hash("Hello world!", "saltstringsaltstring", 10000, true));
    }

    @Test
    void theFilterWritesPasslibsDefaultRounds() {
        Object hash = new Templar().template("{{ 'secret' | password_hash('sha512', 'saltsalt') }}", java.util.Map.of());
        assertEquals(true, String.valueOf(hash).startsWith("$6$rounds=656000$saltsalt$"));
    }
}
