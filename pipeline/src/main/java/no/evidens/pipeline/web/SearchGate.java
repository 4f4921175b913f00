package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * Lets at most a given number of searches run on the searcher at once ({@code EVIDENS_SEARCH_PLACES}; none by
 * default); the others wait their turn, first come first served. Why it was tried: twenty users who search without pause gave the server twenty searches at once on two cores:
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
     * The gate {@code EVIDENS_SEARCH_PLACES} asks for: that many searches at once; unset, blank or {@code 0}, no gate
     * (every search at once). Off by default: on the shared 2-core machine where it was measured, two places gave
     * fewer searches a second than none (README "Speed over HTTP"); to be measured on a machine of its own.
     */
    static SearchGate configured() {
        String set = System.getenv("EVIDENS_SEARCH_PLACES");
        int places = set == null || set.isBlank() ? 0 : Integer.parseInt(set.strip());
        return new SearchGate(places <= 0 ? Integer.MAX_VALUE : places);
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
