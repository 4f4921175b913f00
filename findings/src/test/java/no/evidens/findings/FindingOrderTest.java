package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's own order of a case's findings: moved by the report writer, numbered in the report by it, references kept. */
class FindingOrderTest {
    @TempDir
    Path dir;

    @Test
    void aFindingMovedBeforeAnotherOfItsKindIsNumberedByItsPlaceAndKeepsItsReference() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            store.create(Drafts.CASE, FindingKind.MERKNAD, Drafts.finding("Merknad"), "kari");
            Finding a2 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Andre"), "ola");

            List<Finding> after = store.order(List.of(a2), 1, "siri", a2.version());
            assertEquals(List.of("avvik-2", "avvik-1", "merknad-1"), refs(after));
            assertEquals(List.of("Avvik 1", "Avvik 2", "Merknad 1"), after.stream().map(Finding::label).toList());
            assertEquals(List.of(1, 2, 3), after.stream().map(Finding::position).toList());
            Finding moved = store.finding(Drafts.CASE, "avvik-2");
            assertEquals("Andre", moved.title());
            assertEquals(a2.version() + 1, moved.version());
            assertEquals("siri", moved.updatedBy());
            assertEquals(a1.version(), store.finding(Drafts.CASE, "avvik-1").version(), "moved past, not changed");

            HistoryEntry h = last(store.history(Drafts.CASE, a2.id()));
            assertEquals("order", h.action());
            assertEquals("siri", h.actor());
            assertEquals("{\"position\":2,\"label\":\"Avvik 2\"}", h.before());
            assertEquals("{\"position\":1,\"label\":\"Avvik 1\"}", h.after());

            // a merknad between two avvik; then several at once, in the order given
            assertEquals(List.of("avvik-2", "merknad-1", "avvik-1"), refs(store.order(List.of(store.finding(Drafts.CASE, "merknad-1")), 2, "siri", null)));
            List<Finding> all = store.order(List.of(store.finding(Drafts.CASE, "avvik-1"), store.finding(Drafts.CASE, "avvik-2")), 1, "siri", null);
            assertEquals(List.of("avvik-1", "avvik-2", "merknad-1"), refs(all));
            assertEquals(List.of("Avvik 1", "Avvik 2", "Merknad 1"), all.stream().map(Finding::label).toList());
        }
    }

    @Test
    void aMoveToWhereItIsChangesNothingAndAPlacePastTheEndIsTheLast() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Andre"), "kari");
            store.order(List.of(a1), 1, "siri", null);
            assertEquals(a1.version(), store.finding(Drafts.CASE, "avvik-1").version());
            assertEquals(List.of("create"), store.history(Drafts.CASE, a1.id()).stream().map(HistoryEntry::action).toList());
            assertEquals(List.of("avvik-2", "avvik-1"), refs(store.order(List.of(a1), 99, "siri", null)));
        }
    }

    @Test
    void newFindingsGoAfterTheLastOfTheirKindAndADeletionClosesTheGap() {
        try (FindingStore store = FindingStore.open(dir)) {
            store.create(Drafts.CASE, FindingKind.MERKNAD, Drafts.finding("Merknad"), "kari");
            store.create(Drafts.CASE, FindingKind.OBSERVASJON, Drafts.finding("Observasjon"), "kari");
            store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            Finding a2 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Andre"), "kari");
            assertEquals(List.of("avvik-1", "avvik-2", "merknad-1", "observasjon-1"), refs(store.findings(Drafts.CASE)));
            store.order(List.of(a2), 1, "siri", null);
            Finding a3 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Tredje"), "kari");
            assertEquals("Avvik 3", a3.label());
            assertEquals(List.of("avvik-2", "avvik-1", "avvik-3", "merknad-1", "observasjon-1"), refs(store.findings(Drafts.CASE)));

            store.delete(store.finding(Drafts.CASE, "avvik-1"), "kari");
            // the later avvik move up a number (the deletion renumbers as before); the report's order stays, its places close up
            List<Finding> left = store.findings(Drafts.CASE);
            assertEquals(List.of("avvik-1", "avvik-2", "merknad-1", "observasjon-1"), refs(left));
            assertEquals(List.of("Andre", "Tredje"), left.subList(0, 2).stream().map(Finding::title).toList());
            assertEquals(List.of(1, 2, 3, 4), left.stream().map(Finding::position).toList());
            assertEquals(List.of("Avvik 1", "Avvik 2"), left.subList(0, 2).stream().map(Finding::label).toList());
        }
    }

    @Test
    void anApprovedFindingStaysWhereItIsAClosedCaseIsNotReorderedAndAStaleMoveIsRefused() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            Finding a2 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Andre"), "kari");
            assertThrows(StaleFinding.class, () -> store.order(List.of(a2), 1, "siri", a2.version() - 1));
            Finding sent = store.review(a1, ReviewStep.SUBMIT, false, "kari", null);
            store.review(sent, ReviewStep.APPROVE, true, "leder", null);
            assertThrows(FindingLocked.class, () -> store.order(List.of(a1), 2, "siri", null));
            // another may move past it: its approval and content stay, its number in the report follows its place
            List<Finding> after = store.order(List.of(a2), 1, "siri", null);
            assertEquals(List.of("avvik-2", "avvik-1"), refs(after));
            assertEquals(Finding.APPROVED, after.get(1).status());

            store.lifecycle().close(Drafts.CASE, "leder");
            assertThrows(CaseClosed.class, () -> store.order(List.of(store.finding(Drafts.CASE, "avvik-1")), 1, "siri", null));
            assertEquals(List.of("avvik-2", "avvik-1"), refs(store.findings(Drafts.CASE)));
        }
    }

    /** A store written by the schema before the report's order (version 9) keeps the order its findings had: by kind, then number. */
    @Test
    void aStoreMadeBeforeTheOrderKeepsItsFindingsInTheOrderTheyHad() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "")) {
            c.setAutoCommit(false);
            assertEquals(9, Migrations.migrate(c, 9));
            try (Statement s = c.createStatement()) {
                // inserted out of order, as a store written over weeks holds them
                for (String[] f : new String[][] {{"merknad", "1"}, {"avvik", "2"}, {"observasjon", "1"}, {"avvik", "1"}, {"merknad", "2"}}) {
                    for (String caseId : List.of(Drafts.CASE, "annen-2026")) {
                        s.execute("INSERT INTO finding (case_id, kind, number, title, text, status, created_by, created_at, updated_by, updated_at)"
                                + " VALUES ('" + caseId + "', '" + f[0] + "', " + f[1] + ", 'Tittel', 'Tekst', 'utkast', 'kari', CURRENT_TIMESTAMP,"
                                + " 'kari', CURRENT_TIMESTAMP)");
                    }
                }
            }
            c.commit();
        }
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
            for (String caseId : List.of(Drafts.CASE, "annen-2026")) {
                List<Finding> all = store.findings(caseId);
                assertEquals(List.of("avvik-1", "avvik-2", "merknad-1", "merknad-2", "observasjon-1"), refs(all));
                assertEquals(List.of(1, 2, 3, 4, 5), all.stream().map(Finding::position).toList());
                assertTrue(all.stream().allMatch(f -> f.reportNumber() == f.number()), "the report numbers them as before");
            }
            Finding m2 = store.finding(Drafts.CASE, "merknad-2");
            assertEquals(List.of("merknad-2", "avvik-1"), refs(store.order(List.of(m2), 1, "siri", null)).subList(0, 2));
            assertEquals(List.of("avvik-1", "avvik-2"), refs(store.findings("annen-2026")).subList(0, 2), "the other case untouched");
        }
    }

    private static List<String> refs(List<Finding> findings) {
        return findings.stream().map(Finding::ref).toList();
    }

    private static HistoryEntry last(List<HistoryEntry> h) {
        return h.get(h.size() - 1);
    }
}
