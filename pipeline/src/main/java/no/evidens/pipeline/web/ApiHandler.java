package no.evidens.pipeline.web;

import java.io.IOException;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.QuerySyntaxException;
import no.evidens.pipeline.Messages;

/**
 * Jetty's entry to the workspace: checks each request, routes it, and turns what the handlers throw
 * into JSON errors ({@code {"error": …}}) with their status. It blocks (reads bodies, searches), so
 * Jetty calls it on a pool thread. Logs hold the method, path, status and time, never query or document text.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    /** How much of a refused request's body is read and dropped so the refusal can be answered. */
    private static final long DISCARD_LIMIT = 64L << 20;

    private final RequestGuard guard;
    private final Routes routes;

    ApiHandler(RequestGuard guard, Routes routes) {
        super(InvocationType.BLOCKING);
        this.guard = guard;
        this.routes = routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long t0 = System.nanoTime();
        Exchange x;
        try {
            x = new Exchange(request, response, callback);
        } catch (ApiError e) {
            // the request line itself was malformed (its query string)
            response.setStatus(400);
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
                LOG.info("{} {} {} {} ms", x.method(), x.path(), x.status(), (System.nanoTime() - t0) / 1_000_000);
            }
        }
        return true;
    }

    private void answer(Exchange x) throws IOException {
        try {
            guard.check(x);
            routes.dispatch(x);
        } catch (ApiError e) {
            x.discardBody(DISCARD_LIMIT);
            x.error(e.status(), e.getMessage());
        } catch (QuerySyntaxException e) {
            x.error(400, e.getMessage());
        } catch (IllegalArgumentException e) {
            x.error(400, Messages.oneLine(e));
        } catch (IllegalStateException e) {
            x.error(409, Messages.oneLine(e));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} failed: {}", x.method(), x.path(), e.getClass().getName());
            x.error(500, "the server could not do that: " + Messages.oneLine(e));
        }
    }
}
