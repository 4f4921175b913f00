package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.findings.TrailNotWritten;
import no.evidens.pipeline.lang.Texts;
import no.evidens.pipeline.store.StoreBusy;
import no.evidens.pipeline.store.StoreFailureReason;
import no.evidens.pipeline.store.StoreUnreachable;

/**
 * Turns what a request's handler threw into the API's JSON error ({@code {"error": …}}) with its status ({@link ApiHandler}
 * routes, this answers): a refusal ({@link ApiError}) with its own status, a bad query or argument 400, a conflict 409, a full
 * disk 507, a store server or an index that does not answer 503 with Retry-After, a client too slow 408, anything else 500.
 * The words are the user's language's; an unexpected exception's message is never shown (it may name a file on the server),
 * and the log says the method, path and type, never the request's text.
 */
final class ApiFailures {
    private static final Logger LOG = LoggerFactory.getLogger(ApiFailures.class);
    /**
     * A refused request's body is read and dropped (so that the refusal reaches a client still sending)
     * when it declares at most this much; a larger one is not read, and the connection is closed.
     */
    private static final long DISCARD_LIMIT = 4L << 20;

    private final StoreOutage outage;

    /** @param outage remembers a store server's time-out, so that the next requests are told at once */
    ApiFailures(StoreOutage outage) {
        this.outage = outage;
    }

    /** Answers the exchange with the failure {@code e} of its handling, in the order the kinds are tried here. */
    void answer(Exchange x, Exception e) throws IOException {
        if (e instanceof ApiError refused) {
            refuse(x, refused);
        } else if (e instanceof IllegalArgumentException) {
            x.error(400, ErrorTexts.message(ErrorTexts.language(x), e)); // a query's syntax among them
        } else if (e instanceof IllegalStateException) {
            if (!storeDown(x, e) && !diskFull(x, e)) {
                x.error(409, ErrorTexts.message(ErrorTexts.language(x), e));
            }
        } else if (!diskFull(x, e) && !storeDown(x, e)) {
            unexpected(x, e);
        }
    }

    /** An I/O or runtime failure that is no refusal: the index gone, a client too slow, or an error of ours. */
    private static void unexpected(Exchange x, Exception e) throws IOException {
        if (IndexUnreachableException.in(e)) {
            // the service's failure, not the request's: worth a try later (SolrCloud's nodes or ZooKeeper gone); before
            // the client's time-out below, as its causes may hold the index's own (ZooKeeper's connect wait)
            LOG.warn("{} {} failed: the index does not answer", x.method(), x.path());
            x.responseHeader("Retry-After", "30");
            x.error(503, ErrorTexts.message(ErrorTexts.language(x), e));
            return;
        }
        if (timedOut(e)) {
            // the client stopped sending (idle timeout) or sent too slowly (least data rate)
            x.responseHeader("Connection", "close");
            x.error(408, ErrorTexts.message(ErrorTexts.language(x), new ApiError(408, "error.http.timeout")));
            return;
        }
        LOG.warn("{} {} failed: {}", x.method(), x.path(), e.getClass().getName());
        // never the exception's message: it may name a file on the server
        x.error(500, Texts.of(ErrorTexts.language(x)).get("error.internal"));
    }

    /**
     * Answers 503 when the store server does not answer (or refuses the password): the service's failure, not the request's;
     * a time-out is remembered ({@link StoreOutage}).
     */
    private boolean storeDown(Exchange x, Throwable e) throws IOException {
        if (!StoreUnreachable.in(e)) {
            return false;
        }
        if (StoreBusy.in(e)) {
            // a full pool: the server answers, so this is no outage to remember, and a retry soon may well get through
            LOG.warn("{} {} failed: all of this server's connections to the store server were in use for the pool's wait (a full"
                    + " pool, not the store being down)", x.method(), x.path());
            x.responseHeader("Retry-After", "5");
            x.error(503, ErrorTexts.message(ErrorTexts.language(x), e));
            return true;
        }
        outage.failed(e);
        LOG.warn("{} {} failed: the store server does not answer ({})", x.method(), x.path(), StoreFailureReason.of(e));
        x.responseHeader("Retry-After", "30");
        x.error(503, ErrorTexts.message(ErrorTexts.language(x), e));
        return true;
    }

    /**
     * Answers a full disk on the server (an index writer closed by it, a store that could not write) as such, 507: not as
     * the request's conflict nor as an error of ours. The server goes on serving what needs no disk.
     */
    private static boolean diskFull(Exchange x, Exception e) throws IOException {
        if (!Messages.diskFull(e)) {
            return false;
        }
        LOG.warn("{} {} failed: the disk is full", x.method(), x.path());
        x.error(507, Texts.of(ErrorTexts.language(x)).get(diskFullKey(e)));
        return true;
    }

    /**
     * The words for a full disk: a request refused because its audit-trail line could not be written (a search, a journal
     * shown, an export) saved nothing of its own, and is told so, and what still works; any other, that its change was
     * not saved.
     */
    static String diskFullKey(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof TrailNotWritten) {
                return "error.disk-full.trail";
            }
        }
        return "error.disk-full";
    }

    /**
     * Answers a refusal. A small unread body that has already arrived is dropped, so the connection can serve the next
     * request; one still on its way is not waited for, and a large or unknown one is not read first: the answer says
     * Connection: close (so a 413 is sent from the headers alone, a client that waits for 100-continue never sends the
     * body, and a client that holds its body back holds no thread). The rest of a body on its way is read after the
     * answer, without a thread and for a few seconds at most ({@link BodyDrain}), so the close does not lose the answer.
     */
    static void refuse(Exchange x, ApiError e) throws IOException {
        long declared;
        try {
            declared = x.contentLength();
        } catch (ApiError bad) {
            declared = -1;
        }
        boolean chunked = x.header("Transfer-Encoding") != null;
        boolean continues = "100-continue".equalsIgnoreCase(x.header("Expect"));
        if (declared > DISCARD_LIMIT || chunked || continues) {
            x.responseHeader("Connection", "close");
            if (!continues) {
                // a body on its way: read to its end after the answer, so the close does not reset the answer away
                x.drainBodyAfterAnswer();
            }
        } else if (declared > 0 && !x.dropArrivedBody(DISCARD_LIMIT)) {
            x.responseHeader("Connection", "close");
            x.drainBodyAfterAnswer();
        }
        x.error(e.status(), ErrorTexts.message(ErrorTexts.language(x), e), e.field());
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpException bad && bad.getCode() == 408) {
                return true;
            }
        }
        return false;
    }
}
