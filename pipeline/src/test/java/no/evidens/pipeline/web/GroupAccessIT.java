package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import no.evidens.access.AccessStore;
import no.evidens.access.Role;
import no.evidens.corpus.NationwideSet;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.NationwideHome;
import no.evidens.pipeline.group.GroupService;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * A group in the team workspace: each user sees the group's cases they are a member of, and nothing of a
 * group none of whose cases they may read; choosing a quotation for the report takes the right to export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupAccessIT {
    private static final String PASSWORD = "et langt passord";
    private static final String GROUP = "/api/groups/" + NationwideSet.GROUP_ID;
    /** A second group one case of the nationwide audit is also in. */
    private static final String SECOND = "region-agder-2026";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private WebServer server;

    @BeforeAll
    void start() throws Exception {
        EvidensHome home = NationwideHome.shared().home();
        try (AccessStore s = AccessStore.open(home.access())) {
            s.addUser("gruppeleser", PASSWORD.toCharArray(), false);
            s.addMember("lyngvik-2026", "gruppeleser", Role.READER, "test");
            s.addMember("heias-2026", "gruppeleser", Role.READER, "test");
            s.addUser("gruppeskriver", PASSWORD.toCharArray(), false);
            s.addMember("lyngvik-2026", "gruppeskriver", Role.WRITER, "test");
            s.addUser("gruppeleder", PASSWORD.toCharArray(), false);
            s.addMember("lyngvik-2026", "gruppeleder", Role.LEAD, "test");
            s.addUser("sitatleser", PASSWORD.toCharArray(), false);
            s.addMember("lyngvik-2026", "sitatleser", Role.READER, "test");
            s.addMember("bjorkmo-2026", "sitatleser", Role.READER, "test");
            s.addMember("bjorkmo-2026", "gruppeleder", Role.LEAD, "test");
            s.addUser("utenfor-gruppen", PASSWORD.toCharArray(), false);
            s.addMember("en-annen-sak", "utenfor-gruppen", Role.LEAD, "test");
        }
        server = WebServer.start(home, WebConfig.defaults(0, 1 << 20), Exposure.signedIn(), "ignored", Ingestion::new);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMemberSeesTheirCasesOfTheGroupOnly() throws Exception {
        String[] reader = signIn("gruppeleser");
        HttpResponse<String> overview = send(reader, "GET", GROUP + "/overview", null);
        assertEquals(200, overview.statusCode(), overview.body());
        JsonNode o = Json.mapper().readTree(overview.body());
        Set<String> seen = new HashSet<>();
        o.get("municipalities").forEach(m -> seen.add(m.get("municipality").asText()));
        assertEquals(Set.of("Lyngvik", "Heiås"), seen);
        HttpResponse<String> search = send(reader, "GET", GROUP + "/search?q=samarbeid", null);
        assertEquals(200, search.statusCode());
        Json.mapper().readTree(search.body()).get("hits")
                .forEach(h -> assertEquals(true, Set.of("lyngvik-2026", "heias-2026").contains(h.get("case").asText()), h.toString()));
        assertEquals(403, send(reader, "POST", GROUP + "/chosen", Map.of("case", "lyngvik-2026", "item", 1, "chosen", true)).statusCode(),
                "a reader may not choose for the report");
        assertEquals(403, send(reader, "GET", GROUP + "/report?format=docx", null).statusCode(), "nor export it");

        String[] outsider = signIn("utenfor-gruppen");
        assertEquals(403, send(outsider, "GET", GROUP + "/overview", null).statusCode());
        assertEquals(0, Json.mapper().readTree(send(outsider, "GET", "/api/groups", null).body()).size(), "the group is not listed");
    }

    @Test
    void aPlaceTheGroupDoesNotHaveIsRefusedAndOneOfACaseTheUserMayNotSeeAlike() throws Exception {
        String[] reader = signIn("gruppeleser");
        HttpResponse<String> own = send(reader, "GET", GROUP + "/search?q=samarbeid&filter=kommune:Lyngvik", null);
        assertEquals(200, own.statusCode(), own.body());
        // Ospedal is in the group, but not among this reader's cases: the same answer as a place the group lacks
        for (String place : new String[] {"Ingensteds", "Ospedal"}) {
            HttpResponse<String> r = send(reader, "GET", GROUP + "/search?q=samarbeid&filter=kommune:" + place, null);
            assertEquals(404, r.statusCode(), r.body());
            assertEquals("Ingen sak i gruppen " + NationwideSet.GROUP_ID + " ligger i kommunen " + place + ".",
                    Json.mapper().readTree(r.body()).get("error").asText());
        }
        HttpResponse<String> county = send(reader, "GET", GROUP + "/search?q=" + "samarbeid%20fylke:Nordland", null);
        assertEquals(404, county.statusCode(), county.body());
        assertEquals("Ingen sak i gruppen " + NationwideSet.GROUP_ID + " ligger i fylket Nordland.",
                Json.mapper().readTree(county.body()).get("error").asText());
        HttpResponse<String> outside = send(reader, "GET", GROUP + "/search?q=samarbeid&filter=case:ospedal-2026", null);
        assertEquals(404, outside.statusCode(), outside.body());
        assertEquals("Saken ospedal-2026 er ikke med i gruppen " + NationwideSet.GROUP_ID + ".",
                Json.mapper().readTree(outside.body()).get("error").asText());
        // as a term of the query: the same refusal, not 0 hits
        HttpResponse<String> term = send(reader, "GET", GROUP + "/search?q=" + "samarbeid%20sak:ospedal-2026", null);
        assertEquals(404, term.statusCode(), term.body());
        assertEquals(Json.mapper().readTree(outside.body()).get("error").asText(), Json.mapper().readTree(term.body()).get("error").asText());
    }

    /**
     * Round 55 (G2): the ids of the quotations chosen for the group's report are those of the reader's cases only; they were
     * of every case of the group (ids, not text, but they told a reader of one case which quotations the others had).
     */
    @Test
    void theChosenQuotationsAnsweredAreThoseOfTheReadersCases() throws Exception {
        GroupService service = NationwideHome.shared().groups();
        Set<String> readable = Set.of("lyngvik-2026", "heias-2026");
        Set<Long> theirs = new HashSet<>();
        Set<Long> others = new HashSet<>();
        for (GroupService.Candidate c : service.quotations(NationwideSet.GROUP_ID, null)) {
            if (c.chosen()) {
                (readable.contains(c.caseId()) ? theirs : others).add(c.item());
            }
        }
        assertFalse(others.isEmpty(), "the nationwide report has chosen quotations of cases the reader does not read");
        assertEquals(theirs, chosenItems(signIn("gruppeleser"), GROUP));
    }

    /**
     * A case in two groups: a quotation chosen for one group's report is not chosen for the other's (the choice was
     * kept per quotation, so choosing it for a regional group marked it in the nationwide one too).
     */
    @Test
    void aQuotationChosenForOneGroupIsNotChosenForAnotherGroupOfItsCase() throws Exception {
        GroupService service = NationwideHome.shared().groups();
        service.create(SECOND, "Tilsyn i Agder", "test");
        service.add(SECOND, "lyngvik-2026", "Lyngvik", "Agder", "test");
        String[] writer = signIn("gruppeskriver");
        JsonNode candidate = null;
        for (JsonNode c : Json.mapper().readTree(send(writer, "GET", GROUP + "/quotations?limit=500", null).body()).get("items")) {
            if (candidate == null && c.get("caseId").asText().equals("lyngvik-2026") && !c.get("chosen").asBoolean()) {
                candidate = c;
            }
        }
        long item = java.util.Objects.requireNonNull(candidate, "Lyngvik has a quotation not chosen for the nationwide report").get("item").asLong();
        String second = "/api/groups/" + SECOND;
        try {
            HttpResponse<String> chosen = send(writer, "POST", second + "/chosen", Map.of("case", "lyngvik-2026", "item", item, "chosen", true));
            assertEquals(200, chosen.statusCode(), chosen.body());
            assertEquals(true, chosenItems(writer, second).contains(item), "chosen for " + SECOND);
            assertEquals(false, chosenItems(writer, GROUP).contains(item), "not for " + NationwideSet.GROUP_ID);
            HttpResponse<String> inBoth = send(writer, "POST", GROUP + "/chosen", Map.of("case", "lyngvik-2026", "item", item, "chosen", true));
            assertEquals(200, inBoth.statusCode(), inBoth.body());
            send(writer, "POST", second + "/chosen", Map.of("case", "lyngvik-2026", "item", item, "chosen", false));
            assertEquals(false, chosenItems(writer, second).contains(item), "taken away in " + SECOND);
            assertEquals(true, chosenItems(writer, GROUP).contains(item), "still chosen in " + NationwideSet.GROUP_ID);
        } finally {
            service.choose(NationwideSet.GROUP_ID, "lyngvik-2026", item, false, "test");
            service.remove(SECOND, "lyngvik-2026", "test");
        }
    }

    /**
     * Round 55: adding a case to a group is its lead's or an administrator's; one who is neither is refused on the server in
     * words about the group, not told that only the lead may change the case's members (the words it had).
     */
    @Test
    void aCaseIsAddedToAGroupByItsLeadOnlyAndARefusalSaysSo() throws Exception {
        String[] writer = signIn("gruppeskriver");
        HttpResponse<String> refused = send(writer, "POST", GROUP + "/cases",
                Map.of("case", "lyngvik-2026", "kommune", "Lyngvik", "fylke", "Agder"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("Bare saksleder eller en administrator kan legge saken lyngvik-2026 til i en gruppe.",
                Json.mapper().readTree(refused.body()).get("error").asText());
    }

    /**
     * Round 55: a group search shows passages of each of the reader's cases in it; it is in each such case's trail, with
     * that case's hits, not under no case where no lead's trail page showed it. A case its place filter leaves out gets none.
     */
    @Test
    void aGroupSearchIsInTheTrailOfEachCaseItShowedPassagesOf() throws Exception {
        String[] reader = signIn("sitatleser");
        HttpResponse<String> all = send(reader, "GET", GROUP + "/search?q=samarbeid&limit=1", null);
        assertEquals(200, all.statusCode(), all.body());
        JsonNode byCase = Json.mapper().readTree(all.body()).get("facets").get("case");
        HttpResponse<String> lyngvik = send(reader, "GET", GROUP + "/search?q=samarbeid&filter=kommune:Lyngvik&limit=1", null);
        assertEquals(200, lyngvik.statusCode(), lyngvik.body());
        String[] lead = signIn("gruppeleder");
        for (String c : List.of("lyngvik-2026", "bjorkmo-2026")) {
            HttpResponse<String> trail = send(lead, "GET", "/api/cases/" + c + "/audit?user=sitatleser&format=json", null);
            assertEquals(200, trail.statusCode(), trail.body());
            List<String> searches = new java.util.ArrayList<>();
            for (JsonNode e : Json.mapper().readTree(trail.body()).get("entries")) {
                if ("search".equals(e.get("action").asText()) && e.get("detail").asText().startsWith("«samarbeid» group:")) {
                    searches.add(e.get("detail").asText());
                }
            }
            int hits = byCase.get(c).asInt();
            List<String> expected = new java.util.ArrayList<>(List.of("«samarbeid» group:" + NationwideSet.GROUP_ID + " , " + hits + " treff"));
            if (c.equals("lyngvik-2026")) {
                expected.add("«samarbeid» group:" + NationwideSet.GROUP_ID + " kommune:Lyngvik, " + hits + " treff");
            }
            assertEquals(true, hits > 0, byCase.toString());
            assertEquals(expected, searches, c + ": a line of each search that showed its passages, with its hits");
        }
    }

    /**
     * The group's quotation list shows the quoted words of each case's findings: who was shown them is in that case's
     * trail, read by its lead, as for the findings page (round 47 added the line; only the command's was tested).
     */
    @Test
    void theGroupsQuotationsShownOverHttpAreInTheCasesTrail() throws Exception {
        String[] writer = signIn("gruppeskriver");
        HttpResponse<String> quotations = send(writer, "GET", GROUP + "/quotations", null);
        assertEquals(200, quotations.statusCode(), quotations.body());
        String[] lead = signIn("gruppeleder");
        HttpResponse<String> trail = send(lead, "GET", "/api/cases/lyngvik-2026/audit?user=gruppeskriver&format=json", null);
        assertEquals(200, trail.statusCode(), trail.body());
        boolean shown = false;
        for (JsonNode e : Json.mapper().readTree(trail.body()).get("entries")) {
            shown |= "show-quotations".equals(e.get("action").asText()) && e.get("detail").asText().endsWith(", arbeidsflaten");
        }
        assertEquals(true, shown, trail.body());
        String[] outsider = signIn("utenfor-gruppen");
        assertEquals(403, send(outsider, "GET", GROUP + "/quotations", null).statusCode(), "nothing of a group none of whose cases they read");
    }

    /**
     * Round 54: the quotations page of a nationwide audit sent some 1,200 quotations at once with no county filter. Over
     * HTTP it now answers a page, narrowed by county, municipality and kind of finding, with the counts beside it; a county
     * the reader's cases lack is refused as the group search refuses it. Only the cases whose quotations a page holds were
     * read: each of them gets its trail line, a case the page leaves out none.
     */
    @Test
    void theQuotationsComeAPageAtATimeByCountyAndOnlyTheCasesShownAreInTheTrail() throws Exception {
        String[] reader = signIn("sitatleser");
        JsonNode all = quotations(reader, "limit=500");
        int total = all.get("total").asInt();
        assertEquals(total, all.get("matched").asInt());
        Map<String, Integer> byCounty = new java.util.TreeMap<>();
        all.get("counties").forEach(c -> byCounty.put(c.get("value").asText(), c.get("quotations").asInt()));
        assertEquals(Set.of("Agder", "Innlandet"), byCounty.keySet(), "the reader's two cases' counties: " + all);
        assertEquals(total, byCounty.values().stream().mapToInt(Integer::intValue).sum());

        // a page at a time: two pages of two are the first four, none twice
        JsonNode first = quotations(reader, "limit=2");
        JsonNode second = quotations(reader, "limit=2&offset=2");
        assertEquals(2, first.get("items").size());
        List<Long> four = new java.util.ArrayList<>();
        all.get("items").forEach(i -> four.add(i.get("item").asLong()));
        List<Long> paged = new java.util.ArrayList<>();
        first.get("items").forEach(i -> paged.add(i.get("item").asLong()));
        second.get("items").forEach(i -> paged.add(i.get("item").asLong()));
        assertEquals(four.subList(0, paged.size()), paged);

        int lyngvikLines = shownLines("lyngvik-2026");
        int bjorkmoLines = shownLines("bjorkmo-2026");
        JsonNode innlandet = quotations(reader, "fylke=innlandet&funn=avvik");
        assertEquals(true, innlandet.get("items").size() > 0, innlandet.toString());
        innlandet.get("items").forEach(i -> {
            assertEquals("bjorkmo-2026", i.get("caseId").asText());
            assertEquals("avvik", i.get("kind").asText());
        });
        assertEquals(lyngvikLines, shownLines("lyngvik-2026"), "Lyngvik's quotations were not on the page: not read");
        assertEquals(bjorkmoLines + 1, shownLines("bjorkmo-2026"), "Bjørkmo's were");
        quotations(reader, "kommune=Lyngvik");
        assertEquals(lyngvikLines + 1, shownLines("lyngvik-2026"), "Lyngvik's now were");
        assertEquals(bjorkmoLines + 1, shownLines("bjorkmo-2026"));

        HttpResponse<String> nordland = send(reader, "GET", GROUP + "/quotations?fylke=Nordland", null);
        assertEquals(404, nordland.statusCode(), nordland.body());
        assertEquals("Ingen sak i gruppen " + NationwideSet.GROUP_ID + " ligger i fylket Nordland.",
                Json.mapper().readTree(nordland.body()).get("error").asText());
        assertEquals(400, send(reader, "GET", GROUP + "/quotations?funn=observasjon", null).statusCode());
        assertEquals(bjorkmoLines + 1, shownLines("bjorkmo-2026"), "a refused request read nothing");
    }

    private JsonNode quotations(String[] session, String query) throws Exception {
        HttpResponse<String> r = send(session, "GET", GROUP + "/quotations?" + query, null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    /** The case's trail lines saying the quotations page showed its quotations to sitatleser (read by the case's lead). */
    private int shownLines(String caseId) throws Exception {
        HttpResponse<String> trail = send(signIn("gruppeleder"), "GET", "/api/cases/" + caseId + "/audit?user=sitatleser&format=json", null);
        assertEquals(200, trail.statusCode(), trail.body());
        int n = 0;
        for (JsonNode e : Json.mapper().readTree(trail.body()).get("entries")) {
            n += "show-quotations".equals(e.get("action").asText()) && e.get("detail").asText().endsWith(", arbeidsflaten") ? 1 : 0;
        }
        return n;
    }

    private Set<Long> chosenItems(String[] session, String group) throws Exception {
        HttpResponse<String> r = send(session, "GET", group + "/chosen", null);
        assertEquals(200, r.statusCode(), r.body());
        Set<Long> out = new HashSet<>();
        Json.mapper().readTree(r.body()).get("items").forEach(i -> out.add(i.asLong()));
        return out;
    }

    /** Signs in; returns the session cookie and the token. */
    private String[] signIn(String user) throws Exception {
        HttpResponse<String> r = send(new String[] {null, null}, "POST", "/api/signin", Map.of("user", user, "password", PASSWORD));
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String[] session = {setCookie.substring(0, setCookie.indexOf(';')), null};
        session[1] = Json.mapper().readTree(send(session, "GET", "/api/session", null).body()).get("token").asText();
        return session;
    }

    private HttpResponse<String> send(String[] session, String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (session[0] != null) {
            b.header("Cookie", session[0]);
        }
        if (session[1] != null) {
            b.header(WebServer.TOKEN_HEADER, session[1]);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
