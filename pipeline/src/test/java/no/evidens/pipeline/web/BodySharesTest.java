package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each client's share of the bodies read at once: two each, counted apart, given back; none in the single-user mode. */
class BodySharesTest {
    @Test
    void aClientHoldsItsShareAndNoMoreWhileOthersHoldTheirs() {
        BodyShares shares = new BodyShares(2);
        assertTrue(shares.take("user ola"));
        assertTrue(shares.take("user ola"));
        assertFalse(shares.take("user ola"), "a third body of ola's");
        assertTrue(shares.take("user kari"), "kari's first");
        assertTrue(shares.take("address 10.0.0.7"), "before sign-in, by address");
        shares.give("user ola");
        assertTrue(shares.take("user ola"), "one given back, one taken again");
        assertFalse(shares.take("user ola"));
    }

    @Test
    void aShareGivenBackWhollyIsForgottenAndTheSingleUserModeHasNone() {
        BodyShares shares = new BodyShares(1);
        assertTrue(shares.take("user per"));
        shares.give("user per");
        shares.give("user per"); // given back once too often: no credit beyond the share
        assertTrue(shares.take("user per"));
        assertFalse(shares.take("user per"));
        BodyShares alone = new BodyShares(0);
        for (int i = 0; i < 20; i++) {
            assertTrue(alone.take("user testar"));
        }
    }

    @Test
    void aRequestRightAfterTheClientsLastAnswerWaitsForItsShareToComeBack() throws Exception {
        BodyShares shares = new BodyShares(2);
        assertTrue(shares.take("user ola"));
        assertTrue(shares.take("user ola"));
        // the two answers are with ola already; their shares come back a moment later, as the server's threads finish
        Thread giver = new Thread(() -> {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shares.give("user ola");
        });
        giver.start();
        assertTrue(shares.take("user ola"), "ola's next request is no third body on its way");
        giver.join();
        long t0 = System.nanoTime();
        assertFalse(shares.take("user ola"), "still two on their way: refused");
        assertTrue(System.nanoTime() - t0 >= java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(BodyShares.GRACE_MS),
                "refused only after the grace");
    }
}
