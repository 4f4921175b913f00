package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class SearchGateTest {
    @Test
    void aSearchWaitsWhileEveryPlaceIsTakenAndRunsWhenOneIsFree() throws Exception {
        SearchGate gate = new SearchGate(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                gate.through(() -> {
                    inside.countDown();
                    try {
                        leave.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertTrue(inside.await(30, TimeUnit.SECONDS));

        AtomicBoolean secondRan = new AtomicBoolean();
        AtomicReference<String> answer = new AtomicReference<>();
        Thread second = new Thread(() -> {
            try {
                answer.set(gate.through(() -> {
                    secondRan.set(true);
                    return "svar";
                }));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        while (second.getState() != Thread.State.WAITING) {
            assertTrue(second.isAlive(), "the second search went through a full gate");
            Thread.onSpinWait();
        }
        assertFalse(secondRan.get());

        leave.countDown();
        first.join();
        second.join();
        assertTrue(secondRan.get());
        assertEquals("svar", answer.get());
    }

    @Test
    void aSearchThatFailsGivesItsPlaceBack() throws IOException {
        SearchGate gate = new SearchGate(1);
        assertThrows(IOException.class, () -> gate.through(() -> {
            throw new IOException("the index went away");
        }));
        assertEquals(7, gate.through(() -> 7));
    }

    @Test
    void aGateHasAtLeastOnePlace() {
        assertThrows(IllegalArgumentException.class, () -> new SearchGate(0));
    }
}
