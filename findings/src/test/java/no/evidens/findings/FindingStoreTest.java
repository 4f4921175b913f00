package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingStoreTest {
    @TempDir
    Path dir;

    @Test
    void numbersPerCaseAndKindAndRenumbersAfterADeletion() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            Finding m1 = store.create(Drafts.CASE, FindingKind.MERKNAD, Drafts.finding("Merknad"), "kari");
            Finding a2 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Andre"), "ola");
            Finding a3 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Tredje"), "ola");
            Finding other = store.create("annen-sak", FindingKind.AVVIK, Drafts.finding("Annen"), "ola");
            assertEquals(List.of(1, 1, 2, 3, 1), List.of(a1.number(), m1.number(), a2.number(), a3.number(), other.number()));
            assertEquals("Avvik 2", a2.label());
            assertEquals(Finding.DRAFT, a1.status());
            assertEquals("barnevernloven", a1.requirements().get(0).law());
            assertEquals(List.of("avvik-1", "avvik-2", "avvik-3", "merknad-1"),
                    store.findings(Drafts.CASE).stream().map(Finding::ref).toList());

            store.delete(a2, "ola");
            assertEquals("Tredje", store.finding(Drafts.CASE, "Avvik 2").title());
            assertThrows(IllegalArgumentException.class, () -> store.finding(Drafts.CASE, "avvik-3"));
            assertThrows(IllegalArgumentException.class, () -> store.finding(Drafts.CASE, "funn-1"));
            List<String> actions = store.history(Drafts.CASE, null).stream().map(HistoryEntry::action).toList();
            assertEquals(List.of("create", "create", "create", "create", "delete", "renumber"), actions);
        }
    }

    @Test
    void aMoveToWhereTheQuotationAlreadyIsRecordsNothing() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            long first = store.attach(a1, Drafts.evidence(1), "kari").id();
            long last = store.attach(a1, Drafts.evidence(2), "kari").id();
            int version = store.finding(Drafts.CASE, "avvik-1").version();
            int lines = store.history(Drafts.CASE, null).size();

            assertEquals(1, store.move(first, null, 1, "ola").position());
            assertEquals(2, store.move(last, a1, null, "ola").position());

            assertEquals(List.of(first, last), idsOf(store, a1));
            assertEquals(version, store.finding(Drafts.CASE, "avvik-1").version());
            assertEquals(lines, store.history(Drafts.CASE, null).size());
        }
    }

    @Test
    void attachDetachMoveAndEditKeepPositionsAndHistory() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            Finding a2 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Andre"), "kari");
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                ids.add(store.attach(a1, Drafts.evidence(i), "kari").id());
            }
            store.move(ids.get(3), null, 1, "ola");
            assertEquals(List.of(ids.get(3), ids.get(0), ids.get(1), ids.get(2)), idsOf(store, a1));
            store.detach(ids.get(0), "ola");
            assertEquals(List.of(1, 2, 3), store.evidence(a1.id()).stream().map(EvidenceItem::position).toList());
            store.move(ids.get(1), a2, null, "ola");
            assertEquals(List.of(ids.get(3), ids.get(2)), idsOf(store, a1));
            assertEquals(List.of(ids.get(1)), idsOf(store, a2));
            EvidenceItem moved = store.item(ids.get(1));
            assertEquals("Sitat nummer 2", moved.evidence().quote());
            assertEquals("samarbeid", moved.evidence().provenance().query());
            assertEquals(Drafts.CASE, moved.evidence().provenance().filters().get("case"));

            Finding edited = store.edit(a1, new FindingDraft(null, null, null, "ferdig"), "per");
            assertEquals("ferdig", edited.status());
            assertEquals("per", edited.updatedBy());
            assertEquals("Første", edited.title());
            List<HistoryEntry> h = store.history(Drafts.CASE, a1.id());
            assertEquals("edit", h.get(h.size() - 1).action());
            assertTrue(h.get(h.size() - 1).before().contains("utkast") && h.get(h.size() - 1).after().contains("ferdig"));
            assertThrows(IllegalArgumentException.class, () -> store.detach(ids.get(0), "ola"));
        }
    }

    @Test
    void anEditThatChangesNothingMakesNoNewVersionAndNoHistory() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            Finding same = store.edit(a1, new FindingDraft(null, null, null, null), "ola", a1.version());
            Finding again = store.edit(a1, new FindingDraft("Første", a1.requirements(), a1.text(), a1.status()), "ola", a1.version());
            assertEquals(a1.version(), same.version());
            assertEquals(a1.version(), again.version());
            assertEquals("kari", again.updatedBy());
            assertEquals(List.of("create"), store.history(Drafts.CASE, a1.id()).stream().map(HistoryEntry::action).toList());
            // A stale version is still refused, even for a change that changes nothing.
            Finding edited = store.edit(a1, new FindingDraft("Ny tittel", null, null, null), "ola", a1.version());
            assertEquals(a1.version() + 1, edited.version());
            assertThrows(StaleFinding.class, () -> store.edit(a1, new FindingDraft(null, null, null, null), "ola", a1.version()));
        }
    }

    @Test
    void aFieldLongerThanItsColumnIsRefusedByName() {
        try (FindingStore store = FindingStore.open(dir)) {
            String longest = "t".repeat(FindingStore.MAX_TITLE);
            Finding fits = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding(longest), "kari");
            assertEquals(longest, fits.title());
            FindingsRefusal tooLong = assertThrows(FindingsRefusal.class,
                    () -> store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding(longest + "t"), "kari"));
            assertEquals("error.field.longer-than", tooLong.key());
            assertEquals(List.of("title", "4000", "4001"), tooLong.args());
            FindingsRefusal status = assertThrows(FindingsRefusal.class,
                    () -> store.edit(fits, new FindingDraft(null, null, null, "s".repeat(41)), "kari"));
            assertEquals("status", status.args().get(0));
            FindingsRefusal law = assertThrows(FindingsRefusal.class, () -> store.edit(fits, new FindingDraft(null,
                    List.of(new LegalRequirement("l".repeat(401), List.of("§ 1"), "Kravet")), null, null), "kari"));
            assertEquals("requirements", law.args().get(0));
            assertEquals(1, store.findings(Drafts.CASE).size(), "nothing half made");
            assertEquals(1, store.finding(Drafts.CASE, "avvik-1").version(), "the refused edits changed nothing");
        }
    }

    @Test
    void createsAFindingWithItsFirstQuotationOrNothing() {
        try (FindingStore store = FindingStore.open(dir)) {
            EvidenceItem first = store.createWithEvidence(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), Drafts.evidence(1), "kari");
            Finding a1 = store.findingById(first.findingId()).orElseThrow();
            assertEquals("avvik-1", a1.ref());
            assertEquals(List.of(first), store.evidence(a1.id()));
            assertEquals(List.of("create", "attach"), store.history(Drafts.CASE, a1.id()).stream().map(HistoryEntry::action).toList());

            EvidenceDraft otherCase = Drafts.evidence(2);
            EvidenceDraft wrong = new EvidenceDraft("annen-sak/doc1/2", "annen-sak/doc1/2", otherCase.docId(), otherCase.start(),
                    otherCase.end(), otherCase.quote(), otherCase.title(), otherCase.file(), otherCase.type(), 1, 1,
                    otherCase.sha256(), null, Stance.SUPPORTS, null, null);
            assertThrows(IllegalArgumentException.class,
                    () -> store.createWithEvidence(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Andre"), wrong, "kari"));
            assertEquals(List.of("avvik-1"), store.findings(Drafts.CASE).stream().map(Finding::ref).toList());
            assertEquals(2, store.history(Drafts.CASE, null).size());
        }
    }

    @Test
    void theHistoryIsAppendOnlyInTheDatabaseItself() throws SQLException {
        try (FindingStore store = FindingStore.open(dir)) {
            store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            assertEquals(Migrations.latest(), store.schemaVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "");
             Statement s = c.createStatement()) {
            assertTrue(assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM history")).getMessage().contains("append-only"));
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE history SET actor = 'mallory'"));
        }
    }

    @Test
    void aStoreMadeBeforeTheModuleMoveKeepsItsHistoryAppendOnly() throws Exception {
        // A store as the code before the findings module made it: schema 1, its trigger naming the old class.
        String v1 = new String(Migrations.class.getResourceAsStream("db/V1__findings.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("no.evidens.findings.AppendOnlyTrigger", "no.evidens.index.findings.AppendOnlyTrigger")
                .replace("CREATE TRIGGER", "CREATE FORCE TRIGGER");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "");
             Statement s = c.createStatement()) {
            for (String sql : Migrations.statements(v1)) {
                s.execute(sql);
            }
            s.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, description VARCHAR(400) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1, 'v1', CURRENT_TIMESTAMP)");
        }
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
            store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "");
             Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM history"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }

    @Test
    void threadsAttachingAtOnceLoseNothing() throws Exception {
        Finding a1;
        try (FindingStore store = FindingStore.open(dir)) {
            a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 100;
            futures.add(pool.submit(() -> {
                try (FindingStore store = FindingStore.open(dir)) {
                    for (int i = 1; i <= 10; i++) {
                        store.attach(a1, Drafts.evidence(base + i), "t" + base);
                        store.create(Drafts.CASE, FindingKind.MERKNAD, Drafts.finding("M"), "t" + base);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(40, store.evidence(a1.id()).size());
            assertEquals(rangeTo(40), store.evidence(a1.id()).stream().map(EvidenceItem::position).toList());
            List<Integer> merknader = store.findings(Drafts.CASE).stream().filter(f -> f.kind() == FindingKind.MERKNAD)
                    .map(Finding::number).toList();
            assertEquals(rangeTo(40), merknader);
        }
    }

    @Test
    void importsACaseWithItsHistoryOnce() {
        List<ImportedFinding> exported = new ArrayList<>();
        List<HistoryEntry> history;
        try (FindingStore store = FindingStore.open(dir.resolve("a"))) {
            Finding a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            store.attach(a1, Drafts.evidence(1), "kari");
            store.attach(a1, Drafts.evidence(2), "kari");
            for (Finding f : store.findings(Drafts.CASE)) {
                exported.add(new ImportedFinding(f, store.evidence(f.id())));
            }
            history = store.history(Drafts.CASE, null);
        }
        try (FindingStore store = FindingStore.open(dir.resolve("b"))) {
            store.importCase("flyttet", exported, history, "per");
            Finding a1 = store.finding("flyttet", "avvik-1");
            assertEquals("kari", a1.createdBy());
            assertEquals(exported.get(0).finding().createdAt(), a1.createdAt());
            assertEquals(List.of("Sitat nummer 1", "Sitat nummer 2"),
                    store.evidence(a1.id()).stream().map(i -> i.evidence().quote()).toList());
            assertEquals(3, store.history("flyttet", a1.id()).size());
            assertEquals("import", store.history("flyttet", null).get(3).action());
            assertThrows(IllegalArgumentException.class, () -> store.importCase("flyttet", exported, history, "per"));
        }
    }

    private static List<Long> idsOf(FindingStore store, Finding f) {
        return store.evidence(f.id()).stream().map(EvidenceItem::id).toList();
    }

    private static List<Integer> rangeTo(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }
}
