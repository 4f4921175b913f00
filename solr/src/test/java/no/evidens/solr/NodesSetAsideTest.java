package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The order in which a request tries the nodes, with some set aside (a clock of the test's, not the machine's). */
class NodesSetAsideTest {
    private static final List<String> NODES = List.of("a", "b", "c");

    private final AtomicLong clock = new AtomicLong(1_000);
    private final NodesSetAside aside = new NodesSetAside(30_000, clock::get);

    @Test
    void aNodeSetAsideComesLastUntilItAnswers() {
        aside.failed("a");
        assertEquals(List.of("b", "c", "a"), aside.order(NODES));
        aside.answered("a");
        assertEquals(NODES, aside.order(NODES));
    }

    @Test
    void afterItsWhileOneRequestTriesItFirstAndTheOthersStillLast() {
        aside.failed("b");
        clock.addAndGet(30_000);
        assertEquals(List.of("b", "a", "c"), aside.order(NODES), "the first request after the while");
        assertEquals(List.of("a", "c", "b"), aside.order(NODES), "a request at the same time");
        clock.addAndGet(29_999);
        assertEquals(List.of("a", "c", "b"), aside.order(NODES), "the while runs again from the retry");
        clock.addAndGet(1);
        assertEquals(List.of("b", "a", "c"), aside.order(NODES), "and then one request tries it again");
    }

    @Test
    void everyNodeSetAsideIsStillTried() {
        NODES.forEach(aside::failed);
        assertEquals(NODES, aside.order(NODES));
    }
}
