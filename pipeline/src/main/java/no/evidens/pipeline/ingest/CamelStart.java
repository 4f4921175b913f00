package no.evidens.pipeline.ingest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Makes Camel's context, adds a route to it and starts it, on a thread of its own, while the ingestion waits for it
 * unless a stop is asked: these take most of a second (more under load), and a stop asked meanwhile (Ctrl-C, a server
 * or the inbox's watcher stopping) ends the ingestion without waiting for them, as a stop before the first file does (no
 * file has been given to the route yet). Camel's start has no point to be cut short at: it goes on to its end on its
 * thread (a daemon, which a stopping process does not wait for), which then stops the context, so that none of its
 * services is stopped half started.
 */
final class CamelStart {
    /** How often a stop is looked for while Camel starts (the stop's own question is a flag read). */
    static final long STOP_POLL_MILLIS = 20;

    /** A started context and its route; the caller stops the context. */
    record Started<R extends RoutesBuilder>(CamelContext camel, R route) {
    }

    private CamelStart() {
    }

    /**
     * @param routes      makes the route, on the context given (its thread pools are the context's)
     * @param beforeStart given the context before it starts (tests: a start held until a stop is asked)
     * @param stopAsked   asked every {@value #STOP_POLL_MILLIS} ms while the context is made and starts
     * @return the started context and its route; empty when a stop was asked before its start ended
     * @throws Exception what making the route, adding it or starting the context threw (the context is stopped then)
     */
    static <R extends RoutesBuilder> Optional<Started<R>> unlessStopped(Function<CamelContext, R> routes,
            Consumer<CamelContext> beforeStart, BooleanSupplier stopAsked) throws Exception {
        CompletableFuture<Started<R>> start = new CompletableFuture<>();
        Thread starting = new Thread(() -> {
            CamelContext camel = new DefaultCamelContext();
            Started<R> started;
            try {
                started = new Started<>(camel, routes.apply(camel));
                camel.addRoutes(started.route());
                beforeStart.accept(camel);
                camel.start();
            } catch (Exception | Error e) {
                try {
                    camel.stop();
                } catch (RuntimeException left) {
                    e.addSuppressed(left);
                }
                start.completeExceptionally(e);
                return;
            }
            if (!start.complete(started)) {
                camel.stop(); // given up while it started: nobody else will stop it
            }
        }, "ingest-camel-start");
        starting.setDaemon(true);
        starting.start();
        while (true) {
            try {
                return Optional.of(start.get(STOP_POLL_MILLIS, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                // whichever settles the future first wins: a start that has just ended is used, not given up
                if (stopAsked.getAsBoolean() && start.cancel(false)) {
                    return Optional.empty();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception failure) {
                    throw failure;
                }
                throw (Error) e.getCause();
            }
        }
    }
}
