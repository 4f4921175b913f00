package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AnswerReaderTest {
    /** A document's text in an answer: big enough that a copy held is the heap's concern (a huge text's is 36 MB). */
    private static final int TEXT_CHARS = 1_000_000;

    @Test
    void eachLineGoesToItsRequestAndTheWaitingOnesGetNullWhenTheWorkerEnds() throws Exception {
        PipedWriter worker = new PipedWriter();
        AnswerReader answers = new AnswerReader(new BufferedReader(new PipedReader(worker, 1 << 16)));
        CompletableFuture<String> first = answers.await(0);
        CompletableFuture<String> second = answers.await(1);
        CompletableFuture<String> unsent = answers.await(2);
        answers.forget(2);
        Thread reading = new Thread(answers, "answers-under-test");
        reading.start();
        worker.write("1\t{\"b\":2}\nnot an answer\n0\t{\"a\":1}\n");
        worker.flush();
        assertEquals("1\t{\"b\":2}", second.get(10, TimeUnit.SECONDS));
        assertEquals("0\t{\"a\":1}", first.get(10, TimeUnit.SECONDS));
        assertNull(unsent.get(10, TimeUnit.SECONDS));
        assertEquals(1, new ObjectMapper().readTree(AnswerReader.json(first.get())).get("a").asInt(),
                "the JSON is read from after the id");
        CompletableFuture<String> lost = answers.await(3);
        worker.close();
        assertNull(lost.get(10, TimeUnit.SECONDS), "the worker ended without answering");
        reading.join(10_000);
        assertNull(answers.await(4).get(0, TimeUnit.SECONDS), "a request after the end is answered at once");
    }

    /**
     * The reading thread waits for the next answer as long as the document before is tagged: while it waits, the last
     * answer (the whole text of a document, as a line) must not be reachable from it. Before round 51 the loop's
     * variables held the line and the request it answered (with its JSON, a copy of the line) until the next answer
     * came: for a huge text two copies of it beside the one being tagged.
     */
    @Test
    void anAnswerHandedOnIsNotKeptWhileTheNextIsAwaited() throws Exception {
        PipedWriter worker = new PipedWriter();
        AnswerReader answers = new AnswerReader(new BufferedReader(new PipedReader(worker, 1 << 16)));
        Thread reading = new Thread(answers, "answers-under-test");
        reading.setDaemon(true);
        reading.start();
        WeakReference<String> answer = answered(answers, worker);
        assertTrue(collected(answer), "the reading thread still holds the answer it handed on");
        assertTrue(reading.isAlive(), "the reader waits for the next answer");
        worker.close();
        reading.join(10_000);
    }

    /** Sends request 0's answer, takes it, and lets go of every strong reference to it here. */
    private static WeakReference<String> answered(AnswerReader answers, PipedWriter worker) throws Exception {
        CompletableFuture<String> answer = answers.await(0);
        worker.write(line());
        worker.flush();
        String got = answer.get(30, TimeUnit.SECONDS);
        assertEquals(TEXT_CHARS + 13, got.length());
        return new WeakReference<>(got);
    }

    private static String line() {
        return "0\t{\"text\":\"" + "æ".repeat(TEXT_CHARS) + "\"}\n";
    }

    /**
     * Whether a full collection clears it: asked a few times, as {@code System.gc()} is a request. Nothing else in the
     * test refers to it, so only the reading thread can keep it.
     */
    private static boolean collected(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ref.get() == null;
    }

    @Test
    void theJsonIsReadFromAfterTheIdWithoutCuttingTheLine() throws IOException {
        assertEquals("ø", new ObjectMapper().readTree(AnswerReader.json("17\t{\"t\":\"ø\"}")).get("t").asText());
        assertEquals(17, AnswerReader.id("17\t{}"));
        assertEquals(-1, AnswerReader.id("no answer"));
    }
}
