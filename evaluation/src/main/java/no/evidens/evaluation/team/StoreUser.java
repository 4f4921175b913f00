package no.evidens.evaluation.team;

import static no.evidens.evaluation.team.TimedRequests.enc;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;

/**
 * One signed-in auditor of {@code evidens bench store}: searches the case, opens a hit's document, lists the case's findings,
 * and attaches the hit's passage to a finding of their own as a quotation (taking their oldest one off again once it has a few,
 * so that the list of findings stays the same size however fast the server answers), again and again until told to stop.
 * Each request's latency is kept by its kind while the phase measures ({@link BenchUser}, {@link TimedRequests}).
 */
final class StoreUser extends BenchUser<StoreUser.Kind> {
    /** The requests an auditor makes, each measured on its own. */
    enum Kind {
        SEARCH("search"), DOCUMENT("open document"), FINDINGS("list findings"), ATTACH("attach quotation"), DETACH("take quotation off");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How many quotations a user's finding keeps at most before the oldest is taken off. */
    private static final int KEEP = 3;

    private final Deque<Long> attached = new ArrayDeque<>();
    private String ref;

    StoreUser(HttpClient http, String base, String cookie, String caseId, List<String> queries, long seed, BenchPhase phase) {
        super(http, base, cookie, Kind.class, caseId, queries, seed, phase);
    }

    /** Makes the user's own finding, which their quotations go to. */
    void prepare(String title) throws IOException, InterruptedException {
        HttpResponse<String> session = requests.untimed(requests.request("/api/session").GET());
        requests.token(Json.mapper().readTree(session.body()).get("token").asText());
        HttpResponse<String> r = requests.untimed(requests.request("/api/findings").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("case", caseId, "kind", "merknad", "title", title)))));
        if (r.statusCode() != 201) {
            throw new IOException("the bench's finding was not made: " + r.statusCode() + " " + r.body());
        }
        ref = Json.mapper().readTree(r.body()).get("ref").asText();
    }

    @Override
    Kind search() {
        return Kind.SEARCH;
    }

    /** Opens the hit's document, lists the findings, and attaches the hit's passage to the user's finding. */
    @Override
    void withHit(JsonNode hit) {
        requests.send(Kind.DOCUMENT, requests.request("/api/document?case=" + enc(caseId) + "&doc=" + enc(hit.get("docId").asText())).GET());
        requests.send(Kind.FINDINGS, requests.request("/api/findings?case=" + enc(caseId)).GET());
        if (attached.size() >= KEEP) {
            requests.send(Kind.DETACH, requests.request("/api/evidence/" + enc(caseId) + "/" + attached.removeFirst()).DELETE());
        }
        JsonNode finding = requests.send(Kind.ATTACH, requests.request("/api/findings/" + enc(caseId) + "/" + enc(ref) + "/evidence")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("passageId", hit.get("passageId").asText())))));
        JsonNode evidence = finding == null ? null : finding.get("evidence");
        if (evidence != null && !evidence.isEmpty()) {
            attached.addLast(evidence.get(evidence.size() - 1).get("id").asLong());
        }
    }

    /** The measured latencies of one kind (read after the thread ended). */
    long[] latencies(Kind kind) {
        return requests.latencies(kind);
    }
}
