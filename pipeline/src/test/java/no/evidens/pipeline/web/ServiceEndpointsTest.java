package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
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
        Map<String, Object> h = ServiceEndpoints.health(new EvidensHome(home), index(false));
        assertEquals("not answering", h.get("index"), h.toString());
        assertEquals("none yet", h.get("findings"), h.toString());
        assertEquals("DEGRADED", h.get("status"), h.toString());
        assertEquals(200, ServiceEndpoints.httpStatus(h), "sign-in, findings and exports still work: not taken out of rotation");
    }

    @Test
    void anIndexThatAnswersIsOkAndTheServerUp() {
        Map<String, Object> h = ServiceEndpoints.health(new EvidensHome(home), index(true));
        assertEquals("ok", h.get("index"), h.toString());
        assertEquals("UP", h.get("status"), h.toString());
        assertEquals(200, ServiceEndpoints.httpStatus(h));
        assertEquals(503, ServiceEndpoints.httpStatus(Map.of("index", "ok", "findings", "unavailable", "status", "DOWN")),
                "a findings store that cannot be read is down, as before");
    }
}
