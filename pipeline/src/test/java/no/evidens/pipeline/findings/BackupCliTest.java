package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.access.AccessStore;
import no.evidens.access.Role;
import no.evidens.pipeline.fixture.CliRun;

/**
 * A home backed up and restored into a new one: every quotation verifies there, so does the audit trail, and the accounts
 * and roles per case are there.
 */
class BackupCliTest {
    @TempDir
    Path tmp;
    String out;
    String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void restoresIntoANewHomeWhereEveryQuotationVerifies() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        String home = fx.home.toString();
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "avvik", "--title", "Ingen oversikt", "--home", home), err);
        assertEquals(0, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2), "--home", home), err);
        assertEquals(0, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(3), "--home", home), err);
        assertEquals(0, run("show", fx.passageId(1), "--user", "kari", "--home", home), err);
        // the case's last check of its quotations: the restored home's export still tells it
        assertEquals(0, run("verify", "--case", c, "--home", home), err);
        Path check = Path.of("checks", c + ".json");
        assertTrue(Files.isRegularFile(fx.home.resolve(check)), "verify keeps its check");

        // what a re-ingest must still read again (a container missing a document, a file that failed) survives a restore
        Path mark = Path.of("incomplete", c, "a".repeat(64) + ".json");
        Path failed = Path.of("failed", "b".repeat(64) + ".json");
        Files.createDirectories(fx.home.resolve(mark).getParent());
        Files.createDirectories(fx.home.resolve(failed).getParent());
        Files.writeString(fx.home.resolve(mark), "{\"path\":\"pakke.zip\",\"missing\":{\"pakke.zip!/notat.txt\":\"timed out\"},\"missedReadings\":1}");
        Files.writeString(fx.home.resolve(failed), "{\"reason\":\"damaged\"}");
        // which documents are earlier versions of corrected files: search in the restored home leaves them out still
        Path versions = Path.of("versions", c + ".json");
        Files.createDirectories(fx.home.resolve(versions).getParent());
        Files.writeString(fx.home.resolve(versions), "{\"current\":{},\"superseded\":{}}");

        // a team's accounts and roles per case: without them nobody could sign in to the restored home
        try (AccessStore access = AccessStore.open(fx.home.resolve("access"))) {
            access.addUser("kari", "Langt-passord-1".toCharArray(), true);
            access.addMember(c, "kari", Role.LEAD, "kari");
        }

        // the home's own codebook (it tags the next ingestions) and settings file
        Files.writeString(fx.home.resolve("codebook.yaml"), "# the home's own indicators\n");
        Files.writeString(fx.home.resolve("evidens.properties"), "# no engine but the embedded index\n");

        Path backup = tmp.resolve("backup");
        assertEquals(0, run("backup", "--to", backup.toString(), "--home", home), err);
        assertTrue(out.contains(", the findings store, the accounts, "), out);
        assertTrue(out.startsWith("Backed up " + home + " to " + backup), out);
        assertEquals(2, run("backup", "--to", backup.toString(), "--home", home));
        assertTrue(err.contains("is not empty"), err);

        Path restored = tmp.resolve("restored");
        assertEquals(0, run("restore", "--from", backup.toString(), "--home", restored.toString()), err);
        assertTrue(out.contains("into " + restored), out);
        assertEquals(Files.readString(fx.home.resolve(mark)), Files.readString(restored.resolve(mark)));
        assertEquals(Files.readString(fx.home.resolve(failed)), Files.readString(restored.resolve(failed)));
        assertEquals(Files.readString(fx.home.resolve(versions)), Files.readString(restored.resolve(versions)));
        assertEquals(Files.readString(fx.home.resolve(check)), Files.readString(restored.resolve(check)));
        for (String setting : new String[] {"codebook.yaml", "evidens.properties"}) {
            assertEquals(Files.readString(fx.home.resolve(setting)), Files.readString(restored.resolve(setting)), setting);
        }
        assertEquals(0, run("verify", "--case", c, "--home", restored.toString()), out + err);
        assertTrue(out.contains("2 quotations checked: {ok=2}"), out);
        assertEquals(0, run("audit", "verify", "--home", restored.toString()), err);
        assertTrue(out.contains("The audit trail is intact: 6 entries, 6 confirmed"), out); // both checks are entries
        assertEquals(0, run("member", "list", "--case", c, "--home", restored.toString()), err);
        assertTrue(out.matches("(?s)kari\\s+lead\\s*"), out);
        assertEquals(0, run("user", "list", "--home", restored.toString()), err);
        assertTrue(out.startsWith("kari") && out.contains("admin"), out);
        assertEquals(0, run("finding", "list", "--case", c, "--home", restored.toString()), err);
        assertTrue(out.contains("avvik-1"), out);
        assertEquals(2, run("restore", "--from", backup.toString(), "--home", restored.toString()));
        assertTrue(err.contains("not empty"), err);
        assertEquals(2, run("restore", "--from", tmp.resolve("bundle").toString(), "--home", tmp.resolve("x").toString()));
        assertTrue(err.contains("is not an Evidens backup"), err);
    }

    @Test
    void aBackupThatFailsHalfWayLeavesNoHalfBackup() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp, "journal");
        String home = fx.home.toString();
        assertEquals(0, run("finding", "create", "--case", CaseFixture.CASE, "--kind", "avvik", "--title", "Ingen oversikt",
                "--home", home), err);
        // a receipt that cannot be copied (a link to nothing), after the index and the findings store are: the copy
        // fails half-way, as on a full disk
        Files.createSymbolicLink(fx.home.resolve("receipts").resolve("borte.json"), tmp.resolve("finnes-ikke"));

        Path made = tmp.resolve("backup-ny");
        assertEquals(1, run("backup", "--home", home, "--to", made.toString()));
        assertTrue(Files.notExists(made), "the folder it made is taken away: " + err);
        Path empty = Files.createDirectories(tmp.resolve("backup-tom"));
        assertEquals(1, run("backup", "--home", home, "--to", empty.toString()));
        try (var left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "the empty folder given is left empty: " + err);
        }
    }

    @Test
    void aHomeThatIsNotThereIsRefusedRatherThanBackedUpEmpty() throws Exception {
        Path misspelt = tmp.resolve("evidens-dta");
        assertEquals(2, run("backup", "--home", misspelt.toString(), "--to", tmp.resolve("bk").toString()));
        assertEquals("evidens: there is no home " + misspelt + ": nothing to back up (give the home with --home, or set EVIDENS_HOME)",
                err.strip());
        Path other = Files.createDirectories(tmp.resolve("dokumenter"));
        assertEquals(2, run("backup", "--home", other.toString(), "--to", tmp.resolve("bk").toString()));
        assertTrue(err.startsWith("evidens: " + other + " is not an Evidens home"), err);
        assertTrue(Files.notExists(tmp.resolve("bk")), "no backup folder made");
    }

    /**
     * The certificate a home trusts for its store server over TLS ({@code store-tls.crt}, or the file its
     * {@code store-trust:} line names) is in the backup and back in the restored home, at the same place: without it, the
     * restored home's {@code store:} line put back cannot reach the server.
     */
    @Test
    void theStoreServersCertificateTheHomeTrustsIsBackedUpAndRestored() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        for (String trust : new String[] {null, "sertifikater/lager.crt"}) {
            Path home = Files.createDirectories(tmp.resolve("home-" + (trust == null ? "default" : "named")));
            Files.createDirectories(home.resolve("receipts"));
            Path cert = home.resolve(trust == null ? "store-tls.crt" : trust);
            Files.createDirectories(cert.getParent());
            Files.writeString(cert, pem);
            if (trust != null) {
                Files.writeString(home.resolve("evidens.properties"), "store-trust: " + trust + "\n");
            }
            Path backup = tmp.resolve("backup-" + home.getFileName());
            assertEquals(0, run("backup", "--to", backup.toString(), "--home", home.toString()), err);
            Path restored = tmp.resolve("restored-" + home.getFileName());
            assertEquals(0, run("restore", "--from", backup.toString(), "--home", restored.toString()), err);
            Path again = restored.resolve(home.relativize(cert));
            assertTrue(Files.isRegularFile(again), "the certificate is restored to " + again);
            assertEquals(pem, Files.readString(again));
        }
    }

    /**
     * Round 52: a certificate trusted from outside the home (a file shared by several homes on the machine) was left out of the
     * backup, and the restored home's line still named the old place. It is now in the backup, restored into the new home,
     * and the line names it there, which restore says.
     */
    @Test
    void aCertificateTrustedFromOutsideTheHomeIsCarriedIntoTheRestoredHome() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";
        Path shared = Files.createDirectories(tmp.resolve("etc-evidens")).resolve("lager.crt");
        Files.writeString(shared, pem);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("receipts"));
        Files.writeString(home.resolve("evidens.properties"), "# lagertjeneren\nstore-trust: " + shared + ", sha256:" + "AB:".repeat(31)
                + "AB\n");
        Path backup = tmp.resolve("backup");
        assertEquals(0, run("backup", "--to", backup.toString(), "--home", home.toString()), err);
        Files.delete(shared); // the machine is gone: the backup alone holds it
        Path restored = tmp.resolve("restored");
        assertEquals(0, run("restore", "--from", backup.toString(), "--home", restored.toString()), err);
        Path again = restored.resolve("store-trust/lager.crt");
        assertEquals(pem, Files.readString(again));
        assertEquals(List.of("# lagertjeneren", "store-trust: store-trust/lager.crt, sha256:" + "AB:".repeat(31) + "AB"),
                Files.readAllLines(restored.resolve("evidens.properties")), "the line names the restored copy, the fingerprint kept");
        assertTrue(out.contains("the store server's certificate it trusted from outside the home, " + shared + ", is restored as "
                + again + ": its 'store-trust:' line now names that"), out);
    }
}
