package no.evidens.findings.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.FindingStore;

class AuditTrailTest {
    @TempDir
    Path dir;

    private Path chain() {
        return dir.resolve("audit-chain.log");
    }

    private void recordFive() {
        try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
            AuditTrail trail = store.trail(chain());
            trail.record(new AuditEvent("kari", "show", "sak-1", AuditEvent.FILE, "sak-1/journal-3", null));
            trail.record(new AuditEvent("ola", "search", "sak-1", null, null, "samarbeid NAV"));
            trail.record(new AuditEvent("kari", "show", "sak-2", AuditEvent.PASSAGE, "sak-2/d/4", null));
            trail.record(new AuditEvent("ola", "export", "sak-1", AuditEvent.EXPORT, "sak-1.docx", "docx"));
            trail.record(new AuditEvent("kari", "finding-edit", "sak-1", AuditEvent.FINDING, "avvik-1", "version 2"));
        }
    }

    @Test
    void entriesAreNumberedChainedAnchoredAndFilteredByCaseUserAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        recordFive();
        try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
            AuditTrail trail = store.trail(chain());
            List<AuditEntry> all = trail.entries(null, null, null);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), all.stream().map(AuditEntry::id).toList());
            assertEquals(ChainHash.GENESIS, all.get(0).prevHash());
            for (int i = 1; i < all.size(); i++) {
                assertEquals(all.get(i - 1).hash(), all.get(i).prevHash());
            }
            assertEquals(List.of(1L, 2L, 4L, 5L), trail.entries("sak-1", null, null).stream().map(AuditEntry::id).toList());
            assertEquals(List.of(2L, 4L), trail.entries("sak-1", "ola", null).stream().map(AuditEntry::id).toList());
            assertEquals(5, trail.entries(null, null, before).size());
            assertEquals(0, trail.entries(null, null, Instant.now().plusSeconds(60)).size());
            assertEquals(5, Files.readAllLines(chain()).size());
            TrailCheck check = trail.verify();
            assertTrue(check.intact(), check.problems().toString());
            assertEquals(5, check.anchored());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void entriesRecordedTogetherAreChainedInOrderBetweenEntriesRecordedAlone() {
        try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
            AuditTrail trail = store.trail(chain());
            AuditEntry first = trail.record(new AuditEvent("kari", "show", "sak-1", AuditEvent.FILE, "sak-1/journal-3", null));
            List<AuditEntry> together = trail.recordAll(List.of(new AuditEvent("ola", "search", "sak-1", null, null, "samarbeid"),
                    new AuditEvent("kari", "search", "sak-2", null, null, "NAV"), new AuditEvent("ola", "search", null, null, null, "tilsyn")));
            AuditEntry last = trail.record(new AuditEvent("kari", "export", "sak-1", AuditEvent.EXPORT, "sak-1.docx", "docx"));
            assertEquals(List.of(2L, 3L, 4L), together.stream().map(AuditEntry::id).toList());
            assertEquals(List.of("samarbeid", "NAV", "tilsyn"), together.stream().map(AuditEntry::detail).toList());
            assertEquals(first.hash(), together.get(0).prevHash());
            assertEquals(together.get(0).hash(), together.get(1).prevHash());
            assertEquals(together.get(1).hash(), together.get(2).prevHash());
            assertEquals(together.get(2).hash(), last.prevHash());
            assertEquals(5L, last.id());
            assertEquals(List.of(first, together.get(0), together.get(1), together.get(2), last), trail.entries(null, null, null));
            assertEquals(List.of(), trail.recordAll(List.of()));
            TrailCheck check = trail.verify();
            assertTrue(check.intact(), check.problems().toString());
            assertEquals(5, check.anchored());
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() throws SQLException {
        recordFive();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_entry SET actor = 'x' WHERE id = 2"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_entry WHERE id = 5"));
        }
    }

    @Test
    void verifyNamesARowRewrittenWithSql() throws SQLException {
        recordFive();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_entry_append_only");
            s.executeUpdate("UPDATE audit_entry SET actor = 'noen-andre' WHERE id = 3");
        }
        TrailCheck check = verify();
        assertFalse(check.intact());
        assertEquals(3L, check.firstBad());
        assertTrue(check.problems().get(0).startsWith("entry #3 was changed"), check.problems().toString());
        // the same problem as a key and its values, for the workspace's words
        assertEquals("trail.changed", check.keyed().get(0).key());
        assertEquals("3", check.keyed().get(0).args().get(0));
        assertEquals("noen-andre", check.keyed().get(0).args().get(2));
        assertEquals(check.problems().size(), check.keyed().size());
    }

    @Test
    void verifyFindsAChainRecomputedFromARewrittenRowByTheChainFile() throws SQLException {
        recordFive();
        // Rewrite entry 2 and recompute every hash from there, as someone covering their tracks would:
        // the database alone is consistent again, the chain file is not.
        try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
            List<AuditEntry> all = store.trail(chain()).entries(null, null, null);
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_entry_append_only");
                String prev = all.get(0).hash();
                for (AuditEntry e : all.subList(1, all.size())) {
                    AuditEntry changed = new AuditEntry(e.id(), e.at(), e.id() == 2 ? "noen-andre" : e.actor(), e.action(),
                            e.caseId(), e.targetKind(), e.target(), e.detail(), prev, null);
                    String hash = ChainHash.of(changed);
                    s.executeUpdate("UPDATE audit_entry SET actor = '" + changed.actor() + "', prev_hash = '" + prev
                            + "', hash = '" + hash + "' WHERE id = " + e.id());
                    prev = hash;
                }
            }
        }
        TrailCheck check = verify();
        assertFalse(check.intact());
        assertEquals(2L, check.firstBad());
        assertTrue(check.problems().get(0).contains("entry #2 does not match audit-chain.log"), check.problems().toString());
        assertEquals(new TrailProblem("trail.rewritten", List.of("2", "audit-chain.log")), check.keyed().get(0));
    }

    @Test
    void verifyFindsARemovedLastEntry() throws SQLException {
        recordFive();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_entry_append_only");
            s.executeUpdate("DELETE FROM audit_entry WHERE id = 5");
        }
        TrailCheck check = verify();
        assertEquals(5L, check.firstBad());
        assertTrue(check.problems().get(0).contains("not in the database"), check.problems().toString());
        assertEquals(new TrailProblem("trail.removed", List.of("5", "audit-chain.log")), check.keyed().get(0));
    }

    private TrailCheck verify() {
        try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
            return store.trail(chain()).verify();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("findings").toAbsolutePath().resolve(FindingStore.DB_NAME),
                "evidens", "");
    }

    /**
     * Round 50: the chain file opened in an editor that saved it without the last line's end. The next entry's line was
     * joined to the last one ({@code 5 <hash>6 <hash>}), and neither was confirmed again; a line taken out by hand was
     * counted as unconfirmed without saying which. Now the writer starts on a line of its own, a joined line is read as
     * the two it is, and the entries the file does not hold are named.
     */
    @Test
    void aChainFileEditedByHandIsReadAsFarAsItHoldsAndNamesTheEntriesItLacks() throws Exception {
        recordFive();
        List<String> lines = Files.readAllLines(chain());
        // saved without its last line's end, entry #2's line taken out
        Files.writeString(chain(), String.join("\n", lines.get(0), lines.get(2), lines.get(3), lines.get(4)));
        try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
            AuditTrail trail = store.trail(chain());
            trail.record(new AuditEvent("lise", "search", "sak-1", null, null, "plan"));
            assertEquals(lines.get(4), Files.readAllLines(chain()).get(3), "entry #5's line is whole");
            TrailCheck check = trail.verify();
            assertTrue(check.intact(), check.problems().toString());
            assertEquals(5, check.anchored());
            assertEquals(List.of(2L), check.unconfirmed());

            // a file the old writer had already joined: both entries of the joined line are confirmed
            Files.writeString(chain(), lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2) + lines.get(3) + "\n" + lines.get(4) + "\n");
            TrailCheck joined = trail.verify();
            assertEquals(5, joined.anchored(), joined.toString());
            assertEquals(List.of(6L), joined.unconfirmed());
        }
    }
}
