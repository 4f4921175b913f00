package no.evidens.evaluation.team;

import static no.evidens.evaluation.team.TimedRequests.enc;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A simulated user of a team bench ({@link UserLoad} for {@code bench team}, {@link StoreUser} for {@code bench store}),
 * on a thread of their own until the phase ends: searches the case for one of the queries at random, takes one of the hits
 * at random, and does with it what this kind of user does. The requests are timed by {@link TimedRequests}.
 *
 * @param <K> the kinds of request this user makes
 */
abstract class BenchUser<K extends Enum<K>> implements Runnable {
    final TimedRequests<K> requests;
    final String caseId;
    final Random random;
    private final List<String> queries;
    private final BenchPhase phase;

    /** @param cookie the session's cookie, or null in the single-user mode */
    BenchUser(HttpClient http, String base, String cookie, Class<K> kinds, String caseId, List<String> queries, long seed,
              BenchPhase phase) {
        this.requests = new TimedRequests<>(http, base, cookie, kinds, phase);
        this.caseId = caseId;
        this.queries = queries;
        this.random = new Random(seed);
        this.phase = phase;
    }

    /** The kind of the search request. */
    abstract K search();

    /** What the user does with a hit of a search (its {@code passageId} and {@code docId}). */
    abstract void withHit(JsonNode hit);

    @Override
    public final void run() {
        while (phase.running) {
            String q = queries.get(random.nextInt(queries.size()));
            JsonNode found = requests.send(search(), requests.request("/api/search?q=" + enc(q) + "&case=" + enc(caseId) + "&limit=10").GET());
            JsonNode hits = found == null ? null : found.get("hits");
            if (hits == null || hits.isEmpty()) {
                continue;
            }
            withHit(hits.get(random.nextInt(hits.size())));
        }
    }

    long errors() {
        return requests.errors();
    }

    /** The last failed request's kind and answer, or null. */
    String lastError() {
        return requests.lastError();
    }
}
