package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

class StoreOutageTest {
    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-06T16:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What H2's client throws when the server took the connection and did not answer in time. */
    private static RuntimeException timedOut() {
        return new IllegalStateException("cannot open the findings store", new SQLException("Connection is broken", "08006",
                ErrorCode.CONNECTION_BROKEN_1, new SocketTimeoutException("Read timed out")));
    }

    @Test
    void afterATimeOutRequestsAreAnsweredAtOnceUntilALookOffTheirThreadsFindsTheStoreAgain() {
        Moving clock = new Moving();
        AtomicBoolean answers = new AtomicBoolean(false);
        List<Runnable> looks = new ArrayList<>();
        StoreOutage outage = new StoreOutage(clock, () -> {
            if (!answers.get()) {
                throw timedOut();
            }
        }, looks::add);
        assertFalse(outage.known());

        outage.failed(timedOut());
        assertTrue(outage.known(), "the next request is answered at once");
        assertEquals(5, outage.retryAfterSeconds() - 1);
        assertTrue(looks.isEmpty(), "no look during the hold");

        clock.now = clock.now.plus(StoreOutage.HOLD);
        assertTrue(outage.known(), "still answered at once while the store is looked at");
        assertTrue(outage.known());
        assertEquals(1, looks.size(), "one look at a time");
        looks.remove(0).run();
        assertTrue(outage.known(), "the store still hangs: held again");
        assertTrue(looks.isEmpty());

        clock.now = clock.now.plus(StoreOutage.HOLD);
        answers.set(true);
        assertTrue(outage.known());
        looks.remove(0).run();
        assertFalse(outage.known(), "the store answers: requests go to it again");
    }

    @Test
    void aRefusedConnectionOrAnotherFailureIsNotRemembered() {
        StoreOutage outage = new StoreOutage(new Moving(), () -> { }, Runnable::run);
        outage.failed(new IllegalStateException("x", new SQLException("Connection is broken", "08006", ErrorCode.CONNECTION_BROKEN_1,
                new ConnectException("Connection refused"))));
        outage.failed(new IllegalStateException("x", new SocketTimeoutException("a slow upload's client")));
        outage.failed(new SQLException("Wrong user name or password", "28000", ErrorCode.WRONG_USER_OR_PASSWORD));
        assertFalse(outage.known(), "a stopped server or a wrong password is said by the store in milliseconds: nothing to remember");
    }

    @Test
    void aFullPoolIsToldAsBusyInBothLanguagesAndNotRememberedAsAnOutage() {
        RuntimeException busy = new IllegalStateException("a request", new no.evidens.pipeline.store.StoreBusy(
                "all 8 connections of this process to evidens-findings stayed in use for 10 s", new SQLException("Login timeout",
                "08001", 8001)));
        assertTrue(ErrorTexts.message(no.evidens.pipeline.lang.Language.NB, busy).startsWith("Evidens er travelt akkurat nå"),
                ErrorTexts.message(no.evidens.pipeline.lang.Language.NB, busy));
        assertTrue(ErrorTexts.message(no.evidens.pipeline.lang.Language.NN, busy).startsWith("Evidens er travelt akkurat no"),
                ErrorTexts.message(no.evidens.pipeline.lang.Language.NN, busy));

        StoreOutage outage = new StoreOutage(new Moving(), () -> { }, Runnable::run);
        outage.failed(busy);
        assertFalse(outage.known(), "the server answers: the next request may find a connection free");
    }
}
