package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.WorkspaceClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/**
 * The workspace's REST API over real HTTP: reading (a document whole or a window at a time), findings, export, upload,
 * and what it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiIT {
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
    void searchesWithFacetsFiltersAndPages() throws Exception {
        Answer all = client.get("/api/search?q=" + enc("ansvarsgruppe") + "&case=" + CASE + "&limit=5");
        assertEquals(200, all.status());
        long total = all.body().get("total").asLong();
        assertTrue(total > 5, "total " + total);
        assertEquals(5, all.body().get("hits").size());
        assertTrue(all.body().get("hits").get(0).get("snippet").asText().contains("<mark>"));
        int styring = all.body().get("facets").get("type").get("styringsdokument").asInt();
        Answer filtered = client.get("/api/search?q=" + enc("ansvarsgruppe") + "&case=" + CASE + "&limit=50&filter=" + enc("type:styringsdokument"));
        assertEquals(styring, filtered.body().get("total").asInt());
        filtered.body().get("hits").forEach(h -> assertEquals("styringsdokument", h.get("type").asText()));
        String firstIndicator = all.body().get("facets").get("indicator").fieldNames().next();
        Answer byIndicator = client.get("/api/search?q=" + enc("ansvarsgruppe") + "&case=" + CASE + "&filter=" + enc("indicator:" + firstIndicator));
        assertEquals(all.body().get("facets").get("indicator").get(firstIndicator).asInt(), byIndicator.body().get("total").asInt());
        Answer page2 = client.get("/api/search?q=" + enc("ansvarsgruppe") + "&case=" + CASE + "&limit=5&offset=5");
        assertFalse(page2.body().get("hits").get(0).get("passageId").asText().equals(all.body().get("hits").get(0).get("passageId").asText()));
    }

    @Test
    void everyIndicatorOfAHitSaysWhy() throws Exception {
        JsonNode hits = client.get("/api/search?q=" + enc("indikator:taushetsplikt") + "&case=" + CASE + "&limit=20").body().get("hits");
        assertTrue(hits.size() > 0);
        for (JsonNode hit : hits) {
            JsonNode reasons = hit.get("indicatorReasons");
            assertEquals(hit.get("indicators").size(), reasons.size(), hit.get("passageId").asText());
            for (JsonNode r : reasons) {
                assertFalse(r.get("why").isEmpty());
                if (r.get("indicator").asText().equals("taushetsplikt") && r.get("source").asText().equals("pattern")) {
                    String word = r.get("words").get(0).asText();
                    assertTrue(hit.get("text").asText().replaceAll("\\s+", " ").contains(word), word);
                }
            }
        }
    }

    @Test
    void readsPassagesInContextAndDocumentsWithMarks() throws Exception {
        JsonNode hit = client.get("/api/search?q=" + enc("\"individuell plan\"") + "&case=" + CASE).body().get("hits").get(0);
        String id = hit.get("passageId").asText();
        Answer p = client.get("/api/passage?id=" + enc(id) + "&context=1");
        assertEquals(200, p.status());
        assertEquals(hit.get("text").asText(), p.body().get("passage").get("text").asText());
        assertTrue(p.body().get("context").size() >= 2);
        Answer d = client.get("/api/document?case=" + CASE + "&doc=" + hit.get("docId").asText() + "&q=" + enc("\"individuell plan\""));
        assertEquals(200, d.status());
        String text = d.body().get("document").get("text").asText();
        assertTrue(d.body().get("marks").size() > 0);
        JsonNode mark = d.body().get("marks").get(0);
        assertTrue(text.substring(mark.get("start").asInt(), mark.get("end").asInt()).toLowerCase().startsWith("individuell"));
        assertTrue(d.body().get("passages").size() > 1);
        assertEquals(0, d.body().get("document").get("pageStarts").get(0).asInt());
    }

    @Test
    void findingsRoundTripToDocx() throws Exception {
        Answer created = client.json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Kommunen sikrer ikke koordinator\","
                + "\"requirements\":[\"barnevernloven § 15-8\"],\"text\":\"Ingen oversikt.\"}");
        assertEquals(201, created.status(), String.valueOf(created.body()));
        String ref = created.body().get("ref").asText();
        assertEquals("avvik-1", ref);
        // Any span a reader selects: here one that runs across two passages of the document.
        JsonNode hit = client.get("/api/search?q=" + enc("oversikt koordinator") + "&case=" + CASE).body().get("hits").get(0);
        JsonNode doc = client.get("/api/document?case=" + CASE + "&doc=" + hit.get("docId").asText()).body();
        JsonNode passages = doc.get("passages");
        int start = passages.get(0).get("end").asInt() - 10;
        int end = passages.get(1).get("start").asInt() + 12;
        Answer attached = client.json("POST", "/api/findings/" + CASE + "/" + ref + "/evidence",
                "{\"docId\":\"" + hit.get("docId").asText() + "\",\"start\":" + start + ",\"end\":" + end + ",\"query\":\"oversikt koordinator\"}");
        assertEquals(201, attached.status(), String.valueOf(attached.body()));
        JsonNode item = attached.body().get("evidence").get(0);
        assertEquals(doc.get("document").get("text").asText().substring(start, end), item.get("quote").asText());
        assertEquals(passages.get(1).get("passageId").asText(), item.get("lastPassageId").asText());
        Answer second = client.json("POST", "/api/findings/" + CASE + "/" + ref + "/evidence", "{\"passageId\":\"" + hit.get("passageId").asText() + "\"}");
        assertEquals(2, second.body().get("evidence").size());
        long secondId = second.body().get("evidence").get(1).get("id").asLong();
        Answer moved = client.json("PATCH", "/api/evidence/" + CASE + "/" + secondId, "{\"position\":1}");
        assertEquals(secondId, moved.body().get("evidence").get(0).get("id").asLong());
        // The document shows which findings quote it; search says which findings use a passage.
        JsonNode again = client.get("/api/document?case=" + CASE + "&doc=" + hit.get("docId").asText()).body();
        assertEquals(2, again.get("evidence").size());
        JsonNode used = client.get("/api/search?q=" + enc("oversikt koordinator") + "&case=" + CASE).body().get("usedBy");
        assertEquals("avvik-1", used.get(hit.get("passageId").asText()).get(0).get("ref").asText());
        Answer edited = client.json("PATCH", "/api/findings/" + CASE + "/" + ref, "{\"title\":\"Kommunen sikrer ikke at ansvarsgruppene har koordinator\"}");
        assertEquals("Kommunen sikrer ikke at ansvarsgruppene har koordinator", edited.body().get("title").asText());

        Answer docx = client.get("/api/export?case=" + CASE + "&format=docx");
        assertEquals(200, docx.status());
        assertTrue(docx.response().headers().firstValue("Content-Disposition").orElse("").contains("funn-" + CASE + ".docx"));
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
             XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String text = x.getText();
            assertTrue(text.contains("Avvik 1"), text);
            assertTrue(text.contains("«" + item.get("quote").asText().strip()), text);
        }
        Answer md = client.get("/api/export?case=" + CASE + "&format=md");
        assertTrue(new String(md.bytes(), StandardCharsets.UTF_8).contains("## Avvik 1"));
        Answer csv = client.get("/api/export?case=" + CASE + "&format=csv");
        assertEquals(200, csv.status());
        Answer xlsx = client.get("/api/export?case=" + CASE + "&format=xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.response().headers().firstValue("Content-Disposition").orElse("").contains("funn-" + CASE + ".xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertEquals("Avvik 1", book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue());
        }

        Answer detached = client.json("DELETE", "/api/evidence/" + CASE + "/" + secondId, null);
        assertEquals(1, detached.body().get("evidence").size());
        assertEquals(204, client.json("DELETE", "/api/findings/" + CASE + "/" + ref, null).status());
        assertEquals(404, client.get("/api/findings/" + CASE + "/" + ref).status());
    }

    @Test
    void aFindingAndItsFirstQuotationAreCreatedTogetherOrNotAtAll() throws Exception {
        int before = client.get("/api/findings?case=" + CASE).body().size();
        JsonNode hit = client.get("/api/search?q=" + enc("koordinator") + "&case=" + CASE).body().get("hits").get(0);
        String docId = hit.get("docId").asText();
        String finding = "{\"case\":\"" + CASE + "\",\"kind\":\"observasjon\",\"title\":\"Koordinator\",\"evidence\":";
        Answer noPassage = client.json("POST", "/api/findings", finding + "{\"docId\":\"" + docId + "\",\"start\":900000000,\"end\":900000010}}");
        assertEquals(400, noPassage.status(), String.valueOf(noPassage.body()));
        assertTrue(noPassage.body().get("error").asText().contains("ligger utenfor dokumentet"), noPassage.body().toString());
        Answer otherCase = client.json("POST", "/api/findings", finding + "{\"passageId\":\"annen-sak/" + docId + "/0\"}}");
        assertEquals(400, otherCase.status(), String.valueOf(otherCase.body()));
        Answer wrongQuote = client.json("POST", "/api/findings", finding + "{\"passageId\":\"" + hit.get("passageId").asText()
                + "\",\"quote\":\"står ikke her\"}}");
        assertEquals(400, wrongQuote.status(), String.valueOf(wrongQuote.body()));
        assertEquals(before, client.get("/api/findings?case=" + CASE).body().size(), "a failed attach leaves no finding behind");

        Answer created = client.json("POST", "/api/findings", finding + "{\"passageId\":\"" + hit.get("passageId").asText() + "\",\"note\":\"n\"}}");
        assertEquals(201, created.status(), String.valueOf(created.body()));
        assertEquals(1, created.body().get("evidence").size());
        assertEquals(hit.get("passageId").asText(), created.body().get("evidence").get(0).get("passageId").asText());
        assertEquals(204, client.json("DELETE", "/api/findings/" + CASE + "/" + created.body().get("ref").asText(), null).status());
    }

    @Test
    void overviewCountsIndicatorsPerDocumentType() throws Exception {
        Answer o = client.get("/api/overview?case=" + CASE);
        assertEquals(200, o.status());
        assertTrue(o.body().get("types").toString().contains("styringsdokument"));
        assertTrue(o.body().get("indicators").size() > 5);
        int sum = 0;
        for (JsonNode row : o.body().get("indicators")) {
            sum += row.get("total").asInt();
        }
        assertTrue(sum > 0);
    }

    @Test
    void errorsAreJsonWithAClearMessageAndStatus() throws Exception {
        Answer badQuery = client.get("/api/search?q=" + enc("\"unclosed") + "&case=" + CASE);
        assertEquals(400, badQuery.status());
        // in the workspace's language (Bokmål unless the user chose Nynorsk)
        assertEquals("Søket «\"unclosed» kan ikke leses: et anførselstegn \" er ikke lukket.", badQuery.body().get("error").asText());
        assertEquals(400, client.get("/api/search?case=" + CASE).status());
        assertEquals(400, client.get("/api/search?q=x&limit=100000").status());
        assertEquals(400, client.get("/api/search?q=x&filter=" + enc("farge:blå")).status());
        assertEquals(400, client.get("/api/document?case=" + enc("../etc") + "&doc=abc").status());
        assertEquals(404, client.get("/api/document?case=" + CASE + "&doc=abcdef").status());
        assertEquals(404, client.get("/api/nothing").status());
        assertEquals(405, client.send(client.req("/api/search?q=x").header(WebServer.TOKEN_HEADER, client.token()).DELETE()).status());
        assertEquals(400, client.json("POST", "/api/findings", "{not json").status());
        Answer unknownField = client.json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"t\",\"colour\":1}");
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.body().get("error").asText().startsWith("Feltet «colour» er ukjent"), unknownField.body().toString());
        assertEquals(400, client.json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"feil\",\"title\":\"t\"}").status());
        assertEquals(415, client.send(client.req("/api/findings").header(WebServer.TOKEN_HEADER, client.token())
                .POST(HttpRequest.BodyPublishers.ofString("case=x"))).status());
        Answer tooBig = client.json("POST", "/api/findings", "{\"title\":\"" + "x".repeat(Exchange.MAX_JSON_BYTES + 10) + "\"}");
        assertEquals(413, tooBig.status());
    }

    @Test
    void stateChangingRequestsNeedTheTokenAndThisOrigin() throws Exception {
        String body = "{\"case\":\"" + CASE + "\",\"kind\":\"merknad\",\"title\":\"t\"}";
        Answer noToken = client.send(client.req("/api/findings").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, noToken.status());
        assertTrue(noToken.body().get("error").asText().contains(WebServer.TOKEN_HEADER));
        Answer wrongToken = client.send(client.req("/api/findings").header("Content-Type", "application/json").header(WebServer.TOKEN_HEADER, (client.token().charAt(0) == '0' ? "1" : "0") + client.token().substring(1))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, wrongToken.status());
        Answer otherSite = client.send(client.req("/api/findings").header("Content-Type", "application/json").header(WebServer.TOKEN_HEADER, client.token())
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, otherSite.status());
        assertTrue(otherSite.body().get("error").asText().contains("et annet nettsted"));
        // A page of another name resolving to 127.0.0.1 (DNS rebinding) is refused even for reading.
        try (Socket s = new Socket("127.0.0.1", ws.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/session HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
            assertFalse(answer.contains(client.token()));
        }
        Answer page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.response().headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    }

    @Test
    void uploadsAZipAndIngestsItWithAReceipt() throws Exception {
        Answer notZip = client.send(client.req("/api/ingest?case=opplasting").header(WebServer.TOKEN_HEADER, client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofString("hello, not a zip")));
        assertEquals(415, notZip.status());
        assertTrue(notZip.body().get("error").asText().contains(".zip"));
        Answer tooLarge = client.send(client.req("/api/ingest?case=opplasting").header(WebServer.TOKEN_HEADER, client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[128 * 1024])));
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.body().get("error").asText().contains("for stor"));
        Answer badCase = client.send(client.req("/api/ingest?case=" + enc("../x")).header(WebServer.TOKEN_HEADER, client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip())));
        assertEquals(400, badCase.status());

        JsonNode receipt = upload("opplasting", "bunke.zip", zip());
        assertEquals(1, receipt.get("counts").get("indexed").asInt(), receipt.toString());
        assertEquals(1, receipt.get("counts").get("failed").asInt(), receipt.toString());
        for (JsonNode f : receipt.get("files")) {
            if ("failed".equals(f.get("status").asText())) {
                assertFalse(f.get("reason").asText().isBlank());
            }
        }
        assertTrue(client.get("/api/cases").body().get("cases").toString().contains("opplasting"));
        Answer found = client.get("/api/search?q=" + enc("opplastingsprøve") + "&case=opplasting");
        assertEquals(1, found.body().get("total").asInt(), found.body().toString());
    }

    /**
     * Two servers on one home (or one restarted while another runs) each count their uploads: neither takes an id the
     * other has given, so neither writes over the other's job, and the job another server kept still reads.
     */
    @Test
    void anUploadTakesNoIdAnotherServerOnTheHomeHasGiven() throws Exception {
        JsonNode first = uploadJob("to-tjenere", "a.zip", zipOf("journaler/a.txt", "Koordinatoren skriver referat.\n"));
        String taken = Long.toString(Long.parseLong(first.get("id").asText()) + 1);
        // the job another server on this home has just started under the next id
        IngestJobFiles onDisk = new IngestJobFiles(ws.home.root());
        String now = Instant.now().toString();
        onDisk.save(new IngestJob.Saved(taken, "annen-tjener", "b.zip", null, ws.home.root().resolve("bundles/b.zip").toString(),
                IngestJob.DONE, 0, 0, 0, null, null, now, now, null, null, null));

        JsonNode second = uploadJob("to-tjenere", "c.zip", zipOf("journaler/c.txt", "Koordinatoren skriver logg.\n"));
        assertFalse(taken.equals(second.get("id").asText()), "the other server's id given again: " + second);
        IngestJob.Saved kept = onDisk.load().stream().filter(j -> j.id().equals(taken)).findFirst().orElseThrow();
        assertEquals("annen-tjener", kept.caseId(), "the other server's job is kept as it wrote it");
        assertEquals("to-tjenere", client.get("/api/ingest/" + second.get("id").asText()).body().get("case").asText());
    }

    /** Uploads a zip into the case under its name and waits for the ingest to finish: its receipt. */
    private JsonNode upload(String caseId, String name, byte[] zip) throws Exception {
        return uploadJob(caseId, name, zip).get("receipt");
    }

    /** Uploads a zip into the case under its name and waits for the ingest to finish: the job, done. */
    private JsonNode uploadJob(String caseId, String name, byte[] zip) throws Exception {
        Answer started = client.send(client.req("/api/ingest?case=" + caseId + "&name=" + enc(name)).header(WebServer.TOKEN_HEADER, client.token())
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
        assertEquals(202, started.status(), String.valueOf(started.body()));
        String id = started.body().get("id").asText();
        JsonNode job = started.body();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while ("running".equals(job.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = client.get("/api/ingest/" + id).body();
        }
        assertEquals("done", job.get("state").asText(), job.toString());
        return job;
    }

    /** A zip of one text file (also the uploads of {@link TwoServersOneHomeIT}). */
    static byte[] zipOf(String path, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(path));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aCorrectedUploadOfTheSameNameIsANewVersionAndSearchShowsTheNewest() throws Exception {
        upload("rettet", "lyngvik.zip", zipOf("journaler/notat.txt", "Koordinatoren ringer foreldrene hver uke.\n"));
        JsonNode receipt = upload("rettet", "lyngvik.zip", zipOf("journaler/notat.txt", "Koordinatoren ringer foreldrene hver måned.\n"));
        JsonNode line = receipt.get("files").get(0);
        String old = line.get("newVersionOf").asText();
        assertEquals(16, old.length(), receipt.toString());
        assertTrue(line.get("reasonText").asText().startsWith("ny versjon av dokument " + old), line.toString());

        String q = "/api/search?q=" + enc("\"ringer foreldrene\"") + "&case=rettet";
        JsonNode newest = client.get(q).body();
        assertEquals(1, newest.get("total").asInt(), newest.toString());
        assertFalse(newest.get("allVersions").asBoolean());
        JsonNode all = client.get(q + "&allVersions=true").body();
        assertEquals(2, all.get("total").asInt(), all.toString());
        assertEquals(400, client.get(q + "&allVersions=kanskje").status());

        JsonNode doc = client.get("/api/document?case=rettet&doc=" + old).body();
        assertEquals(newest.get("hits").get(0).get("docId").asText(), doc.get("newerVersion").get("docId").asText(), doc.toString());
        assertTrue(client.get("/api/document?case=rettet&doc=" + doc.get("newerVersion").get("docId").asText()).body()
                .get("newerVersion").isNull());
    }

    /** A small bundle: one routine, and one empty file that must fail with a reason. */
    private static byte[] zip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("styringsdokumenter/rutine.txt"));
            z.write(("Rutine for opplastingsprøve\n\nKoordinatoren kaller inn ansvarsgruppen. <script>alert(1)</script> "
                    + "Rutinen evalueres hvert år.\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("journaler/tom.txt"));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }


    /** The words the windows of a document are marked with ({@code /api/document} a window at a time). */
    private static final String QUERY = "ansvarsgruppe OR koordinator";

    /** The longest document of the sample with a journal's or client record's hit for the query. */
    private String journal() throws Exception {
        JsonNode hits = client.get("/api/search?q=" + enc(QUERY) + "&case=" + CASE + "&type=journal&limit=50").body().get("hits");
        String best = null;
        int longest = 0;
        for (JsonNode h : hits) {
            int length = client.get("/api/document?case=" + CASE + "&doc=" + h.get("docId").asText()).body()
                    .get("document").get("text").asText().length();
            if (length > longest) {
                longest = length;
                best = h.get("docId").asText();
            }
        }
        assertTrue(longest > 3 * TextWindow.MIN_SIZE, "a journal of several windows: " + longest);
        return best;
    }

    private String path(String docId, String more) {
        return "/api/document?case=" + CASE + "&doc=" + docId + "&q=" + enc(QUERY) + more;
    }

    @Test
    void windowsPagedEndToStartGiveTheWholeDocumentWithItsOwnOffsets() throws Exception {
        String docId = journal();
        JsonNode whole = client.get(path(docId, "")).body();
        assertFalse(whole.has("window"), "without from or around: the whole document, as before");
        assertFalse(whole.has("matchStarts"));
        String text = whole.get("document").get("text").asText();
        StringBuilder joined = new StringBuilder();
        List<String> passages = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        int windows = 0;
        for (int from = 0; from < text.length(); windows++) {
            JsonNode w = client.get(path(docId, "&from=" + from + "&size=" + TextWindow.MIN_SIZE + "&outline=" + (from == 0))).body();
            int wFrom = w.get("window").get("from").asInt();
            int wTo = w.get("window").get("to").asInt();
            assertEquals(from, wFrom, "a window asked from an offset begins there");
            assertEquals(text.length(), w.get("document").get("length").asInt());
            assertFalse(w.get("document").has("text"), "the text of the window only");
            assertEquals(from == 0, w.has("matchStarts"), "the outline of the hits when asked for");
            joined.append(w.get("window").get("text").asText());
            w.get("passages").forEach(p -> {
                assertTrue(p.get("start").asInt() >= wFrom && p.get("start").asInt() < wTo, p.toString());
                passages.add(p.toString());
            });
            for (JsonNode m : w.get("marks")) {
                assertTrue(m.get("end").asInt() > wFrom && m.get("start").asInt() < wTo, m.toString());
                if (marks.isEmpty() || !marks.get(marks.size() - 1).equals(m.toString())) {
                    marks.add(m.toString()); // a mark across two windows' meeting is in both
                }
            }
            from = wTo;
        }
        assertTrue(windows >= 3, "paged in " + windows + " windows");
        assertEquals(text, joined.toString());
        List<String> allPassages = new ArrayList<>();
        whole.get("passages").forEach(p -> allPassages.add(p.toString()));
        assertEquals(allPassages, passages, "every passage once, in order");
        List<String> allMarks = new ArrayList<>();
        whole.get("marks").forEach(m -> allMarks.add(m.toString()));
        assertFalse(allMarks.isEmpty());
        assertEquals(allMarks, marks);

        // The starts of the passages the query matches: those holding a mark of the whole document's
        TreeSet<Integer> starts = new TreeSet<>();
        for (JsonNode m : whole.get("marks")) {
            for (JsonNode p : whole.get("passages")) {
                if (p.get("start").asInt() <= m.get("start").asInt() && m.get("start").asInt() < p.get("end").asInt()) {
                    starts.add(p.get("start").asInt());
                }
            }
        }
        List<Integer> matchStarts = new ArrayList<>();
        client.get(path(docId, "&from=0")).body().get("matchStarts").forEach(s -> matchStarts.add(s.asInt()));
        assertEquals(List.copyOf(starts), matchStarts);
    }

    @Test
    void aWindowAroundAnOffsetHoldsItAndBadWindowsAreRefusedInWords() throws Exception {
        String docId = journal();
        JsonNode whole = client.get(path(docId, "")).body();
        JsonNode mark = whole.get("marks").get(whole.get("marks").size() - 1);
        JsonNode w = client.get(path(docId, "&around=" + mark.get("start").asInt() + "&size=" + TextWindow.MIN_SIZE)).body();
        int from = w.get("window").get("from").asInt();
        assertTrue(from <= mark.get("start").asInt() && mark.get("end").asInt() <= w.get("window").get("to").asInt(), w.get("window").toString());
        assertTrue(w.get("marks").toString().contains(mark.toString()));
        assertEquals(whole.get("document").get("text").asText().substring(from, w.get("window").get("to").asInt()),
                w.get("window").get("text").asText());

        Answer both = client.get(path(docId, "&from=0&around=10"));
        assertEquals(400, both.status());
        assertTrue(both.text().contains("enten «from» eller «around»"), both.text());
        assertEquals(400, client.get(path(docId, "&from=0&size=10")).status());
        assertEquals(400, client.get(path(docId, "&from=-1")).status());
        assertEquals(400, client.get(path(docId, "&from=0&opening=" + "x".repeat(65))).status());
        assertEquals(404, client.get("/api/document?case=" + CASE + "&doc=abcdef&from=0").status());
        JsonNode past = client.get(path(docId, "&from=99999999")).body();
        assertEquals("", past.get("window").get("text").asText(), "past the end: an empty window at the end");
        assertNull(past.get("newerVersion").textValue());
    }

    @Test
    void theWindowsOfOneOpeningAreOneLineOfTheTrail() throws Exception {
        String docId = journal();
        String since = java.time.Instant.now().toString();
        for (int from = 0; from < 3 * TextWindow.MIN_SIZE; from += TextWindow.MIN_SIZE) {
            assertEquals(200, client.get(path(docId, "&from=" + from + "&size=" + TextWindow.MIN_SIZE + "&opening=les-1")).status());
        }
        assertEquals(200, client.get(path(docId, "&around=500&opening=les-2")).status());
        assertEquals(200, client.get(path(docId, "&around=500")).status());
        JsonNode entries = client.get("/api/cases/" + CASE + "/audit?since=" + since).body().get("entries");
        List<String> shown = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get("action").asText().equals("show-document")) {
                assertEquals(docId, e.get("target").asText());
                shown.add(e.get("detail").asText());
            }
        });
        assertEquals(3, shown.size(), "one line for the three windows of the first opening, one for the second, one for a window "
                + "without an opening: " + entries);
        assertTrue(shown.get(0).endsWith("arbeidsflaten"), shown.get(0));
    }
}
