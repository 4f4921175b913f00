package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** When an ingestion commits: a quarter of the bundle at a time, a twentieth once a minute has passed, 25 at least. */
class CommitPolicyTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void aBundleIsCommittedAQuarterAtATimeWhileItGoesQuickly() {
        CommitPolicy policy = CommitPolicy.forBundle(1_000);
        assertFalse(policy.due(50, SECOND), "a twentieth, a second after the last commit");
        assertFalse(policy.due(249, 59 * SECOND));
        assertTrue(policy.due(250, SECOND), "a quarter");
        assertTrue(policy.due(251, 0));
    }

    @Test
    void aMinuteAfterTheLastCommitATwentiethIsEnough() {
        CommitPolicy policy = CommitPolicy.forBundle(1_000);
        assertFalse(policy.due(49, 61 * SECOND), "less than a twentieth, however long it took");
        assertTrue(policy.due(50, 60 * SECOND));
        // a large bundle stays durable about once a minute, a twentieth apart at least
        CommitPolicy large = CommitPolicy.forBundle(100_000);
        assertFalse(large.due(4_999, 120 * SECOND));
        assertTrue(large.due(5_000, 61 * SECOND));
        assertFalse(large.due(24_999, 30 * SECOND));
        assertTrue(large.due(25_000, 30 * SECOND));
    }

    @Test
    void neverFewerThan25DocumentsApart() {
        for (int files : new int[] {0, 1, 99, 100}) {
            CommitPolicy policy = CommitPolicy.forBundle(files);
            assertFalse(policy.due(24, 3_600 * SECOND), files + " files, an hour after the last commit");
            assertTrue(policy.due(25, 0), files + " files");
        }
        CommitPolicy policy = CommitPolicy.forBundle(300);
        assertFalse(policy.due(24, 3_600 * SECOND));
        assertTrue(policy.due(25, 60 * SECOND));
        assertFalse(policy.due(74, 59 * SECOND));
        assertTrue(policy.due(75, 0));
    }
}
