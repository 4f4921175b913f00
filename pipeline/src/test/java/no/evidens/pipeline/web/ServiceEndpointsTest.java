package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.IndexHealth;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.search.SearchOnlyIndex;

/** {@code GET /health} tells an operator the truth about the index, from what its back end knows at once. */
class ServiceEndpointsTest {
    @TempDir
    Path home;

    /** A team server's index whose back end says, at once, whether it could be written (ZooKeeper reached, a live node). */
    private static SharedIndex index(boolean writable) {
        return new SharedIndex(SearchOnlyIndex.writableWhen(() -> writable));
    }

    @Test
    void anIndexThatDoesNotAnswerIsSaidSoAndTheServerIsDegradedButKeptInRotation() {
        Map<String, Object> h = ServiceEndpoints.health(new EvidensHome(home), index(false), Language.NB);
        assertEquals("not answering", h.get("index"), h.toString());
        assertEquals("none yet", h.get("findings"), h.toString());
        assertEquals("DEGRADED", h.get("status"), h.toString());
        assertEquals(200, ServiceEndpoints.httpStatus(h), "sign-in, findings and exports still work: not taken out of rotation");
    }

    @Test
    void anIndexThatAnswersIsOkAndTheServerUp() {
        Map<String, Object> h = ServiceEndpoints.health(new EvidensHome(home), index(true), Language.NB);
        assertEquals("ok", h.get("index"), h.toString());
        assertEquals("UP", h.get("status"), h.toString());
        assertEquals(200, ServiceEndpoints.httpStatus(h));
        assertEquals(503, ServiceEndpoints.httpStatus(Map.of("index", "ok", "findings", "unavailable", "status", "DOWN")),
                "a findings store that cannot be read is down, as before");
    }

    /**
     * A cluster whose look finds a part failing: the health keeps its words ({@code ok} while every shard is served) and is
     * DEGRADED, with a detail that names the state, the nodes and what to do, in the reader's language; nothing failing is UP.
     */
    @Test
    void aClusterWithReplicasDownIsDegradedAndSaysWhichNodesInNorwegian() {
        IndexHealth down = new IndexHealth(IndexHealth.State.REPLICAS_DOWN, List.of("10.0.0.3:8983_solr"), List.of(), 2_000);
        Map<String, Object> h = ServiceEndpoints.health(new EvidensHome(home), withHealth(down), Language.NB);
        assertEquals("ok", h.get("index"), h.toString());
        assertEquals("DEGRADED", h.get("status"), h.toString());
        assertEquals(200, ServiceEndpoints.httpStatus(h));
        Map<?, ?> detail = (Map<?, ?>) h.get("detail");
        assertEquals("replicas-down", detail.get("code"), h.toString());
        assertEquals(List.of("10.0.0.3:8983_solr"), detail.get("nodes"), h.toString());
        assertEquals("Noen replikaer er nede (noder: 10.0.0.3:8983_solr), men hver shard har en leder som svarer: søk og innlesing "
                + "virker. Gjør: start nodene igjen; replikaene henter seg inn av seg selv.", detail.get("text"));
        Map<?, ?> nn = (Map<?, ?>) ServiceEndpoints.health(new EvidensHome(home), withHealth(down), Language.NN).get("detail");
        assertTrue(((String) nn.get("text")).startsWith("Nokre replikaer er nede (nodar: 10.0.0.3:8983_solr)"), nn.toString());

        IndexHealth lost = new IndexHealth(IndexHealth.State.SHARD_WITHOUT_LEADER, List.of("10.0.0.2:8983_solr"), List.of("shard2"), 2_000);
        Map<String, Object> l = ServiceEndpoints.health(new EvidensHome(home), withHealth(lost), Language.NB);
        assertEquals(List.of("not answering", "DEGRADED"), List.of(l.get("index"), l.get("status")), l.toString());
        assertTrue(((String) ((Map<?, ?>) l.get("detail")).get("text")).startsWith("Shard shard2 har ingen aktiv leder på en node som svarer "
                + "(noder: 10.0.0.2:8983_solr)."), l.toString());

        Map<String, Object> missing = ServiceEndpoints.health(new EvidensHome(home),
                withHealth(IndexHealth.of(IndexHealth.State.COLLECTION_MISSING, 2_000)), Language.NB);
        assertEquals(List.of("none yet", "DEGRADED"), List.of(missing.get("index"), missing.get("status")), missing.toString());

        Map<String, Object> ok = ServiceEndpoints.health(new EvidensHome(home), withHealth(IndexHealth.of(IndexHealth.State.OK, 2_000)),
                Language.NB);
        assertEquals(List.of("ok", "UP", "ok"), List.of(ok.get("index"), ok.get("status"), ((Map<?, ?>) ok.get("detail")).get("code")));
    }

    @Test
    void anIndexWithoutAClusterHasNoDetail() {
        Map<String, Object> h = ServiceEndpoints.health(new EvidensHome(home), index(true), Language.NB);
        assertEquals(List.of("index", "findings", "status"), List.copyOf(h.keySet()), "the embedded index's health as before: " + h);
    }

    /** A writable index whose back end's look at its cluster finds {@code health}. */
    private static SharedIndex withHealth(IndexHealth health) {
        return new SharedIndex(SearchOnlyIndex.withHealth(health));
    }
}
