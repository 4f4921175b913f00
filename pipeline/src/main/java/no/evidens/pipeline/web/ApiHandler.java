package no.evidens.pipeline.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.IndexUnreachableException;
import no.evidens.index.QuerySyntaxException;
import no.evidens.pipeline.lang.Language;

/**
 * Jetty's entry to the workspace: checks each request (host, origin), resolves who makes it
 * ({@link Gate} → {@link CaseAccess}, 401 when nobody is signed in), checks its token, routes it, and
 * turns what the handlers throw into JSON errors ({@code {"error": …}}) with their status. It blocks
 * (reads bodies, searches), so Jetty calls it on a pool thread; requests with a body take one of a few
 * permits first, so slow senders cannot take every thread; searcher-heavy requests wait for one of a few turns
 * ({@link SearchAdmission}), so the cores run a few searches at full speed rather than many at a fraction. Logs hold the method, path, status, time
 * and user, never query or document text.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    /**
     * A refused request's body is read and dropped (so that the refusal reaches a client still sending)
     * when it declares at most this much; a larger one is not read, and the connection is closed.
     */
    private static final long DISCARD_LIMIT = 4L << 20;
    /**
     * The most header bytes (names and values) a request may send: more is refused with 431 here, where the request's
     * Accept is known, so a browser gets the workspace's page; Jetty refuses beyond {@link Connectors#JETTY_HEADER_LIMIT}.
     */
    static final int HEADER_LIMIT = 16 * 1024;
    /** The paths that answer without a signed-in user. */
    /** Paths answered without sign-in: signing in, and the workspace's words (for the sign-in page). */
    private static final Set<String> OPEN = Set.of("/api/signin", "/api/signin/oidc", OidcResource.CALLBACK, TextsResource.PATH);

    private final RequestGuard guard;
    private final Gate gate;
    private final Routes routes;
    private final Semaphore bodies;
    private final BodyShares shares;
    private final SearchAdmission searches;
    private final StoreOutage outage;

    /** @param perClient bodies one signed-in user (or address, before sign-in) may send at once ({@link BodyShares}); 0 for no share */
    ApiHandler(RequestGuard guard, Gate gate, Routes routes, int maxBodyRequests, int perClient, SearchAdmission searches,
               StoreOutage outage) {
        super(InvocationType.BLOCKING);
        this.guard = guard;
        this.gate = gate;
        this.routes = routes;
        this.bodies = new Semaphore(maxBodyRequests);
        this.shares = new BodyShares(perClient);
        this.searches = searches;
        this.outage = outage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long t0 = System.nanoTime();
        Exchange x;
        try {
            x = new Exchange(request, response, callback);
        } catch (ApiError e) {
            // the request line itself was malformed (its query string); a browser's typed address gets a page saying so
            response.setStatus(400);
            if (ErrorPage.wanted(request.getHeaders().get("Accept"))) {
                Language l = JsonErrors.language(request);
                response.getHeaders().put("Content-Type", ErrorPage.MEDIA);
                response.write(true, ByteBuffer.wrap(ErrorPage.html(l, 400, null, ErrorTexts.message(l, e))), callback);
                return true;
            }
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return true;
        }
        try {
            answer(x);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not answer: {}", e.getClass().getName());
            if (!x.sent()) {
                callback.failed(e);
            }
        } finally {
            if (x.path().startsWith("/api/")) {
                LOG.info("{} {} {} {} ms {}", x.method(), x.path(), x.status(), (System.nanoTime() - t0) / 1_000_000,
                        x.signedIn() ? x.access().user() : "-");
            }
        }
        return true;
    }

    private void answer(Exchange x) throws IOException {
        boolean permit = false;
        String client = null;
        try {
            if (headerBytes(x) > HEADER_LIMIT) {
                x.responseHeader("Connection", "close");
                throw new ApiError(431, "error.http.headers", HEADER_LIMIT / 1024);
            }
            guard.check(x);
            if (x.path().startsWith("/api/") && !TextsResource.PATH.equals(stripSlash(x.path())) && outage.known()) {
                // the store server timed out a moment ago: said at once, not after another wait holding this thread
                x.responseHeader("Retry-After", String.valueOf(outage.retryAfterSeconds()));
                throw new ApiError(503, "error.store-unreachable");
            }
            x.access(gate.resolve(x));
            boolean open = !x.path().startsWith("/api/") || OPEN.contains(stripSlash(x.path()));
            if (!open) {
                guard.checkToken(x, x.access().token());
            }
            if (hasBody(x)) {
                String who = BodyShares.client(x);
                if (!shares.take(who)) {
                    // this client's own bodies are still on their way: theirs to wait for, not everyone's
                    x.responseHeader("Retry-After", "5");
                    throw new ApiError(429, "error.http.busy-yours", shares.perClient());
                }
                client = who;
                if (!bodies.tryAcquire()) {
                    x.responseHeader("Retry-After", "5");
                    throw new ApiError(503, "error.http.busy");
                }
                permit = true;
            }
            if (SearchAdmission.guards(x.path())) {
                if (permit) {
                    // read whole before the turn: a slow sender must not hold one while the cores wait
                    x.bufferBody(Exchange.MAX_JSON_BYTES);
                }
                searches.enter(x);
                x.holdTurn(searches::leave);
            }
            routes.dispatch(x);
        } catch (ApiError e) {
            refuse(x, e);
        } catch (QuerySyntaxException e) {
            x.error(400, ErrorTexts.message(ErrorTexts.language(x), e));
        } catch (IllegalArgumentException e) {
            x.error(400, ErrorTexts.message(ErrorTexts.language(x), e));
        } catch (IllegalStateException e) {
            if (!storeDown(x, e) && !diskFull(x, e)) {
                x.error(409, ErrorTexts.message(ErrorTexts.language(x), e));
            }
        } catch (IOException | RuntimeException e) {
            if (diskFull(x, e)) {
                return;
            }
            if (storeDown(x, e)) {
                return;
            }
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
            x.error(500, no.evidens.pipeline.lang.Texts.of(ErrorTexts.language(x)).get("error.internal"));
        } finally {
            // the answer is handed to Jetty by now, which writes it without this thread: a slow reader holds no turn
            x.searcherDone();
            if (permit) {
                bodies.release();
            }
            if (client != null) {
                shares.give(client);
            }
        }
    }

    /**
     * Answers a full disk on the server (an index writer closed by it, a store that could not write) as such, 507: not as
     * the request's conflict nor as an error of ours. The server goes on serving what needs no disk.
     */
    /**
     * Answers 503 when the store server does not answer (or refuses the password): the service's failure, not the request's;
     * a time-out is remembered ({@link StoreOutage}).
     */
    private boolean storeDown(Exchange x, Throwable e) throws IOException {
        if (!no.evidens.pipeline.store.StoreUnreachable.in(e)) {
            return false;
        }
        if (no.evidens.pipeline.store.StoreBusy.in(e)) {
            // a full pool: the server answers, so this is no outage to remember, and a retry soon may well get through
            LOG.warn("{} {} failed: all of this server's connections to the store server were in use for the pool's wait (a full"
                    + " pool, not the store being down)", x.method(), x.path());
            x.responseHeader("Retry-After", "5");
            x.error(503, ErrorTexts.message(ErrorTexts.language(x), e));
            return true;
        }
        outage.failed(e);
        LOG.warn("{} {} failed: the store server does not answer ({})", x.method(), x.path(), no.evidens.pipeline.store.StoreFailureReason.of(e));
        x.responseHeader("Retry-After", "30");
        x.error(503, ErrorTexts.message(ErrorTexts.language(x), e));
        return true;
    }

    private static boolean diskFull(Exchange x, Exception e) throws IOException {
        if (!no.evidens.pipeline.Messages.diskFull(e)) {
            return false;
        }
        LOG.warn("{} {} failed: the disk is full", x.method(), x.path());
        x.error(507, no.evidens.pipeline.lang.Texts.of(ErrorTexts.language(x)).get(diskFullKey(e)));
        return true;
    }

    /**
     * The words for a full disk: a request refused because its audit-trail line could not be written (a search, a journal
     * shown, an export) saved nothing of its own, and is told so, and what still works; any other, that its change was
     * not saved.
     */
    static String diskFullKey(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof no.evidens.pipeline.findings.TrailNotWritten) {
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
    private static void refuse(Exchange x, ApiError e) throws IOException {
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
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof org.eclipse.jetty.http.HttpException bad
                    && bad.getCode() == 408) {
                return true;
            }
        }
        return false;
    }

    private static long headerBytes(Exchange x) {
        long n = 0;
        for (org.eclipse.jetty.http.HttpField f : x.headers()) {
            n += f.getName().length() + (f.getValue() == null ? 0 : f.getValue().length()) + 4;
        }
        return n;
    }

    private static boolean hasBody(Exchange x) {
        String length = x.header("Content-Length");
        return x.header("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
