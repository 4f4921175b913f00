package no.evidens.pipeline.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.evidens.index.IndexHealth;
import no.evidens.pipeline.lang.Texts;

/**
 * A clustered index's health as {@code GET /health} says it: the {@code index} word the health check has always used
 * ({@code ok}, {@code none yet}, {@code not answering}) and a {@code detail} for the administrator on call: the state's
 * code (for alert rules), what still works and what to do in the reader's language, and the nodes and shards concerned.
 */
final class IndexHealthWords {
    private IndexHealthWords() {
    }

    /** The {@code index} word: {@code ok} while every shard is served, {@code none yet} without the collection. */
    static String index(IndexHealth h) {
        if (h.state().serves()) {
            return "ok";
        }
        return h.state() == IndexHealth.State.COLLECTION_MISSING ? "none yet" : "not answering";
    }

    /** {@code UP} only when nothing of the cluster fails; anything else {@code DEGRADED} (the server still serves its users). */
    static String status(IndexHealth h) {
        return h.state() == IndexHealth.State.OK ? "UP" : "DEGRADED";
    }

    /** {@code {"code", "text", "nodes", "shards"}}. */
    static Map<String, Object> detail(IndexHealth h, Texts texts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", h.state().code());
        out.put("text", texts.get("health.index." + h.state().code(), String.join(", ", h.nodes()), String.join(", ", h.shards()),
                String.valueOf(h.boundMs() / 1000)));
        out.put("nodes", h.nodes());
        out.put("shards", h.shards());
        return out;
    }
}
