package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * Lets as many searches run on the searcher at once as the machine has cores; the others wait their turn, first
 * come first served. Twenty users who search without pause gave the server twenty searches at once on two cores:
 * each was cut into time slices, found the processor's caches filled by the others when its turn came back, and
 * cost about half as much processor time again as the same search alone ({@code MixCosts}, README "Speed over
 * HTTP"); and with every search sharing the cores, a long search kept its place longest, which made the slowest
 * answers slower still. In a queue each search runs nearly alone, and an answer waits about as long as the
 * searches ahead of it take. Only the search itself passes the gate: reading the request, the JSON and the audit
 * line do not hold a place. Lucene and Jetty offer no such limit (Jetty's pool bounds threads, not searches);
 * a fair {@link Semaphore} is the JDK's.
 */
final class SearchGate {
    /** Work on the searcher. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    private final Semaphore places;

    /** @param places how many searches may run at once (at least 1) */
    SearchGate(int places) {
        if (places < 1) {
            throw new IllegalArgumentException("a search gate needs at least one place, was " + places);
        }
        this.places = new Semaphore(places, true);
    }

    /**
     * As many places as this machine has cores, and at least two (one long search does not hold up every other);
     * {@code EVIDENS_SEARCH_PLACES} sets another number, {@code 0} none (every search at once, as before the gate:
     * to compare the two on one build).
     */
    static SearchGate ofCores() {
        String set = System.getenv("EVIDENS_SEARCH_PLACES");
        int places = set == null || set.isBlank() ? Math.max(2, Runtime.getRuntime().availableProcessors()) : Integer.parseInt(set.strip());
        return new SearchGate(places == 0 ? Integer.MAX_VALUE : places);
    }

    /** Does the work when a place is free, waiting for one first if need be. */
    <T> T through(Work<T> work) throws IOException {
        try {
            places.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to search");
        }
        try {
            return work.run();
        } finally {
            places.release();
        }
    }
}
