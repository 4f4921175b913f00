package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEntry;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.findings.trail.TrailCheck;

/**
 * The server's audit-trail writer: entries from many requests at once are all written, numbered and chained
 * in order, each in the chain file, and in the store by the time {@code record} returns; a closed writer
 * takes no more; the store is kept while entries keep coming and nobody says they wait, and let go at a lull.
 */
class TrailWriterTest {
    @TempDir
    Path home;

    @Test
    void entriesFromManyRequestsAtOnceAreAllWrittenAndChained() throws Exception {
        Path store = home.resolve("findings");
        Path chain = home.resolve(AuditService.CHAIN_FILE);
        Set<Long> ids = new TreeSet<>();
        try (TrailWriter writer = new TrailWriter(store, chain, Duration.ofSeconds(20))) {
            ExecutorService requests = Executors.newFixedThreadPool(8);
            try {
                List<Future<AuditEntry>> done = new java.util.ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    done.add(requests.submit(() -> {
                        AuditEntry e = writer.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«plan " + n + "», 3 treff"));
                        try (FindingStore s = FindingStore.open(store)) {
                            // committed when record returns: another connection sees it
                            assertTrue(s.trail(chain).entries(null, null, null).stream().anyMatch(x -> x.id() == e.id()));
                        }
                        return e;
                    }));
                }
                for (Future<AuditEntry> f : done) {
                    ids.add(f.get().id());
                }
            } finally {
                requests.shutdown();
            }
        }
        assertEquals(200, ids.size());
        assertEquals(1L, ids.iterator().next());
        assertEquals(200L, ((TreeSet<Long>) ids).last());
        assertEquals(200, Files.readAllLines(chain).size(), "one chain line per entry");
        assertTrailIntact(store, chain, 200);
    }

    /**
     * Commits that fail one after another (the chain file cannot be written: a file where its folder should be, as a full
     * disk is faked without root) are each refused to their request, and logged once, not once per commit; once the
     * chain can be written the next entry is, and that is said once. (Before, every failed commit logged its own line.)
     */
    @Test
    void commitsThatKeepFailingAreLoggedOnceAndOnceMoreWhenTheyWorkAgain() throws Exception {
        Path inTheWay = Files.writeString(home.resolve("spor"), "ikke en mappe");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        System.setErr(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try (TrailWriter writer = new TrailWriter(home.resolve("findings"), inTheWay.resolve(AuditService.CHAIN_FILE), Duration.ofSeconds(20))) {
            for (int i = 0; i < 5; i++) {
                AuditEvent e = new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«plan», 3 treff");
                assertThrows(RuntimeException.class, () -> writer.record(e));
            }
            Files.delete(inTheWay);
            Files.createDirectories(inTheWay);
            writer.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«plan», 3 treff"));
            writer.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«plan», 3 treff"));
        } finally {
            System.setErr(was);
        }
        String logged = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, logged.split("audit trail entries not written", -1).length - 1, logged);
        assertEquals(1, logged.split("audit trail entries are written again", -1).length - 1, logged);
    }

    @Test
    void aClosedWriterTakesNoMoreEntries() {
        TrailWriter writer = new TrailWriter(home.resolve("findings"), home.resolve(AuditService.CHAIN_FILE), Duration.ofSeconds(20));
        writer.record(new AuditEvent("kari", "export", "fjordvik-2026", AuditEvent.EXPORT, "funn.md", "md"));
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.record(new AuditEvent("kari", "export", "fjordvik-2026", null, null, null)));
    }

    @Test
    void whileEntriesKeepComingTheStoreIsKeptPastTheLongestHold() {
        Path store = home.resolve("findings");
        Path chain = home.resolve(AuditService.CHAIN_FILE);
        int written;
        // the longest hold far shorter than the time entries keep coming; the lull far longer than a pause between them
        try (TrailWriter writer = new TrailWriter(store, chain, Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofMinutes(10))) {
            written = keepRecording(writer);
            assertEquals(1, writer.opened(), "nobody waited for the store: it was never let go while entries came");
        }
        assertTrailIntact(store, chain, written);
    }

    @Test
    void afterTheLongestHoldTheStoreIsLetGoAtALull() throws Exception {
        Path store = home.resolve("findings");
        Path chain = home.resolve(AuditService.CHAIN_FILE);
        try (TrailWriter writer = new TrailWriter(store, chain, Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMinutes(10))) {
            writer.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«plan», 3 treff"));
            // held past the longest hold, then a lull: let go (for a process that could not say it waits), taken again
            Thread.sleep(1_500);
            writer.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«tilsyn», 5 treff"));
            assertEquals(2, writer.opened());
        }
        try (FindingStore s = FindingStore.open(store)) {
            assertEquals(2, s.trail(chain).verify().entries());
        }
    }

    @Test
    void heldForTheLongestBusyHoldTheStoreIsLetGoThoughEntriesKeepComing() {
        Path store = home.resolve("findings");
        Path chain = home.resolve(AuditService.CHAIN_FILE);
        int written;
        try (TrailWriter writer = new TrailWriter(store, chain, Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofMillis(300))) {
            written = keepRecording(writer);
            // let go and taken again (its file compacted as H2 closes it), no entry lost
            assertTrue(writer.opened() > 1, "opened " + writer.opened() + " times");
        }
        assertTrailIntact(store, chain, written);
    }

    /** Records a search's entry after another for 1.5 s, at least 20 of them, each waiting for its line; how many. */
    private static int keepRecording(TrailWriter writer) {
        int written = 0;
        long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
        while (System.nanoTime() < until || written < 20) {
            writer.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«plan», 3 treff"));
            written++;
        }
        return written;
    }

    /** The trail in the store and its chain file verify intact and hold {@code entries} entries. */
    private static void assertTrailIntact(Path store, Path chain, int entries) {
        try (FindingStore s = FindingStore.open(store)) {
            TrailCheck check = s.trail(chain).verify();
            assertTrue(check.intact(), check.problems().toString());
            assertEquals(entries, check.entries());
        }
    }

    /**
     * A full disk under the chain file (Linux's {@code /dev/full}, which refuses every write with ENOSPC, as a full disk
     * does): the request's line is refused as the trail's and the disk's, so the web can tell the person that only the
     * recording of their reading failed.
     */
    @Test
    void aLineThatAFullDiskRefusesIsRefusedAsTheTrailsOnAFullDisk() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "a system with /dev/full");
        Path chain = Files.createSymbolicLink(home.resolve(AuditService.CHAIN_FILE), full);
        try (TrailWriter writer = new TrailWriter(home.resolve("findings"), chain, Duration.ofSeconds(20))) {
            TrailNotWritten refused = assertThrows(TrailNotWritten.class,
                    () -> writer.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "«plan», 3 treff")));
            assertTrue(no.evidens.pipeline.Messages.diskFull(refused), refused.getMessage());
        } finally {
            // the link, not /dev/full: JUnit's clean-up warns of a link out of its folder
            Files.delete(chain);
        }
    }
}
