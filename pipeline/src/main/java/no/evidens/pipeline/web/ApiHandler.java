package no.evidens.pipeline.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.lang.Language;

/**
 * Jetty's entry to the workspace: checks each request (host, origin), resolves who makes it
 * ({@link Gate} → {@link CaseAccess}, 401 when nobody is signed in), checks its token, routes it, and
 * turns what the handlers throw into JSON errors ({@code {"error": …}}) with their status. It blocks
 * (reads bodies, searches), so Jetty calls it on a pool thread; requests with a body take one of a few
 * permits first, so slow senders cannot take every thread; searcher-heavy requests wait for one of a few turns
 * ({@link SearchAdmission}), so the cores run a few searches at full speed rather than many at a fraction. What a handler
 * throws is answered by {@link ApiFailures}. Logs hold the method, path, status, time and user, never query or document
 * text.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    /**
     * The most header bytes (names and values) a request may send: more is refused with 431 here, where the request's
     * Accept is known, so a browser gets the workspace's page; Jetty refuses beyond {@link Connectors#JETTY_HEADER_LIMIT}.
     */
    static final int HEADER_LIMIT = 16 * 1024;
    /** Paths answered without sign-in: signing in, and the workspace's words (for the sign-in page). */
    private static final Set<String> OPEN = Set.of("/api/signin", "/api/signin/oidc", OidcResource.CALLBACK, TextsResource.PATH);

    private final RequestGuard guard;
    private final Gate gate;
    private final Routes routes;
    private final Semaphore bodies;
    private final BodyShares shares;
    private final SearchAdmission searches;
    private final StoreOutage outage;
    private final ApiFailures failures;

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
        this.failures = new ApiFailures(outage);
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
        } catch (IOException | RuntimeException e) {
            failures.answer(x, e);
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

    private static long headerBytes(Exchange x) {
        long n = 0;
        for (HttpField f : x.headers()) {
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
