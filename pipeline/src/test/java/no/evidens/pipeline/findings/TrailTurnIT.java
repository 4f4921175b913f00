package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.findings.trail.TrailCheck;
import no.evidens.pipeline.fixture.ChildJvm;

/**
 * A server's trail writer keeps the findings store open while searches keep coming, and still a command in
 * another process that waits for the store gets its turn within seconds, the searches going on.
 */
class TrailTurnIT {
    @TempDir
    Path home;

    @Test
    void aCommandInAnotherProcessGetsTheStoreWhileEntriesKeepComing() throws Exception {
        Path store = home.resolve("findings");
        Path chain = home.resolve(AuditService.CHAIN_FILE);
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (TrailWriter writer = new TrailWriter(store, chain, Duration.ofSeconds(30))) {
            writer.record(new AuditEvent("kari", "search", "sak-1", null, null, "«plan», 3 treff"));
            Thread searches = new Thread(() -> {
                while (!stop.get()) {
                    writer.record(new AuditEvent("kari", "search", "sak-1", null, null, "«plan», 3 treff"));
                    written.incrementAndGet();
                }
            });
            searches.setDaemon(true);
            searches.start();
            Thread.sleep(1_500);
            try {
                Process p = new ProcessBuilder(ChildJvm.with(ChildJvm.of(StoreTurnChild.class), store.toString(), "50"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                assertTrue(p.waitFor(90, TimeUnit.SECONDS));
                // within the command's 50 s wait for the lock, so before the longest hold (60 s; and with entries
                // coming without a lull, the store is otherwise held for the longest busy hold, 10 min): the writer let
                // go because the command said it waits. (No bound on the time waited besides: each attempt to open the
                // store takes seconds on a busy machine.)
                assertEquals(0, p.exitValue(), "the command got the store and wrote its finding, waited " + out + " ms");
                // the searches' entries go on being written: one more is enough, waited for (a fixed half second could
                // pass with the writing thread not scheduled on a loaded machine)
                int before = written.get();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (written.get() == before && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertTrue(written.get() > before, "the searches' entries go on being written");
            } finally {
                stop.set(true);
                searches.join(30_000);
            }
        }
        try (FindingStore s = FindingStore.open(store)) {
            assertEquals(1, s.findings("sak-1").size());
            TrailCheck check = s.trail(chain).verify();
            assertTrue(check.intact(), check.problems().toString());
        }
    }
}
