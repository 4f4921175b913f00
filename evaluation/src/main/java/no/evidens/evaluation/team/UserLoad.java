package no.evidens.evaluation.team;

import static no.evidens.evaluation.team.TimedRequests.enc;

import java.net.http.HttpClient;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One simulated user of {@code evidens bench team}: searches the case, opens a passage of a hit with its neighbours, and
 * now and then the whole document, again and again until told to stop; records each request's latency while the phase
 * measures ({@link BenchUser}, {@link TimedRequests}).
 */
final class UserLoad extends BenchUser<UserLoad.Kind> {
    /** The requests the user makes (their latencies counted together). */
    enum Kind { SEARCH, PASSAGE, DOCUMENT }

    /** @param cookie the session's cookie, or null in the single-user mode */
    UserLoad(HttpClient http, String base, String cookie, String caseId, List<String> queries, long seed, BenchPhase phase) {
        super(http, base, cookie, Kind.class, caseId, queries, seed, phase);
    }

    @Override
    Kind search() {
        return Kind.SEARCH;
    }

    /** Opens the hit's passage, and one time in three its document. */
    @Override
    void withHit(JsonNode hit) {
        requests.send(Kind.PASSAGE, requests.request("/api/passage?id=" + enc(hit.get("passageId").asText())).GET());
        if (random.nextInt(3) == 0) {
            requests.send(Kind.DOCUMENT, requests.request("/api/document?case=" + enc(caseId) + "&doc=" + enc(hit.get("docId").asText())).GET());
        }
    }

    /** The measured latencies, of every kind (read after the thread ended). */
    long[] latencies() {
        return requests.latencies();
    }
}
