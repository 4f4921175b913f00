package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.search.SavedSearchService;

/**
 * The workspace's search API as the search help promises it (every row finds something in the sample),
 * grouped by document, and the doors that keep broken text and unknown cases out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchWorkspaceIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private SampleWorkspace ws;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(64 * 1024);
        token = get("/api/session").body.get("token").asText();
    }

    @AfterAll
    void stop() {
        ws.close();
    }

    private Answer send(HttpRequest.Builder b) throws Exception {
        HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") && r.body().length > 0;
        return new Answer(r.statusCode(), json ? Json.mapper().readTree(r.body()) : null);
    }

    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ws.url() + path.substring(1))).GET());
    }

    Answer json(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ws.url() + path.substring(1))).header("Content-Type", "application/json")
                .header(WebServer.TOKEN_HEADER, token).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every row of the workspace's search help, as its example is written there. */
    @ParameterizedTest
    @ValueSource(strings = {"ansvarsgruppe taushetsplikt", "\"individuell plan\"", "samarbeid -NAV", "fastlege OR allmennlege",
        "barnevern*", "samarb*", "koordinator~1", "\"taushetsplikt samarbeid\"~10", "type:journal", "sak:fjordvik-2026 plan",
        "fil:journaler/fastlege-journalutdrag.txt", "overskrift:ansvarsgruppe", "indikator:taushetsplikt", "lov:barnevernloven",
        "sitat:ja", "år:2025"})
    void everyHelpRowFindsPassages(String query) throws Exception {
        Answer a = get("/api/search?q=" + enc(query) + "&case=" + CASE);
        assertEquals(200, a.status, query + ": " + a.body);
        assertTrue(a.body.get("total").asLong() > 0, query + " finds nothing");
    }

    @Test
    void groupedByDocumentEachDocumentOnceWithItsCount() throws Exception {
        Answer flat = get("/api/search?q=plan&case=" + CASE + "&limit=100");
        Answer g = get("/api/search?q=plan&case=" + CASE + "&group=document&limit=5");
        assertEquals(200, g.status, String.valueOf(g.body));
        assertEquals(flat.body.get("total").asLong(), g.body.get("total").asLong(), "the passage total stays");
        JsonNode docs = g.body.get("documents");
        assertTrue(docs.size() > 1 && docs.size() <= 5, docs.toString());
        Set<String> seen = new HashSet<>();
        int counted = 0;
        for (JsonNode d : docs) {
            assertTrue(seen.add(d.get("docId").asText()), "a document once");
            assertTrue(d.get("passages").size() >= 1 && d.get("passages").size() <= 3);
            assertTrue(d.get("hits").asInt() >= d.get("passages").size());
            d.get("passages").forEach(p -> assertEquals(d.get("docId").asText(), p.get("docId").asText()));
            counted += d.get("hits").asInt();
        }
        assertTrue(counted <= flat.body.get("total").asInt());
        assertTrue(g.body.get("documentTotal").asInt() >= docs.size());
        assertTrue(g.body.get("hits").size() > 0, "the old field holds the passages shown");
        Answer page2 = get("/api/search?q=plan&case=" + CASE + "&group=document&limit=5&offset=5");
        page2.body.get("documents").forEach(d -> assertFalse(seen.contains(d.get("docId").asText()), "page 2 has other documents"));
    }

    @Test
    void brokenTextIsRefusedAtTheDoor() throws Exception {
        Answer a = json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Halv \\ud800 tegn\"}");
        assertEquals(400, a.status, String.valueOf(a.body));
        assertEquals("title", a.body.get("field").asText(), String.valueOf(a.body));
        assertTrue(a.body.get("error").asText().contains("«Tittel»"), "named as the form shows it: " + a.body);
    }

    @Test
    void anUnknownCaseIsNotCreatedByAFinding() throws Exception {
        Answer a = json("POST", "/api/findings", "{\"case\":\"fjordvik-2062\",\"kind\":\"avvik\",\"title\":\"Skrivefeil i saken\"}");
        assertEquals(404, a.status, String.valueOf(a.body));
        assertFalse(get("/api/cases").body.get("cases").toString().contains("fjordvik-2062"));
    }

    private Answer getNynorsk(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ws.url() + path.substring(1))).header("Cookie", ErrorTexts.COOKIE + "=nn").GET());
    }

    @Test
    void aCaseWithNoBundleAndATypeNoDocumentHasAreRefusedNotAnsweredWithNoHits() throws Exception {
        Answer unknown = get("/api/search?q=plan&case=fjordvik-2062");
        assertEquals(404, unknown.status, String.valueOf(unknown.body));
        assertEquals("Saken fjordvik-2062 finnes ikke: les inn dokumentene i den eller opprett den først.",
                unknown.body.get("error").asText());
        Answer folder = get("/api/search?q=plan&case=" + CASE + "&type=journaler");
        assertEquals(400, folder.status, String.valueOf(folder.body));
        assertEquals("Parameteren «type» kan ikke være «journaler»: bruk en av styringsdokument, journal, klientdokumentasjon, annet.",
                folder.body.get("error").asText());
        // a known case that holds nothing on the subject still answers 0 hits; a type in capitals is that type
        Answer nothing = get("/api/search?q=" + enc("qzxqzxqzx") + "&case=" + CASE);
        assertEquals(200, nothing.status, String.valueOf(nothing.body));
        assertEquals(0, nothing.body.get("total").asInt());
        Answer capitals = get("/api/search?q=plan&case=" + CASE + "&type=Journal");
        assertEquals(200, capitals.status, String.valueOf(capitals.body));
        assertEquals("journal", capitals.body.get("type").asText());
        assertTrue(capitals.body.get("total").asInt() > 0, capitals.body.toString());
    }

    @Test
    void aCaseFilterNamingACaseWithNoBundleIsRefusedAsTheCaseParameterIs() throws Exception {
        String message = "Saken fjordvik-2062 finnes ikke: les inn dokumentene i den eller opprett den først.";
        Answer unknown = get("/api/search?q=plan&filter=" + enc("case:fjordvik-2062"));
        assertEquals(404, unknown.status, String.valueOf(unknown.body));
        assertEquals(message, unknown.body.get("error").asText());
        // one known case with hits beside it does not hide the mistyped one, grouped or not
        Answer beside = get("/api/search?q=plan&group=document&filter=" + enc("case:" + CASE) + "&filter=" + enc("case:fjordvik-2062"));
        assertEquals(404, beside.status, String.valueOf(beside.body));
        assertEquals(message, beside.body.get("error").asText());
        // and as a field of the query text
        Answer inQuery = get("/api/search?q=" + enc("plan sak:fjordvik-2062"));
        assertEquals(404, inQuery.status, String.valueOf(inQuery.body));
        assertEquals(message, inQuery.body.get("error").asText());
        // a known case that holds nothing on the subject still answers 0 hits
        Answer nothing = get("/api/search?q=" + enc("qzxqzxqzx") + "&filter=" + enc("case:" + CASE));
        assertEquals(200, nothing.status, String.valueOf(nothing.body));
        assertEquals(0, nothing.body.get("total").asInt());
    }

    @Test
    void aFacetValueNoPassageOfTheCaseCarriesIsRefusedWithTheValuesThereAndAnUnknownFacetWithTheFacets() throws Exception {
        String place = get("/api/search?q=plan&case=" + CASE).body.get("facets").get("kommune").fieldNames().next();
        String nb = "Ingen avsnitt du søker i, har «kommune:Atlantis». Noen verdier som finnes, de nærmeste først: " + place + ".";
        Answer filter = get("/api/search?q=plan&case=" + CASE + "&filter=" + enc("kommune:Atlantis"));
        assertEquals(404, filter.status, String.valueOf(filter.body));
        assertEquals(nb, filter.body.get("error").asText());
        // one value with hits beside it does not hide the mistyped one, grouped or not (as a case filter)
        Answer beside = get("/api/search?q=plan&group=document&filter=" + enc("kommune:" + place) + "&filter=" + enc("kommune:Atlantis"));
        assertEquals(404, beside.status, String.valueOf(beside.body));
        // as a term of the query, when it finds nothing: a service one letter off is named first
        Answer term = get("/api/search?q=" + enc("plan tjeneste:helsa") + "&case=" + CASE);
        assertEquals(404, term.status, String.valueOf(term.body));
        assertTrue(term.body.get("error").asText().startsWith("Ingen avsnitt du søker i, har «tjeneste:helsa». "
                + "Noen verdier som finnes, de nærmeste først: helse"), term.body.toString());
        Answer nn = getNynorsk("/api/search?q=plan&filter=" + enc("indicator:finst-ikkje"));
        assertEquals(404, nn.status, String.valueOf(nn.body));
        assertTrue(nn.body.get("error").asText().startsWith("Ingen avsnitt du søkjer i, har «indicator:finst-ikkje». Nokre verdiar som finst"),
                nn.body.toString());
        // a value the case carries, with no passage on the subject, is still 0 hits, as a filter and as a term
        for (String path : List.of("/api/search?q=" + enc("qzxqzxqzx") + "&case=" + CASE + "&filter=" + enc("kommune:" + place),
                "/api/search?q=" + enc("qzxqzxqzx tjeneste:Helse") + "&case=" + CASE)) {
            Answer nothing = get(path);
            assertEquals(200, nothing.status, path + ": " + nothing.body);
            assertEquals(0, nothing.body.get("total").asInt());
        }
        // a facet that does not exist: 400, naming those that do
        Answer county = get("/api/search?q=plan&filter=" + enc("fylke:Vestland"));
        assertEquals(400, county.status, String.valueOf(county.body));
        assertEquals("Filteret «fylke:Vestland» kan ikke brukes: skriv det som dimensjon:verdi, med en av dimensjonene "
                + "case, indicator, kommune, lov, sitat, tjeneste, type, år.", county.body.get("error").asText());
    }

    @Test
    void errorsAndWordsInTheUsersLanguage() throws Exception {
        Answer nb = get("/api/search?q=" + enc("(barnevern") + "&case=" + CASE);
        assertEquals(400, nb.status);
        assertEquals("Søket «(barnevern» kan ikke leses: parentesene ( ) går ikke opp.", nb.body.get("error").asText());
        Answer nn = getNynorsk("/api/search?q=" + enc("(barnevern") + "&case=" + CASE);
        assertEquals("Søket «(barnevern» kan ikkje lesast: parentesane ( ) går ikkje opp.", nn.body.get("error").asText());
        Answer field = getNynorsk("/api/search?q=" + enc("forfatter:kari") + "&case=" + CASE);
        assertTrue(field.body.get("error").asText().startsWith("Søket «forfatter:kari» brukar feltet «forfatter», som ikkje finst."),
                field.body.toString());
        Answer texts = getNynorsk("/api/tekster");
        assertEquals("nn", texts.body.get("sprak").asText());
        assertEquals("Teneste", texts.body.get("tekster").get("facet.tjeneste").asText());
        assertEquals("Med sitat", texts.body.get("tekster").get("value.sitat.ja").asText());
        assertTrue(texts.body.get("indikatorer").size() > 5, "indicator labels from the codebook");
        assertTrue(texts.body.get("grunner").elements().next().asText().length() > 5);
        Answer attach = send(HttpRequest.newBuilder(URI.create(ws.url() + "api/findings")).header("Content-Type", "application/json")
                .header(WebServer.TOKEN_HEADER, token).header("Cookie", ErrorTexts.COOKIE + "=nn")
                .POST(HttpRequest.BodyPublishers.ofString("{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Prøve\","
                        + "\"evidence\":{\"passageId\":\"" + CASE + "/0000/3\"}}")));
        assertEquals(400, attach.status, String.valueOf(attach.body));
        assertEquals("Avsnittet " + CASE + "/0000/3 finst ikkje (lenger) i søkjeindeksen: søk på nytt.", attach.body.get("error").asText());
    }

    @Test
    void aSavedSearchKeepsItsCountAndShowsTheCountNow() throws Exception {
        Answer saved = json("POST", "/api/lagrede-sok", "{\"case\":\"" + CASE + "\",\"name\":\"Koordinator i journaler\","
                + "\"query\":\"koordinator~1\",\"filters\":[\"type:journal\"]}");
        assertEquals(201, saved.status, String.valueOf(saved.body));
        long hits = get("/api/search?q=" + enc("koordinator~1") + "&case=" + CASE + "&filter=" + enc("type:journal")).body.get("total").asLong();
        assertEquals(hits, saved.body.get("hitsSaved").asLong());
        JsonNode list = get("/api/lagrede-sok?case=" + CASE).body.get("searches");
        JsonNode s = list.get(0);
        assertEquals("Koordinator i journaler", s.get("name").asText());
        assertEquals(hits, s.get("hitsNow").asLong());
        assertEquals("type:journal", s.get("filters").get(0).asText());
        Answer deleted = send(HttpRequest.newBuilder(URI.create(ws.url() + "api/lagrede-sok/" + CASE + "/" + s.get("id").asLong()))
                .header(WebServer.TOKEN_HEADER, token).DELETE());
        assertEquals(204, deleted.status);
        assertEquals(0, get("/api/lagrede-sok?case=" + CASE).body.get("searches").size());
    }

    @Test
    void aSavedSearchThatCanNeverMatchIsRefusedAndOneWhoseValueVanishedSaysSoInItsListing() throws Exception {
        String place = get("/api/search?q=plan&case=" + CASE).body.get("facets").get("kommune").fieldNames().next();
        // saving is refused as the search is, in the same words: a filter value, and a value in a query that finds nothing
        String filter = "/api/search?q=plan&case=" + CASE + "&filter=" + enc("kommune:Atlantis");
        Answer atlantis = json("POST", "/api/lagrede-sok", "{\"case\":\"" + CASE + "\",\"name\":\"Atlantis\",\"query\":\"plan\","
                + "\"filters\":[\"kommune:Atlantis\"]}");
        assertEquals(404, atlantis.status, String.valueOf(atlantis.body));
        assertEquals(get(filter).body.get("error"), atlantis.body.get("error"));
        Answer term = json("POST", "/api/lagrede-sok", "{\"case\":\"" + CASE + "\",\"name\":\"Helsa\",\"query\":\"plan tjeneste:helsa\"}");
        assertEquals(404, term.status, String.valueOf(term.body));
        assertEquals(get("/api/search?q=" + enc("plan tjeneste:helsa") + "&case=" + CASE).body.get("error"), term.body.get("error"));
        Answer unreadable = json("POST", "/api/lagrede-sok", "{\"case\":\"" + CASE + "\",\"name\":\"Feil\",\"query\":\"(plan\"}");
        assertEquals(400, unreadable.status, String.valueOf(unreadable.body));
        assertEquals(0, get("/api/lagrede-sok?case=" + CASE).body.get("searches").size(), "nothing refused was saved");
        // one saved while its municipality was in the case (written to the store as the web saved it then): the listing says
        // what a search answers now, in the reader's language, beside its 0 hits; one that runs has no such word
        SavedSearchService store = new SavedSearchService(ws.home, Duration.ofSeconds(20));
        long gone = store.save(CASE, "Før ny innlesing", "plan", List.of("kommune:Atlantis"), 7, "kari", true).id();
        long runs = store.save(CASE, "Plan", "plan", List.of("kommune:" + place), 7, "kari", true).id();
        JsonNode list = get("/api/lagrede-sok?case=" + CASE).body.get("searches");
        assertEquals(2, list.size(), list.toString());
        for (JsonNode s : list) {
            if (s.get("id").asLong() == gone) {
                assertEquals(0, s.get("hitsNow").asLong());
                assertEquals(7, s.get("hitsSaved").asLong());
                assertEquals(get(filter).body.get("error"), s.get("refusedNow"));
            } else {
                assertTrue(s.get("hitsNow").asLong() > 0, s.toString());
                assertTrue(s.get("refusedNow").isNull(), s.toString());
            }
        }
        JsonNode nn = getNynorsk("/api/lagrede-sok?case=" + CASE).body.get("searches");
        assertTrue(nn.toString().contains("Ingen avsnitt du søkjer i, har «kommune:Atlantis». Nokre verdiar som finst"), nn.toString());
        for (long id : List.of(gone, runs)) {
            assertEquals(204, send(HttpRequest.newBuilder(URI.create(ws.url() + "api/lagrede-sok/" + CASE + "/" + id))
                    .header(WebServer.TOKEN_HEADER, token).DELETE()).status);
        }
    }

    @Test
    void batchSearchAnswersTheMatrixAsJsonAndXlsx() throws Exception {
        String body = Json.write(java.util.Map.of("case", CASE, "queries", "label,query\nKOORDINATOR,koordinator\nPLAN,\"individuell plan\"\n"));
        Answer m = json("POST", "/api/batch", body);
        assertEquals(200, m.status, String.valueOf(m.body));
        assertEquals(2, m.body.get("rows").size());
        assertEquals("KOORDINATOR", m.body.get("rows").get(0).get("label").asText());
        assertTrue(m.body.get("rows").get(0).get("total").asInt() > 0);
        assertEquals(m.body.get("files").size(), m.body.get("rows").get(0).get("counts").size());
        Answer bad = send(HttpRequest.newBuilder(URI.create(ws.url() + "api/batch")).header("Content-Type", "application/json")
                .header(WebServer.TOKEN_HEADER, token).header("Cookie", ErrorTexts.COOKIE + "=nn")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("case", CASE, "queries", "label,query\nOK,koordinator\nFEIL,(barnevern\n")))));
        assertEquals(200, bad.status, String.valueOf(bad.body));
        assertEquals("Linje 3: Søket «(barnevern» kan ikkje lesast: parentesane ( ) går ikkje opp.", bad.body.get("rows").get(1).get("error").asText(),
                "an unreadable query's row says why in the reader's language, naming its line");
        assertEquals(3, bad.body.get("rows").get(1).get("line").asInt());
        assertEquals(2, bad.body.get("rows").get(0).get("line").asInt());
        assertTrue(bad.body.get("rows").get(0).get("error").isNull());
        // a line with a value no passage of the case has: its row says so with the values there, the other lines run
        String place = get("/api/search?q=plan&case=" + CASE).body.get("facets").get("kommune").fieldNames().next();
        Answer atlantis = json("POST", "/api/batch", Json.write(java.util.Map.of("case", CASE, "queries", "koordinator\n\nplan kommune:Atlantis\n")));
        assertEquals(200, atlantis.status, String.valueOf(atlantis.body));
        assertTrue(atlantis.body.get("rows").get(0).get("total").asInt() > 0);
        assertEquals("Linje 3: Ingen avsnitt du søker i, har «kommune:Atlantis». Noen verdier som finnes, de nærmeste først: " + place + ".",
                atlantis.body.get("rows").get(1).get("error").asText());
        // a case no bundle was ingested into: the whole batch is refused, as the search refuses it
        Answer unknown = json("POST", "/api/batch", Json.write(java.util.Map.of("case", "fjordvik-2062", "queries", "plan\n")));
        assertEquals(404, unknown.status, String.valueOf(unknown.body));
        assertEquals("Saken fjordvik-2062 finnes ikke: les inn dokumentene i den eller opprett den først.", unknown.body.get("error").asText());
        // a CSV whose quotation marks do not pair up is refused with its line and the rule, not answered as a server failure
        Answer csv = json("POST", "/api/batch", Json.write(java.util.Map.of("case", CASE, "queries",
                "label,query\nOK,koordinator\nIP,\"\"\"individuell plan\n")));
        assertEquals(400, csv.status, String.valueOf(csv.body));
        assertTrue(csv.body.get("error").asText().startsWith("Linje 3 kan ikke leses som CSV: et felt som begynner med anførselstegn"),
                csv.body.get("error").asText());
        HttpResponse<byte[]> x = http.send(HttpRequest.newBuilder(URI.create(ws.url() + "api/batch")).header("Content-Type", "application/json")
                .header(WebServer.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("case", CASE, "queries", "KOORDINATOR\n(plan\n", "format", "xlsx"))))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, x.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(x.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertEquals("KOORDINATOR", sheet.getRow(1).getCell(0).getStringCellValue());
            // the last column says why a line could not run
            org.apache.poi.ss.usermodel.Row head = sheet.getRow(0);
            assertEquals("Feil", head.getCell(head.getLastCellNum() - 1).getStringCellValue());
            assertEquals("", sheet.getRow(1).getCell(head.getLastCellNum() - 1).getStringCellValue());
            assertTrue(sheet.getRow(2).getCell(head.getLastCellNum() - 1).getStringCellValue().startsWith("Linje 2: Søket «(plan» kan ikke leses"),
                    sheet.getRow(2).getCell(head.getLastCellNum() - 1).getStringCellValue());
        }
    }

    @Test
    void theExportSpeaksTheCasesLanguage() throws Exception {
        assertEquals(201, json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Språkprøve\"}").status);
        assertEquals(200, json("POST", "/api/eksport-sprak", "{\"case\":\"" + CASE + "\",\"sprak\":\"nn\"}").status);
        HttpResponse<String> md = http.send(HttpRequest.newBuilder(URI.create(ws.url() + "api/export?case=" + CASE + "&format=md")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(md.body().startsWith("# Tilsynet sine funn"), md.body());
        HttpResponse<String> nb = http.send(HttpRequest.newBuilder(URI.create(ws.url() + "api/export?case=" + CASE + "&format=md&sprak=nb"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(nb.body().startsWith("# Tilsynets funn"), nb.body());
        json("POST", "/api/eksport-sprak", "{\"case\":\"" + CASE + "\",\"sprak\":\"nb\"}");
    }
}
