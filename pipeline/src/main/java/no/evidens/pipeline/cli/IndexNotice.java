package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;

import no.evidens.index.IndexUnreachableException;

/**
 * What {@code serve} says, after its address, about a search index that did not answer the server's warm-up (a
 * SolrCloud cluster down or hung): that it has not answered yet, when the address is printed before it did; then,
 * when the warm-up ends, that it does not answer (and what the workspace does meanwhile) or that it answers now.
 * Nothing when it answered before the address was printed. English, as every line of the command line.
 */
final class IndexNotice {
    static final String NOT_YET = "evidens: warning: the search index has not answered yet; the workspace is open meanwhile "
            + "(searches wait for the index, or answer 503 when it does not answer)";
    static final String MEANWHILE = ": searches and documents answer 503 until it does, and uploads wait for it; sign-in, "
            + "the cases, the findings and their export work meanwhile";
    static final String ANSWERS = "evidens: the search index answers now";

    private IndexNotice() {
    }

    /** Says how the warm-up went, now or (for one still waiting for the index) when it ends. */
    static void follow(CompletableFuture<IndexUnreachableException> warmup, PrintWriter err) {
        boolean waited = !warmup.isDone();
        if (waited) {
            say(err, NOT_YET);
        }
        warmup.thenAccept(unanswered -> {
            if (unanswered != null) {
                say(err, "evidens: warning: " + unanswered.getMessage() + MEANWHILE);
            } else if (waited) {
                say(err, ANSWERS);
            }
        });
    }

    private static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
