package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import no.evidens.findings.StoreInUse;
import no.evidens.pipeline.findings.FailedCheck;
import no.evidens.pipeline.findings.LastCheck;
import no.evidens.pipeline.findings.Verification;

/**
 * The workspace's checks of quotations: one per case at a time, a few on the server, each off the request's thread with
 * its progress; a failure kept with its catalogue key. The runner here waits for the test to let it go, so what is
 * refused while a check runs is known without timing.
 */
class QuotationChecksTest {
    private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CountDownLatch> entered = new ConcurrentHashMap<>();

    /** The checks kept in the home, as the service keeps them (here: set by the test). */
    private final ConcurrentHashMap<String, LastCheck> kept = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, FailedCheck> keptFailed = new ConcurrentHashMap<>();

    private final QuotationChecks checks = new QuotationChecks((caseId, by, progress) -> {
        progress.checked(0, 2);
        progress.checked(1, 2);
        latch(entered, caseId).countDown();
        try {
            if (!latch(gates, caseId).await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (caseId.equals("opptatt")) {
            throw new StoreInUse("in use", null);
        }
        progress.checked(2, 2);
        Instant now = Instant.now();
        return new LastCheck(caseId, by, now.toString(), now.toString(),
                List.of(new Verification("avvik-1", 1, 1, "a.txt", 0, 5, Verification.OK, List.of(), null, Verification.SOURCE_SAME, true, null)));
    }, caseId -> Optional.ofNullable(kept.get(caseId)), caseId -> Optional.ofNullable(keptFailed.get(caseId)));

    private static CountDownLatch latch(ConcurrentHashMap<String, CountDownLatch> latches, String caseId) {
        return latches.computeIfAbsent(caseId, c -> new CountDownLatch(1));
    }

    private void letGo(String caseId) {
        latch(gates, caseId).countDown();
    }

    private static QuotationChecks.Check finished(QuotationChecks.Check c) throws InterruptedException {
        for (int i = 0; i < 3000 && c.running(); i++) {
            Thread.sleep(10);
        }
        return c;
    }

    @Test
    void aSecondCheckOfTheSameCaseIsRefusedWhileTheFirstRunsAndTheServerTakesOnlyAFew() throws Exception {
        java.util.concurrent.atomic.AtomicInteger recorded = new java.util.concurrent.atomic.AtomicInteger();
        QuotationChecks.Check a = checks.start("sak-a", "kari", recorded::incrementAndGet);
        ApiError again = assertThrows(ApiError.class, () -> checks.start("sak-a", "ola", recorded::incrementAndGet));
        assertEquals(409, again.status());
        assertEquals("error.verify.running", again.key());
        assertEquals(List.of("sak-a", "kari"), again.args());
        QuotationChecks.Check b = checks.start("sak-b", "ola", recorded::incrementAndGet);
        assertEquals(2, QuotationChecks.MAX_RUNNING, "this test fills the server with two");
        ApiError full = assertThrows(ApiError.class, () -> checks.start("sak-c", "per", recorded::incrementAndGet));
        assertEquals(429, full.status());
        assertEquals(2, recorded.get(), "only the checks that started are in the trail");
        assertTrue(latch(entered, "sak-a").await(30, TimeUnit.SECONDS));
        assertEquals("running", a.state());
        assertEquals(2, a.total());
        assertEquals(1, a.done());
        letGo("sak-a");
        assertEquals("done", finished(a).state());
        assertEquals(1, a.results().size());
        assertEquals(2, a.done());
        assertNull(a.error());
        // room again: the third case, and the first case once more
        letGo("sak-c");
        QuotationChecks.Check c = checks.start("sak-c", "per", recorded::incrementAndGet);
        assertEquals("done", finished(c).state());
        letGo("sak-b");
        assertEquals("done", finished(b).state());
        assertEquals(a.started, checks.last("sak-a").started);
        assertNull(checks.last("sak-x"));
    }

    @Test
    void theNewerOfTheCheckMadeHereAndTheOneKeptInTheHomeIsTheLast() throws Exception {
        Verification changed = new Verification("avvik-1", 1, 1, "a.txt", 0, 5, Verification.CHANGED, List.of("the source file has changed"),
                null, Verification.SOURCE_CHANGED, true, null);
        // kept before the server started (or by the command line): shown as a finished check
        kept.put("sak-g", new LastCheck("sak-g", "ola", "2026-12-05T10:00:00Z", "2026-12-05T10:01:00Z", List.of(changed)));
        QuotationChecks.Check before = checks.last("sak-g");
        assertEquals("done", before.state());
        assertEquals("ola", before.by);
        assertEquals(1, before.total());
        assertEquals(List.of(changed), before.results());
        // a check made here afterwards is newer than the kept one
        letGo("sak-g");
        QuotationChecks.Check here = finished(checks.start("sak-g", "kari", () -> { }));
        assertEquals("kari", checks.last("sak-g").by);
        // then one on the command line, newer still
        kept.put("sak-g", new LastCheck("sak-g", "per", here.finished().toString(), here.finished().plusSeconds(1).toString(), List.of(changed)));
        assertEquals("per", checks.last("sak-g").by);
    }

    @Test
    void aCheckWhoseTrailLineCannotBeWrittenDoesNotStart() {
        assertThrows(IllegalStateException.class, () -> checks.start("sak-d", "kari", () -> {
            throw new IllegalStateException("the audit trail was not written in time");
        }));
        assertNull(checks.last("sak-d"));
    }

    @Test
    void aFailedCheckKeepsTheKeyOfWhyAndGivesItsPlaceBack() throws Exception {
        letGo("opptatt");
        QuotationChecks.Check c = finished(checks.start("opptatt", "kari", () -> { }));
        assertEquals("failed", c.state());
        assertEquals(StoreInUse.KEY, c.error().key());
        assertNull(c.results());
        letGo("sak-e");
        letGo("sak-f");
        assertEquals("done", finished(checks.start("sak-e", "kari", () -> { })).state());
        assertEquals("done", finished(checks.start("sak-f", "kari", () -> { })).state());
    }

    /**
     * A check that failed, kept in the home after the last finished one (before a restart, or on the command line): shown
     * as failed, with who, when and why in the catalogue's words, until a check finishes after it. (Before, a failed check
     * lived in the server's memory only.)
     */
    @Test
    void aFailedCheckKeptInTheHomeIsShownUntilACheckFinishesAfterIt() throws Exception {
        Verification holds = new Verification("avvik-1", 1, 1, "a.txt", 0, 5, Verification.OK, List.of(), null, Verification.SOURCE_SAME, true, null);
        kept.put("sak-h", new LastCheck("sak-h", "ola", "2026-12-05T10:00:00Z", "2026-12-05T10:01:00Z", List.of(holds)));
        keptFailed.put("sak-h", new FailedCheck("kari", "2026-12-05T11:00:00Z", "2026-12-05T11:00:05Z", FailedCheck.UNREADABLE));
        QuotationChecks.Check failed = checks.last("sak-h");
        assertEquals("failed", failed.state());
        assertEquals("kari", failed.by);
        assertEquals(Instant.parse("2026-12-05T11:00:05Z"), failed.finished());
        assertEquals("verify.failed.unreadable", failed.error().key());
        assertEquals("en kildefil kunne ikke leses, eller prosessen som åpner e-post og arkiver, stoppet.",
                ErrorTexts.word(no.evidens.pipeline.lang.Language.NB, failed.error()));
        assertNull(failed.results());
        // a check made here afterwards finishes: it is the last
        letGo("sak-h");
        finished(checks.start("sak-h", "per", () -> { }));
        assertEquals("done", checks.last("sak-h").state());
        assertEquals("per", checks.last("sak-h").by);
    }
}
