package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePasswordTest {
    @TempDir
    Path tmp;

    @Test
    void theServersFirstStartWritesARandomPasswordOnlyItsOwnerMayReadAndKeepsIt() throws IOException {
        String first = StorePassword.forServer(Map.of(), tmp);
        Path file = tmp.resolve(StorePassword.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.length() >= 40, first);
        assertEquals(first, StorePassword.forServer(Map.of(), tmp), "the second start reads the same");
        assertNotEquals(first, StorePassword.forServer(Map.of(), Files.createDirectories(tmp.resolve("other"))));
    }

    @Test
    void theAdministratorsPasswordIsAnotherOwnerOnlyFileAndAHomeWithoutItIsToldWhereToPutIt() throws IOException {
        String homes = StorePassword.forServer(Map.of(), tmp);
        String admin = StorePassword.adminForServer(Map.of(), tmp);
        assertNotEquals(homes, admin, "the homes' password does not make them the administrator");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve(StorePassword.ADMIN_FILE))));
        assertEquals(admin, StorePassword.adminForServer(Map.of(), tmp));
        assertEquals("fra-miljoet", StorePassword.adminForServer(Map.of(StorePassword.ADMIN_ENV, "fra-miljoet"), tmp));

        Path home = Files.createDirectories(tmp.resolve("home"));
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> StorePassword.adminForHome(Map.of(StorePassword.ENV, homes), home, "a backup"));
        assertTrue(none.getMessage().startsWith("a backup needs the store server's administrator password"), none.getMessage());
        assertTrue(none.getMessage().contains(home.resolve(StorePassword.ADMIN_FILE).toString()), none.getMessage());
        owned(home.resolve(StorePassword.ADMIN_FILE), admin);
        assertEquals(admin, StorePassword.adminForHome(Map.of(), home, "a backup"));
    }

    @Test
    void aCopyOfAStoreLeavesOutItsUsersAndTheirRights() {
        assertTrue(StoreScripts.aboutUsers("CREATE USER IF NOT EXISTS \"EVIDENS\" SALT '00' HASH '00' ADMIN"));
        assertTrue(StoreScripts.aboutUsers("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA \"PUBLIC\" TO \"EVIDENS\""));
        assertFalse(StoreScripts.aboutUsers("INSERT INTO \"PUBLIC\".\"FINDING\" VALUES (1, 'CREATE USER i teksten')"));
        assertFalse(StoreScripts.aboutUsers("CREATE TRIGGER \"PUBLIC\".\"AUDIT_ENTRY_APPEND_ONLY\" BEFORE UPDATE ON \"PUBLIC\".\"AUDIT_ENTRY\""));
    }

    @Test
    void theEnvironmentsPasswordGoesBeforeAnyFile() throws IOException {
        owned(tmp.resolve(StorePassword.FILE), "fra-filen");
        assertEquals("fra-miljoet", StorePassword.forServer(Map.of(StorePassword.ENV, "fra-miljoet"), tmp));
        assertEquals("fra-miljoet", StorePassword.forHome(Map.of(StorePassword.ENV, " fra-miljoet "), null, tmp));
        assertEquals("fra-filen", StorePassword.forHome(Map.of(), null, tmp));
    }

    @Test
    void aHomeReadsTheFileItsSettingNamesRelativeToTheHome() throws IOException {
        owned(Files.createDirectories(tmp.resolve("hemmelig")).resolve("lager.passord"), "annet-passord");
        assertEquals("annet-passord", StorePassword.forHome(Map.of(), "hemmelig/lager.passord", tmp));
    }

    @Test
    void aPasswordFileOthersMayReadIsRefused() throws IOException {
        Path file = tmp.resolve(StorePassword.FILE);
        Files.writeString(file, "passord\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StorePassword.forHome(Map.of(), null, tmp));
        assertTrue(e.getMessage().contains("others may read it: chmod 600"), e.getMessage());
    }

    @Test
    void noPasswordOrAnEmptyFileIsSaidWithWhereToPutIt() throws IOException {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> StorePassword.forHome(Map.of(), null, tmp));
        assertTrue(none.getMessage().contains("set " + StorePassword.ENV + ", or copy the server's store.password"), none.getMessage());
        owned(tmp.resolve(StorePassword.FILE), "");
        assertTrue(assertThrows(IllegalStateException.class, () -> StorePassword.forHome(Map.of(), null, tmp)).getMessage().contains("is empty"));
    }

    private static void owned(Path file, String password) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
    }
}
