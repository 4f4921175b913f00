package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.corpus.SampleBundle;
import no.evidens.findings.trail.AuditEntry;
import no.evidens.pipeline.findings.AuditService;

/**
 * The server warms up before it says it is ready (searches, the findings store, a request through Jetty)
 * without writing anything to the audit trail: nobody searched. The first real search is recorded once,
 * through the server's trail writer, and is in the trail when its answer arrives.
 */
class WarmupIT {
    @Test
    void warmingRecordsNothingAndTheFirstSearchIsRecordedBeforeItsAnswer() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(64 * 1024)) {
            AuditService audit = new AuditService(ws.home, Duration.ofSeconds(20));
            assertEquals(List.of(), searches(audit), "warming up searched, but recorded no search");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ws.url() + "api/search?q=plan&group=document&filter=type:styringsdokument&case="
                    + SampleBundle.CASE_ID)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            List<AuditEntry> after = searches(audit);
            assertEquals(1, after.size(), "recorded before the answer was sent");
            assertEquals("testar", after.get(0).actor());
        }
    }

    private static List<AuditEntry> searches(AuditService audit) {
        return audit.entries(null, null, null).stream().filter(e -> e.action().equals("search")).toList();
    }
}
