package no.evidens.pipeline.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an extraction worker's answers (one line each: the id of the request it answers, a tab, the JSON) on a
 * thread of its own, and hands each line to the request awaiting it; when the worker ends, every request still
 * waiting is answered with null.
 *
 * <p>A line is handed on whole and in a method of its own: the reading loop keeps no variable that still refers to
 * the last line (or to the request it answered) while the next line is awaited. A line holds the document's whole
 * text, and this thread waits for the next answer as long as the ingest takes to tag the one before: the loop's
 * variables, kept by the interpreter as long as the loop runs, held a huge text's answer twice over (the line and the
 * JSON cut from it) while it was tagged (round 51).
 */
final class AnswerReader implements Runnable {
    private final BufferedReader out;
    /** The answers awaited, by request id; each completed with null once the worker has ended. */
    private final Map<Long, CompletableFuture<String>> awaited = new ConcurrentHashMap<>();
    /** Whether the worker has ended (guarded by this). */
    private boolean ended;

    AnswerReader(BufferedReader out) {
        this.out = out;
    }

    /** The answer line to request {@code id} when it comes; completed with null at once when the worker has ended. */
    synchronized CompletableFuture<String> await(long id) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        if (ended) {
            answer.complete(null);
        } else {
            awaited.put(id, answer);
        }
        return answer;
    }

    /** A request that could not be sent: answered with null. */
    void forget(long id) {
        CompletableFuture<String> answer = awaited.remove(id);
        if (answer != null) {
            answer.complete(null);
        }
    }

    /** Hands each answer line to the request it answers, until the worker ends. */
    @Override
    public void run() {
        while (handOn(readLine())) {
            // each line handed on by handOn, which keeps nothing
        }
        synchronized (this) {
            ended = true;
        }
        awaited.values().forEach(a -> a.complete(null));
        awaited.clear();
    }

    /** Hands one line to its request; false at the end of the worker's output. */
    private boolean handOn(String line) {
        if (line == null) {
            return false;
        }
        CompletableFuture<String> answer = awaited.remove(id(line));
        if (answer != null) {
            answer.complete(line);
        }
        return true;
    }

    private String readLine() {
        try {
            return out.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** The request id an answer line begins with; -1 (no request's) for a line that is not an answer. */
    static long id(String line) {
        int tab = line.indexOf(ExtractionWorker.SEPARATOR);
        try {
            return tab < 0 ? -1 : Long.parseLong(line.substring(0, tab));
        } catch (NumberFormatException e) {
            // Not an answer (nothing else should write there): passed over, as the thread must go on reading.
            return -1;
        }
    }

    /**
     * The JSON of an answer line, read where it stands in the line: a copy of it (a substring) was a second copy of the
     * document's text.
     */
    static Reader json(String line) {
        StringReader json = new StringReader(line);
        try {
            json.skip(line.indexOf(ExtractionWorker.SEPARATOR) + 1L);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader never fails to skip
        }
        return json;
    }
}
