package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.CliRun;

/**
 * The store server's certificate over the years, without a server: its keystore's own password, a renewal, its end told and
 * refused, and a home taking a new certificate.
 */
class StoreCertificateTest {
    @TempDir
    Path tmp;

    @Test
    void aKeystoreMadeWithTheAdministratorsPasswordGetsOneOfItsOwnSoAChangeOfThatPasswordDoesNotStrandIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("server"));
        // as round 51 made it: the keystore's password the administrator's, no password file of its own
        StoreKeystore.make(dir, dir.resolve(StoreKeystore.KEYSTORE), StoreKeystore.san("127.0.0.1"), "admin-en", 3650, null);
        StoreKeystore.Opened first = StoreKeystore.open(dir, "127.0.0.1", "admin-en");
        assertTrue(first.migrated(), "moved off the administrator's password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(StoreKeystore.PASSWORD_FILE))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(StoreKeystore.KEYSTORE))));

        StoreKeystore.Opened afterChange = StoreKeystore.open(dir, "127.0.0.1", "admin-to");
        assertFalse(afterChange.migrated());
        assertEquals(StoreTls.fingerprint(first.certificate()), StoreTls.fingerprint(afterChange.certificate()),
                "the same key, opened after the administrator's password changed");
    }

    @Test
    void aRenewalMakesANewCertificateAndKeepsTheOldKeystoreDatedAndOwnerOnly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("server"));
        String old = StoreTls.fingerprint(StoreKeystore.open(dir, "10.0.0.5", "admin").certificate());
        Files.writeString(dir.resolve(StoreKeystore.CERTIFICATE), StoreTls.pem(StoreKeystore.open(dir, "10.0.0.5", "admin").certificate()));

        StoreKeystore.Renewed r = StoreKeystore.renew(dir, 365);
        assertNotEquals(old, r.fingerprint());
        assertEquals(old, r.previousFingerprint());
        assertFalse(r.running(), "no server on the folder");
        assertTrue(r.kept().getFileName().toString().matches("store-tls-\\d{8}T\\d{6}Z\\.p12"), r.kept().toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.kept())));
        assertEquals(r.fingerprint(), StoreTls.fingerprint(StoreTrust.certificate(dir.resolve(StoreKeystore.CERTIFICATE))),
                "the certificate to copy to the homes is the new one");
        X509Certificate now = StoreKeystore.open(dir, "10.0.0.5", "admin").certificate();
        assertEquals(r.fingerprint(), StoreTls.fingerprint(now), "the server opens the new key");
        assertTrue(now.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("10.0.0.5")), "made for the same address");
        assertEquals(365, r.expiry().daysLeft(Instant.now()));

        assertThrows(IllegalArgumentException.class, () -> StoreKeystore.renew(tmp.resolve("no-such"), 365));
    }

    @Test
    void anExpiredCertificateIsRefusedByTheServerAndByAHomeNamingTheRenewal() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("server"));
        StoreKeystore.open(dir, "127.0.0.1", "admin");
        StoreKeystore.Renewed r = StoreKeystore.renew(dir, 1, "-3d");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> StoreTls.serve(dir, "127.0.0.1", "admin"));
        assertTrue(refused.getMessage().contains("expired on " + r.expiry().date() + ": make a new one with 'evidens store renew-cert"
                + " --dir " + dir + "'"), refused.getMessage());

        StoreServer server = new StoreServer("127.0.0.1", 29_999, true);
        StoreTls.Untrusted home = assertThrows(StoreTls.Untrusted.class, () -> StoreTls.checkExpiry(server, r.certificate(), Instant.now()));
        assertTrue(home.getMessage().contains("expired on " + r.expiry().date() + ": its administrator makes a new one with 'evidens store"
                + " renew-cert --dir DIR'"), home.getMessage());
        assertTrue(StoreTls.seen(server).orElseThrow().health(Instant.now()).startsWith("expired on "));
    }

    @Test
    void aCertificateIsToldAsEndingFromSixtyDaysBefore() {
        Instant end = Instant.parse("2027-03-01T12:00:00Z");
        CertificateExpiry e = new CertificateExpiry(end);
        assertFalse(e.nearing(end.minus(Duration.ofDays(61))));
        assertEquals("valid until 2027-03-01 (in 61 days)", e.health(end.minus(Duration.ofDays(61))));
        assertTrue(e.nearing(end.minus(Duration.ofDays(60))));
        assertEquals("valid until 2027-03-01 (in 1 day): make a new one on the store server (evidens store renew-cert --dir DIR) and"
                + " give it to each home (evidens store trust)", e.health(end.minus(Duration.ofHours(3))));
        assertTrue(e.expired(end.plusSeconds(1)));
        assertFalse(e.nearing(end.plusSeconds(1)));
    }

    @Test
    void aHomeTakesTheNewCertificateAndRefusesAFileThatIsNone() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("server"));
        X509Certificate old = StoreKeystore.open(dir, "127.0.0.1", "admin").certificate();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(HomeStores.SETTINGS), "store: ssl://127.0.0.1:9092\n");
        Files.writeString(home.resolve(StoreKeystore.CERTIFICATE), StoreTls.pem(old));
        StoreKeystore.Renewed r = StoreKeystore.renew(dir, 3650);

        CliRun keystore = CliRun.of("store", "trust", "--home", home.toString(), "--cert", dir.resolve(StoreKeystore.KEYSTORE).toString());
        assertEquals(2, keystore.code());
        assertTrue(keystore.err().contains("holds a private key (it is a keystore"), keystore.err());
        Path text = Files.writeString(tmp.resolve("store.password"), "ikke et sertifikat\n");
        CliRun none = CliRun.of("store", "trust", "--home", home.toString(), "--cert", text.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("is not a certificate"), none.err());
        assertEquals(StoreTls.fingerprint(old), StoreTls.fingerprint(StoreTrust.certificate(home.resolve(StoreKeystore.CERTIFICATE))),
                "refused: the home's certificate untouched");

        CliRun both = CliRun.of("store", "trust", "--home", home.toString(), "--cert", dir.resolve(StoreKeystore.CERTIFICATE).toString(),
                "--keep-old");
        assertEquals(0, both.code(), both.err());
        assertEquals(List.of(r.fingerprint(), StoreTls.fingerprint(old)),
                List.copyOf(StoreTrust.fingerprints(home, HomeStores.settings(new EvidensHome(home)).getProperty(StoreTrust.SETTING))));
        assertTrue(both.out().contains("and still SHA-256 " + StoreTls.fingerprint(old) + ", until you run this again without --keep-old"),
                both.out());

        CliRun only = CliRun.of("store", "trust", "--home", home.toString(), "--fingerprint", "sha256:" + r.fingerprint().toLowerCase());
        assertEquals(0, only.code(), only.err());
        assertEquals(List.of("store: ssl://127.0.0.1:9092", "store-trust: sha256:" + r.fingerprint()),
                Files.readAllLines(home.resolve(HomeStores.SETTINGS)), "the new one alone, the old one's trust ended");
    }
}
