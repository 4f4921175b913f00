package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of one store at once (two store objects, each its own connection, as two web requests of one server are):
 * each new finding gets a place of its own in the report.
 */
class FindingPlacesTest {
    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    @Test
    void twoStoresCreatingAtTheSameMomentGiveEachFindingItsOwnPlace() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (FindingStore first = FindingStore.open(dir); FindingStore second = FindingStore.open(dir)) {
            // one of each kind first, so that a new avvik or merknad goes between others (room is made) and an
            // observasjon at the end (no room made): both ways
            first.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Avvik"), "kari");
            first.create(Drafts.CASE, FindingKind.MERKNAD, Drafts.finding("Merknad"), "kari");
            first.create(Drafts.CASE, FindingKind.OBSERVASJON, Drafts.finding("Observasjon"), "kari");
            FindingKind[][] pairs = {
                    {FindingKind.AVVIK, FindingKind.MERKNAD}, {FindingKind.OBSERVASJON, FindingKind.OBSERVASJON},
                    {FindingKind.MERKNAD, FindingKind.OBSERVASJON}, {FindingKind.AVVIK, FindingKind.AVVIK}};
            CyclicBarrier together = new CyclicBarrier(2);
            for (int round = 0; round < ROUNDS; round++) {
                FindingKind[] kinds = pairs[round % pairs.length];
                String title = "Runde " + round;
                List<Future<Finding>> made = new ArrayList<>();
                made.add(two.submit(() -> {
                    together.await();
                    return first.create(Drafts.CASE, kinds[0], Drafts.finding(title + " a"), "kari");
                }));
                made.add(two.submit(() -> {
                    together.await();
                    return second.create(Drafts.CASE, kinds[1], Drafts.finding(title + " b"), "ola");
                }));
                for (Future<Finding> f : made) {
                    f.get();
                }
            }
            List<Finding> all = first.findings(Drafts.CASE);
            assertEquals(3 + 2 * ROUNDS, all.size());
            assertEquals(IntStream.rangeClosed(1, all.size()).boxed().toList(),
                    all.stream().map(Finding::position).sorted().toList(), "each finding its own place, 1 to n");
            // and the order is still the kinds' (avvik, merknad, observasjon), none moved by hand
            assertEquals(all.stream().map(Finding::kind).sorted().toList(), all.stream().map(Finding::kind).toList());
        } finally {
            two.shutdownNow();
        }
    }

    /** The first two findings of a new case made at once: the case's lock row is made by one, and waited on by the other. */
    @Test
    void twoStoresCreatingTheFirstFindingsOfANewCaseGiveEachItsOwnPlace() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (FindingStore first = FindingStore.open(dir); FindingStore second = FindingStore.open(dir)) {
            CyclicBarrier together = new CyclicBarrier(2);
            for (int round = 0; round < 10; round++) {
                String caseId = "ny-sak-" + round;
                List<Future<Finding>> made = new ArrayList<>();
                made.add(two.submit(() -> {
                    together.await();
                    return first.create(caseId, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
                }));
                made.add(two.submit(() -> {
                    together.await();
                    return second.create(caseId, FindingKind.MERKNAD, Drafts.finding("Merknad"), "ola");
                }));
                for (Future<Finding> f : made) {
                    f.get();
                }
                assertEquals(List.of(1, 2), first.findings(caseId).stream().map(Finding::position).toList(), caseId);
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** A store of version 10 whose two findings got one place (made at once before the lock): numbered 1 to n again. */
    @Test
    void placesSharedBeforeTheLockAreNumberedAgainInTheOrderTheFindingsWereMade() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "")) {
            c.setAutoCommit(false);
            assertEquals(10, Migrations.migrate(c, 10));
            try (Statement s = c.createStatement()) {
                // avvik-1 at 1; avvik-2 and merknad-1 both at 2 (made at once, merknad-1 second); observasjon-1 at 3
                for (String[] f : new String[][] {{"avvik", "1", "1"}, {"avvik", "2", "2"}, {"merknad", "1", "2"}, {"observasjon", "1", "3"}}) {
                    s.execute("INSERT INTO finding (case_id, kind, number, title, text, status, created_by, created_at, updated_by,"
                            + " updated_at, position) VALUES ('" + Drafts.CASE + "', '" + f[0] + "', " + f[1] + ", 'Tittel', 'Tekst',"
                            + " 'utkast', 'kari', CURRENT_TIMESTAMP, 'kari', CURRENT_TIMESTAMP, " + f[2] + ")");
                }
            }
            c.commit();
        }
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
            List<Finding> all = store.findings(Drafts.CASE);
            assertEquals(List.of("avvik-1", "avvik-2", "merknad-1", "observasjon-1"), all.stream().map(Finding::ref).toList());
            assertEquals(List.of(1, 2, 3, 4), all.stream().map(Finding::position).toList());
        }
    }
}
