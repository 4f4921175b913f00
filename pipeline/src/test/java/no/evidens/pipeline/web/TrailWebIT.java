package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.WorkspaceClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.HomeBackup;
import no.evidens.pipeline.findings.SearcherSource;
import no.evidens.pipeline.findings.Verification;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/** The audit trail and the findings' versions and review over the workspace's API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrailWebIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private SampleWorkspace ws;
    private WorkspaceClient client;

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(64 * 1024);
        client = WorkspaceClient.of(ws);
    }

    @AfterAll
    void stop() {
        ws.close();
    }

    @Test
    void showingAJournalSearchingAndExportingAreInTheTrail() throws Exception {
        String since = java.time.Instant.now().toString(); // the other tests of this class write to the same trail
        Answer found = client.get("/api/search?q=" + enc("ansvarsgruppe") + "&case=" + CASE + "&type=journal&limit=1");
        assertEquals(200, found.status());
        JsonNode hit = found.body().get("hits").get(0);
        String docId = hit.get("docId").asText();
        assertEquals(200, client.get("/api/document?case=" + CASE + "&doc=" + docId).status());
        assertEquals(200, client.get("/api/passage?id=" + enc(hit.get("passageId").asText())).status());
        JsonNode styring = client.get("/api/search?q=" + enc("ansvarsgruppe") + "&case=" + CASE + "&type=styringsdokument&limit=1")
                .body().get("hits").get(0);
        assertEquals(200, client.get("/api/document?case=" + CASE + "&doc=" + styring.get("docId").asText()).status());

        Answer trail = client.get("/api/cases/" + CASE + "/audit?since=" + since);
        assertEquals(200, trail.status());
        assertTrue(trail.body().get("intact").asBoolean(), trail.text());
        JsonNode entries = trail.body().get("entries");
        assertEquals("search", entries.get(0).get("action").asText());
        assertTrue(entries.get(0).get("detail").asText().startsWith("«ansvarsgruppe» type:journal"), entries.get(0).toString());
        assertEquals("show-document", entries.get(1).get("action").asText());
        assertEquals(docId, entries.get(1).get("target").asText());
        assertEquals("testar", entries.get(1).get("actor").asText());
        assertEquals("show-passage", entries.get(2).get("action").asText());
        // the governance document shown is not recorded; its search is
        assertEquals("search", entries.get(3).get("action").asText());
        assertEquals(4, entries.size(), trail.text());
        assertFalse(trail.text().contains(hit.get("text").asText()), "no document text in the trail");

        Answer csv = client.get("/api/cases/" + CASE + "/audit?format=csv&user=testar&since=" + since);
        assertEquals(200, csv.status());
        assertTrue(csv.text().startsWith("id,time,user,action,case,target_kind,target,detail,prev_hash,hash,detail_text"), csv.text());
        assertEquals(5, csv.text().strip().lines().count());
        assertEquals(0, client.get("/api/cases/" + CASE + "/audit?user=noen-andre").body().get("entries").size());
        assertEquals(400, client.get("/api/cases/" + CASE + "/audit?since=i-går").status());
    }

    @Test
    void aNynorskReaderIsShownTheTrailsFixedWordsInNynorskAndTheRecordAsItStands() throws Exception {
        String since = java.time.Instant.now().toString();
        String docId = client.get("/api/search?q=" + enc("ansvarsgruppe") + "&case=" + CASE + "&type=journal&limit=1")
                .body().get("hits").get(0).get("docId").asText();
        assertEquals(200, client.get("/api/document?case=" + CASE + "&doc=" + docId).status());
        String path = "/api/cases/" + CASE + "/audit?user=testar&since=" + enc(since);
        JsonNode nn = client.send("nn", "GET", path, null, null).body().get("entries").get(1);
        assertEquals("show-document", nn.get("action").asText(), nn.toString());
        assertEquals("journal, arbeidsflata", nn.get("detailShown").asText(), nn.toString());
        // the entry as recorded (its hash covers it), and the Bokmål words of before, unchanged
        assertEquals("journal, arbeidsflaten", nn.get("detail").asText());
        assertEquals("journal, arbeidsflaten", nn.get("detailText").asText());
        assertEquals("journal, arbeidsflaten", client.send("nb", "GET", path, null, null).body().get("entries").get(1)
                .get("detailShown").asText());
        // the download: the recorded detail, and last the words of the reader's language
        List<String> csv = client.send("nn", "GET", path + "&format=csv", null, null).text().lines().toList();
        assertTrue(csv.get(2).contains(",\"journal, arbeidsflaten\",") && csv.get(2).endsWith(",\"journal, arbeidsflata\""), csv.get(2));
        assertTrue(client.send("nb", "GET", path + "&format=csv", null, null).text().lines().toList().get(2)
                .endsWith(",\"journal, arbeidsflaten\""));
        assertTrue(client.get("/api/cases/" + CASE + "/audit").body().get("intact").asBoolean());
    }

    @Test
    void aStaleEditGets409WithBothVersionsAndAnApprovedFindingIsLocked() throws Exception {
        Answer created = client.json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"merknad\",\"title\":\"Rutinen er ikke evaluert\"}");
        assertEquals(201, created.status(), created.text());
        String base = "/api/findings/" + CASE + "/" + created.body().get("ref").asText();
        assertEquals(1, created.body().get("version").asInt());
        Answer kari = client.json("PATCH", base, "{\"text\":\"Karis tekst.\",\"version\":1}");
        assertEquals(200, kari.status(), kari.text());
        assertEquals(2, kari.body().get("version").asInt());
        Answer ola = client.json("PATCH", base, "{\"text\":\"Olas tekst.\",\"version\":1}");
        assertEquals(409, ola.status(), ola.text());
        assertEquals("Olas tekst.", ola.body().get("yours").get("text").asText());
        assertEquals("Karis tekst.", ola.body().get("current").get("text").asText());
        assertEquals(2, ola.body().get("current").get("version").asInt());
        Answer viaHeader = client.send(client.req(base).header("Content-Type", "application/json").header(WebServer.TOKEN_HEADER, client.token())
                .header("If-Match", "\"1\"").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"text\":\"Olas tekst.\"}")));
        assertEquals(409, viaHeader.status(), viaHeader.text());
        assertEquals("Karis tekst.", client.get(base).body().get("text").asText());

        assertEquals(200, client.json("POST", base + "/submit", "{\"version\":2}").status());
        Answer approved = client.json("POST", base + "/approve", "{}");
        assertEquals(200, approved.status(), approved.text());
        assertEquals("godkjent", approved.body().get("status").asText());
        Answer locked = client.json("PATCH", base, "{\"title\":\"Endret\"}");
        assertEquals(409, locked.status(), locked.text());
        assertTrue(locked.body().get("error").asText().contains("et godkjent funn er låst"), locked.text());
        assertEquals(200, client.json("POST", base + "/reopen", "{}").status());
        assertEquals("utkast", client.get(base).body().get("status").asText());
    }

    @Test
    void healthAndMetricsAnswerAndAHomeIsBackedUpWhileServedAndRestoredWithEveryQuotation() throws Exception {
        Answer health = client.get("/health");
        assertEquals(200, health.status(), health.text());
        assertEquals("UP", health.body().get("status").asText());
        assertEquals("ok", health.body().get("index").asText());
        JsonNode hit = client.get("/api/search?q=" + enc("individuell plan") + "&case=" + CASE + "&limit=2").body().get("hits");
        Answer created = client.json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"observasjon\",\"title\":\"Planer\","
                + "\"evidence\":{\"passageId\":\"" + hit.get(0).get("passageId").asText() + "\"}}");
        assertEquals(201, created.status(), created.text());
        String ref = created.body().get("ref").asText();
        assertEquals(201, client.json("POST", "/api/findings/" + CASE + "/" + ref + "/evidence",
                "{\"passageId\":\"" + hit.get(1).get("passageId").asText() + "\"}").status());
        // the lead reading the trail sees which file the finding quotes, not only its id
        JsonNode createdEntry = null;
        for (JsonNode e : client.get("/api/cases/" + CASE + "/audit").body().get("entries")) {
            if ("finding-create".equals(e.get("action").asText()) && ref.equals(e.get("target").asText())) {
                createdEntry = e;
            }
        }
        assertTrue(createdEntry != null, "the finding's creation is in the trail");
        assertEquals("med sitat fra " + hit.get(0).get("file").asText() + " (" + hit.get(0).get("docId").asText() + ")",
                createdEntry.get("detailText").asText(), createdEntry.toString());
        assertEquals("med sitat fra " + hit.get(0).get("docId").asText(), createdEntry.get("detail").asText(), "the entry itself keeps the id");

        Answer metrics = client.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.text().contains("evidens_http_requests_seconds_count{area=\"/api/search\",method=\"GET\",status=\"200\"}"), metrics.text());
        assertTrue(metrics.text().contains("evidens_http_requests_seconds_bucket{area=\"/api/findings\""), "latency histogram");
        assertTrue(metrics.text().contains("evidens_ingest_files_waiting 0.0"), metrics.text());
        assertTrue(metrics.text().lines().anyMatch(l -> l.startsWith("evidens_index_size_bytes ") && !l.endsWith(" 0.0")), metrics.text());
        assertEquals(405, client.send(client.req("/health").POST(HttpRequest.BodyPublishers.noBody())).status());

        // While the server runs (and answers a search meanwhile), back the home up; restore it into a new one.
        Path backup = Files.createTempDirectory("evidens-backup").resolve("b");
        Path restored = Files.createTempDirectory("evidens-restored").resolve("home");
        try {
            new HomeBackup(Duration.ofSeconds(20)).backup(ws.home, backup);
            assertEquals(200, client.get("/api/search?q=" + enc("plan") + "&case=" + CASE).status());
            new HomeBackup(Duration.ofSeconds(20)).restore(backup, new EvidensHome(restored));
            EvidensHome home = new EvidensHome(restored);
            List<Verification> checks = new FindingsService(home, SearcherSource.opening(IndexBackend.of(home)), FindingStore.DEFAULT_LOCK_WAIT)
                    .reports().verify(CASE, null);
            assertEquals(2, checks.size());
            checks.forEach(v -> assertEquals(Verification.OK, v.status(), v.problems().toString()));
            assertTrue(new FindingsService(home, SearcherSource.opening(IndexBackend.of(home)), FindingStore.DEFAULT_LOCK_WAIT).audit().verify().intact());
        } finally {
            SampleWorkspace.delete(backup.getParent());
            SampleWorkspace.delete(restored.getParent());
        }
    }

    @Test
    void aClosedCaseRefusesUploadsAndNewFindingsWithAClearMessage() throws Exception {
        String closed = "lukket-2026";
        // the day it was closed on, in Norwegian form and the server's zone, from the close itself: a day taken from the
        // clock afterwards is the next one when the test runs across midnight
        java.time.Instant closedAt = new CaseService(ws.home, Duration.ofSeconds(20)).close(closed, "leder", true).closedAt();
        String closedOn = java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy")
                .format(closedAt.atZone(java.time.ZoneId.systemDefault()));
        Answer upload = client.send(client.req("/api/ingest?case=" + closed).header("Content-Type", "application/zip").header(WebServer.TOKEN_HEADER, client.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'P', 'K', 5, 6})));
        assertEquals(409, upload.status(), upload.text());
        assertTrue(upload.body().get("error").asText().equals("Saken " + closed + " ble lukket av leder " + closedOn + " og kan bare leses."), upload.text());
        Answer create = client.json("POST", "/api/findings", "{\"case\":\"" + closed + "\",\"kind\":\"avvik\",\"title\":\"Sent\"}");
        assertEquals(409, create.status(), create.text());
        assertTrue(create.body().get("error").asText().startsWith("Saken " + closed + " ble lukket av leder"), create.text());
    }
}
