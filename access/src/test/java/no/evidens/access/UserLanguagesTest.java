package no.evidens.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserLanguagesTest {
    @TempDir
    Path dir;

    @Test
    void aUsersLanguageIsKeptWithTheAccountAcrossOpenings() {
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", "hemmelig passord".toCharArray(), false);
            s.addUser("ola", "et annet".toCharArray(), false);
            assertEquals(Optional.empty(), UserLanguages.of(s, "kari"), "no choice made yet");
            assertTrue(UserLanguages.set(s, "kari", "nn"));
            assertFalse(UserLanguages.set(s, "ingen", "nn"), "no such account");
            assertThrows(IllegalArgumentException.class, () -> UserLanguages.set(s, "ola", "en"));
        }
        try (AccessStore s = AccessStore.open(dir)) {
            assertEquals(Optional.of("nn"), UserLanguages.of(s, "kari"));
            assertEquals(Optional.empty(), UserLanguages.of(s, "ola"));
        }
    }
}
