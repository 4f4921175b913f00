package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Commands are processes of their own: a node one found hung is passed over by the next (its set-aside read from the
     * home's file), and after the while only the first to ask tries it again, whichever process it is.
     */
    @Test
    void theNextCommandKnowsTheNodeAsideAndOnlyOneTriesItAgain(@TempDir Path home) {
        NodesAsideFile file = new NodesAsideFile(home.resolve("solr-nodes-set-aside.txt"));
        new NodesSetAside(30_000, clock::get, file).failed("a");
        NodesSetAside second = new NodesSetAside(30_000, clock::get, file);
        assertEquals(List.of("b", "c", "a"), second.order(NODES), "the next command passes it over");
        clock.addAndGet(30_000);
        NodesSetAside third = new NodesSetAside(30_000, clock::get, file);
        assertEquals(List.of("a", "b", "c"), second.order(NODES), "after the while one command tries it first");
        assertEquals(List.of("b", "c", "a"), third.order(NODES), "and another command at the same time does not");
        second.answered("a");
        NodesSetAside fourth = new NodesSetAside(30_000, clock::get, file);
        assertEquals(NODES, fourth.order(NODES), "it answered: back for the next command");
        clock.addAndGet(30_000);
        assertEquals(NODES, third.order(NODES), "and for a command that still had it aside, once its while is over");
    }

    /** A home where the file cannot be written (a folder in its place) sets nodes aside in the process only, and fails nothing. */
    @Test
    void aFileThatCannotBeWrittenIsNoFailure(@TempDir Path home) throws IOException {
        Path blocked = Files.createDirectories(home.resolve("solr-nodes-set-aside.txt"));
        NodesSetAside first = new NodesSetAside(30_000, clock::get, new NodesAsideFile(blocked));
        first.failed("a");
        assertEquals(List.of("b", "c", "a"), first.order(NODES));
        clock.addAndGet(30_000);
        assertEquals(NODES, first.order(NODES), "tried again after its while, as in a process of its own");
        assertEquals(NODES, new NodesSetAside(30_000, clock::get, new NodesAsideFile(blocked)).order(NODES));
    }
}
