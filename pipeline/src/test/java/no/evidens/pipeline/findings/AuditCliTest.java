package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;
import no.evidens.findings.FindingStore;

/** The audit trail from the command line: who was shown which journal, finding changes, the listing, CSV and verify. */
class AuditCliTest {
    @TempDir
    Path tmp;
    CaseFixture fx;
    String out;
    String err;

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(fx.home.toString());
        CliRun r = CliRun.of(all);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void recordsWhoWasShownWhichJournalAndWhoChangedWhichFindingAndVerifiesTheChain() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        assertEquals(0, run("document", fx.docId, "--case", c, "--user", "kari"), err);
        assertEquals(0, run("show", fx.passageId(2), "--user", "ola"), err);
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "avvik", "--user", "ola", "--title", "Ingen oversikt"), err);

        assertEquals(0, run("audit", "--case", c), err);
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).matches("#1 \\S+ kari show-document file " + fx.docId + " \\(journal, evidens document\\)"), lines.get(0));
        assertTrue(lines.get(1).contains(" ola show-passage passage " + fx.passageId(2) + " (journal, evidens show"), lines.get(1));
        assertTrue(lines.get(2).contains(" ola finding-create finding avvik-1"), lines.get(2));
        assertFalse(out.contains("Ingen samlet oversikt"), "no document text in the trail");

        assertEquals(0, run("audit", "--case", c, "--user", "kari", "--csv"), err);
        List<String> csv = out.lines().toList();
        assertEquals("id,time,user,action,case,target_kind,target,detail,prev_hash,hash", csv.get(0));
        assertEquals(2, csv.size(), out);
        assertEquals(0, run("audit", "--case", c, "--since", "2999-01-01"), err);
        assertTrue(out.startsWith("No audit entries for case " + c), out);
        assertEquals(2, run("audit", "--case", c, "--since", "i går"));
        assertTrue(err.contains("is not a date"), err);

        assertEquals(0, run("audit", "verify"), err);
        assertTrue(out.contains("intact: 3 entries, 3 confirmed by audit-chain.log"), out);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + fx.home.resolve("findings").resolve(FindingStore.DB_NAME),
                "evidens", ""); Statement s = db.createStatement()) {
            s.execute("DROP TRIGGER audit_entry_append_only");
            s.executeUpdate("UPDATE audit_entry SET actor = 'noen' WHERE id = 2");
        }
        assertEquals(1, run("audit", "verify"));
        assertTrue(err.contains("tampered with from entry #2"), err);
        assertTrue(err.contains("entry #2 was changed after it was written"), err);
    }

    @Test
    void aGovernanceDocumentShownIsNotRecorded() throws Exception {
        fx = CaseFixture.create(tmp);
        assertEquals(0, run("document", fx.docId, "--case", CaseFixture.CASE, "--user", "kari"), err);
        assertEquals(0, run("audit", "--case", CaseFixture.CASE), err);
        assertTrue(out.startsWith("No audit entries"), out);
    }

    @Test
    void aFindingShownWithQuotationsFromAJournalIsRecorded() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "avvik", "--title", "Ingen oversikt"), err);
        assertEquals(0, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2)), err);
        assertEquals(0, run("finding", "show", "avvik-1", "--case", c, "--user", "rapportskriver"), err);
        assertEquals(0, run("finding", "list", "--case", c, "--user", "rapportskriver"), err);
        assertEquals(0, run("audit", "--case", c, "--user", "rapportskriver"), err);
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size(), out);
        assertTrue(lines.get(0).contains(" rapportskriver show-quotations finding avvik-1 (siterer " + fx.docId + ", evidens finding show)"),
                lines.get(0));
    }

    /**
     * Round 47: {@code evidens search} printed passages of journals and {@code finding history} the quotations' words with
     * no line in the trail, and the history printed a finding's own fødselsnummer as written. Each now writes its line (a
     * search: query and count, a fødselsnummer typed masked; the history: the findings and the documents it quotes).
     */
    @Test
    void aSearchAndAFindingsHistoryFromTheCommandLineAreRecordedAndTheHistoryMasksPersonalNumbers() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "avvik", "--title", "Ingen oversikt",
                "--text", "Gjelder barnet 150378-10034."), err);
        assertEquals(0, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2)), err);
        assertEquals(0, run("search", "ansvarsgruppe", "--case", c, "--user", "kari"), err);
        assertEquals(0, run("finding", "history", "--case", c, "--user", "ola"), err);
        assertFalse(out.contains("150378-10034"), out);
        assertTrue(out.contains("Gjelder barnet [fødselsnummer]."), out);

        assertEquals(0, run("audit", "--case", c, "--user", "kari"), err);
        assertTrue(out.matches("(?s)#\\d+ \\S+ kari search \\(«ansvarsgruppe», [1-9]\\d* treff\\)\\R"), out);
        assertEquals(0, run("audit", "--case", c, "--user", "ola"), err);
        assertTrue(out.contains(" ola show-quotations finding avvik-1 (siterer " + fx.docId + ", evidens finding history)"), out);
    }

    /**
     * Round 50, an administrator's slips: {@code audit --user U} (which the README gives for sign-ins, entries of no case)
     * was refused for want of a case; a date written the Norwegian way was no date; a misspelt case or person was answered
     * "No audit entries", as if nobody had read anything there; and {@code audit verify} counted the entries the chain
     * file lacks without naming them.
     */
    @Test
    void anAdministratorsSlipsAreToldAndAPersonsEntriesAreListedAcrossCases() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        assertEquals(0, run("document", fx.docId, "--case", c, "--user", "kari"), err);
        new AuditService(new no.evidens.pipeline.EvidensHome(fx.home), FindingStore.DEFAULT_LOCK_WAIT)
                .record("kari", "sign-in-failed", null, "account", "kari", "feil brukernavn eller passord");

        assertEquals(0, run("audit", "--user", "kari"), err);
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).contains(" kari show-document case " + c + " file " + fx.docId), lines.get(0));
        assertTrue(lines.get(1).matches("#2 \\S+ kari sign-in-failed account kari \\(feil brukernavn eller passord\\)"), lines.get(1));

        String today = java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu"));
        assertEquals(0, run("audit", "--case", c, "--since", today), err);
        assertTrue(out.contains(" kari show-document file " + fx.docId), out);
        assertEquals(2, run("audit", "--case", c, "--since", "31.02.2026"));
        assertTrue(err.contains("'31.02.2026' is not a date"), err);

        assertEquals(2, run("audit", "--case", "testvik-2062"));
        assertEquals("evidens: there is no case testvik-2062 in " + fx.home + ": no bundle was ingested into it, it has no finding"
                + " and no member (the cases: " + c + ")", err.strip());
        assertEquals(0, run("audit", "--case", c, "--user", "karii"), err);
        assertEquals("No audit entries for case " + c + " by karii (entries in this case are by: kari)", out.strip());

        List<String> chain = java.nio.file.Files.readAllLines(fx.home.resolve("audit-chain.log"));
        java.nio.file.Files.write(fx.home.resolve("audit-chain.log"), chain.subList(1, chain.size()));
        assertEquals(0, run("audit", "verify"), err);
        assertTrue(out.contains("intact: 2 entries, 1 confirmed by audit-chain.log"), out);
        assertTrue(out.contains("not in audit-chain.log: #1 (the database's own chain holds it;"), out);
    }
}
