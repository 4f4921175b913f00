package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.TeamWorkspace.CASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every API call as each role of the sample case (leder, revisor, skribent, leser), as the lead of
 * another case (utenfor), as an administrator who belongs to no case, and signed out: the status each
 * must get. Each user works on a finding of their own, so the calls do not depend on one another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {
    private static final List<String> USERS = List.of("leder", "revisor", "skribent", "leser", "utenfor", "admin", "-");

    private TeamWorkspace team;
    private final Map<String, TeamWorkspace.Client> clients = new LinkedHashMap<>();
    private String passageId;
    private String docId;
    private String pdfDocId;

    /** One API call, made as a user on that user's own finding. */
    @FunctionalInterface
    interface Call {
        TeamWorkspace.Answer make(TeamWorkspace.Client c, String ref, long item) throws Exception;
    }

    @BeforeAll
    void start() throws Exception {
        team = TeamWorkspace.start();
        for (String u : USERS) {
            clients.put(u, u.equals("-") ? team.anonymous() : team.signIn(u));
        }
        JsonNode hit = clients.get("leder").get("/api/search?q=" + enc("\"individuell plan\"") + "&case=" + CASE).body().get("hits").get(0);
        passageId = hit.get("passageId").asText();
        docId = hit.get("docId").asText();
        for (JsonNode h : clients.get("leder").get("/api/search?q=lovgrunnlag&case=" + CASE).body().get("hits")) {
            if (h.get("file").asText().endsWith(".pdf")) {
                pdfDocId = h.get("docId").asText();
            }
        }
    }

    @AfterAll
    void stop() {
        team.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Expected statuses in the order of {@link #USERS}. */
    private static Map<String, Integer> expect(int leder, int revisor, int skribent, int leser, int utenfor, int admin) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("leder", leder);
        m.put("revisor", revisor);
        m.put("skribent", skribent);
        m.put("leser", leser);
        m.put("utenfor", utenfor);
        m.put("admin", admin);
        m.put("-", 401);
        return m;
    }

    private static Map<String, Integer> readers(int ok) {
        return expect(ok, ok, ok, ok, 403, 403);
    }

    @Test
    void everyCallAsEveryRoleGetsItsStatus() throws Exception {
        String c = CASE;
        Map<String, Call> calls = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        add(calls, expected, "GET /api/session", (u, r, i) -> u.get("/api/session"), expect(200, 200, 200, 200, 200, 200));
        add(calls, expected, "GET /api/cases", (u, r, i) -> u.get("/api/cases"), expect(200, 200, 200, 200, 200, 200));
        add(calls, expected, "GET /api/search?case=", (u, r, i) -> u.get("/api/search?q=plan&case=" + c), readers(200));
        add(calls, expected, "GET /api/search filter=case:", (u, r, i) -> u.get("/api/search?q=plan&filter=" + enc("case:" + c)), readers(200));
        add(calls, expected, "GET /api/search (all own cases)", (u, r, i) -> u.get("/api/search?q=plan"), expect(200, 200, 200, 200, 200, 200));
        add(calls, expected, "GET /api/passage", (u, r, i) -> u.get("/api/passage?id=" + enc(passageId)), readers(200));
        add(calls, expected, "GET /api/like", (u, r, i) -> u.get("/api/like?id=" + enc(passageId)), readers(200));
        add(calls, expected, "GET /api/document", (u, r, i) -> u.get("/api/document?case=" + c + "&doc=" + docId), readers(200));
        add(calls, expected, "GET /api/overview", (u, r, i) -> u.get("/api/overview?case=" + c), readers(200));
        add(calls, expected, "GET /api/overview format=xlsx", (u, r, i) -> u.get("/api/overview?format=xlsx&case=" + c), readers(200));
        add(calls, expected, "GET /api/page", (u, r, i) -> u.get("/api/page?page=1&case=" + c + "&doc=" + pdfDocId), readers(200));
        add(calls, expected, "GET /api/page/outline", (u, r, i) -> u.get("/api/page/outline?start=0&end=10&case=" + c + "&doc=" + pdfDocId),
                readers(200));
        add(calls, expected, "GET /api/ingest (jobs of own cases)", (u, r, i) -> u.get("/api/ingest"), expect(200, 200, 200, 200, 200, 200));
        add(calls, expected, "POST /api/ingest/{id}/resume (none)", (u, r, i) -> u.json("POST", "/api/ingest/99/resume", Map.of()),
                expect(404, 404, 404, 404, 404, 404));
        add(calls, expected, "GET /api/inbox", (u, r, i) -> u.get("/api/inbox"), expect(200, 200, 200, 200, 200, 200));
        add(calls, expected, "GET /api/findings?case=", (u, r, i) -> u.get("/api/findings?case=" + c), readers(200));
        add(calls, expected, "GET /api/findings/{case}/{ref}", (u, r, i) -> u.get("/api/findings/" + c + "/" + r), readers(200));
        add(calls, expected, "GET /api/history", (u, r, i) -> u.get("/api/history?case=" + c), readers(200));
        add(calls, expected, "GET /api/history ref=", (u, r, i) -> u.get("/api/history?case=" + c + "&ref=" + r), readers(200));
        add(calls, expected, "GET /api/members", (u, r, i) -> u.get("/api/members?case=" + c), expect(200, 200, 200, 200, 403, 200));
        add(calls, expected, "GET /api/members/cases (every case's name)", (u, r, i) -> u.get("/api/members/cases"), expect(403, 403, 403, 403, 403, 200));
        add(calls, expected, "GET /api/export", (u, r, i) -> u.get("/api/export?case=" + c + "&format=md"), expect(200, 403, 200, 403, 403, 403));
        add(calls, expected, "POST /api/findings", (u, r, i) -> u.json("POST", "/api/findings",
                Map.of("case", c, "kind", "merknad", "title", "Ny merknad fra " + u.user)), expect(201, 201, 403, 403, 403, 403));
        add(calls, expected, "PATCH /api/findings text", (u, r, i) -> u.json("PATCH", "/api/findings/" + c + "/" + r,
                Map.of("text", "Ny ordlyd")), expect(200, 200, 200, 403, 403, 403));
        add(calls, expected, "PATCH /api/findings title", (u, r, i) -> u.json("PATCH", "/api/findings/" + c + "/" + r,
                Map.of("title", "Ny tittel")), expect(200, 200, 403, 403, 403, 403));
        // the report's order is the report writer's as its wording is (EDIT_TEXT); the warning before an anonymised export, the exporters'
        add(calls, expected, "POST /api/findings/{case}/{ref}/position", (u, r, i) -> u.json("POST", "/api/findings/" + c + "/" + r + "/position",
                Map.of("position", 1)), expect(200, 200, 200, 403, 403, 403));
        add(calls, expected, "GET /api/export/own-words", (u, r, i) -> u.get("/api/export/own-words?case=" + c), expect(200, 403, 200, 403, 403, 403));
        add(calls, expected, "GET /api/cases/{case}", (u, r, i) -> u.get("/api/cases/" + c), readers(200));
        // POST …/verify as each role: QuotationCheckIT (a check runs on, so a second one here would be refused with 409)
        add(calls, expected, "GET /api/cases/{case}/verify", (u, r, i) -> u.get("/api/cases/" + c + "/verify"), readers(200));
        add(calls, expected, "GET /api/cases/{case}/audit", (u, r, i) -> u.get("/api/cases/" + c + "/audit"),
                expect(200, 403, 403, 403, 403, 403));
        add(calls, expected, "POST /api/findings/{case}/{ref}/submit", (u, r, i) -> u.json("POST", "/api/findings/" + c + "/" + r + "/submit",
                Map.of()), expect(200, 200, 403, 403, 403, 403));
        add(calls, expected, "POST /api/findings/{case}/{ref}/approve", (u, r, i) -> u.json("POST", "/api/findings/" + c + "/" + r + "/approve",
                Map.of()), expect(200, 403, 403, 403, 403, 403));
        // The lead reopens the approved finding; the auditor takes back the one still in review.
        add(calls, expected, "POST /api/findings/{case}/{ref}/reopen", (u, r, i) -> u.json("POST", "/api/findings/" + c + "/" + r + "/reopen",
                Map.of()), expect(200, 200, 403, 403, 403, 403));
        add(calls, expected, "POST /api/findings/{case}/{ref}/evidence", (u, r, i) -> u.json("POST", "/api/findings/" + c + "/" + r + "/evidence",
                Map.of("passageId", passageId)), expect(201, 201, 403, 403, 403, 403));
        add(calls, expected, "PATCH /api/evidence/{case}/{id}", (u, r, i) -> u.json("PATCH", "/api/evidence/" + c + "/" + i,
                Map.of("position", 1)), expect(200, 200, 403, 403, 403, 403));
        add(calls, expected, "DELETE /api/evidence/{case}/{id}", (u, r, i) -> u.send("DELETE", "/api/evidence/" + c + "/" + i, null, null),
                expect(200, 200, 403, 403, 403, 403));
        add(calls, expected, "DELETE /api/findings/{case}/{ref}", (u, r, i) -> u.send("DELETE", "/api/findings/" + c + "/" + r, null, null),
                expect(204, 204, 403, 403, 403, 403));
        add(calls, expected, "POST /api/ingest (not a zip)", (u, r, i) -> u.send("POST", "/api/ingest?case=" + c, "application/zip",
                "not a zip".getBytes(StandardCharsets.UTF_8)), expect(415, 415, 403, 403, 403, 403));
        add(calls, expected, "POST /api/members", (u, r, i) -> u.json("POST", "/api/members", Map.of("case", c, "user", "utenfor", "role", "reader")),
                expect(201, 403, 403, 403, 403, 201));
        add(calls, expected, "DELETE /api/members/{case}/{user}", (u, r, i) -> u.send("DELETE", "/api/members/" + c + "/utenfor", null, null),
                expect(204, 403, 403, 403, 403, 204));
        add(calls, expected, "POST /api/cases (exists)", (u, r, i) -> u.json("POST", "/api/cases", Map.of("case", c)),
                expect(409, 409, 409, 409, 409, 409));

        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            TeamWorkspace.Client u = clients.get(user);
            // The user's own finding with one quotation, made by the lead.
            JsonNode f = clients.get("leder").json("POST", "/api/findings", Map.of("case", c, "kind", "avvik", "title", "Funn for " + user,
                    "evidence", Map.of("passageId", passageId))).body();
            String ref = f.get("ref").asText();
            long item = f.get("evidence").get(0).get("id").asLong();
            for (var call : calls.entrySet()) {
                int want = expected.get(call.getKey()).get(user);
                TeamWorkspace.Answer a = call.getValue().make(u, ref, item);
                if (a.status() != want) {
                    wrong.add(user + " " + call.getKey() + ": " + a.status() + " (expected " + want + ") " + a.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void add(Map<String, Call> calls, Map<String, Map<String, Integer>> expected, String name, Call call,
                            Map<String, Integer> statuses) {
        calls.put(name, call);
        expected.put(name, statuses);
    }

    @Test
    void aUserSeesOnlyTheirOwnCasesInListsSearchAndFacets() throws Exception {
        assertEquals(List.of(TeamWorkspace.OTHER_CASE), list(clients.get("utenfor").get("/api/cases").body().get("cases")));
        List<String> leser = list(clients.get("leser").get("/api/cases").body().get("cases"));
        assertTrue(leser.contains(CASE) && !leser.contains(TeamWorkspace.OTHER_CASE), leser.toString());
        assertEquals(List.of(), list(clients.get("admin").get("/api/cases").body().get("cases")));
        JsonNode outside = clients.get("utenfor").get("/api/search?q=plan").body();
        assertEquals(0, outside.get("total").asInt(), "another case's passages are not found");
        assertFalse(outside.get("facets").has("case") && outside.get("facets").get("case").has(CASE), outside.toString());
        JsonNode member = clients.get("leser").get("/api/search?q=plan").body();
        assertTrue(member.get("total").asInt() > 0);
        JsonNode like = clients.get("leser").get("/api/like?id=" + enc(passageId)).body();
        like.get("hits").forEach(h -> assertTrue(h.get("passageId").asText().startsWith(CASE + "/"), h.toString()));
        TeamWorkspace.Answer doc = clients.get("utenfor").get("/api/document?case=" + CASE + "&doc=" + docId);
        assertEquals(403, doc.status());
        assertFalse(doc.body().toString().contains("individuell"), "no text of the refused document");
    }

    @Test
    void aCaseThatDoesNotExistTellsNoMoreThanACaseTheUserMayNotSee() throws Exception {
        TeamWorkspace.Answer other = clients.get("utenfor").get("/api/search?q=plan&case=" + CASE);
        TeamWorkspace.Answer none = clients.get("utenfor").get("/api/search?q=plan&case=fjordvik-2062");
        assertEquals(403, other.status(), String.valueOf(other.body()));
        assertEquals(403, none.status(), String.valueOf(none.body()));
        assertEquals(other.body().get("error").asText().replace(CASE, "fjordvik-2062"), none.body().get("error").asText());
        // the same as a filter: 403 whether the case exists or not, with the same words
        TeamWorkspace.Answer otherFilter = clients.get("utenfor").get("/api/search?q=plan&filter=" + enc("case:" + CASE));
        TeamWorkspace.Answer noneFilter = clients.get("utenfor").get("/api/search?q=plan&filter=" + enc("case:fjordvik-2062"));
        assertEquals(403, otherFilter.status(), String.valueOf(otherFilter.body()));
        assertEquals(403, noneFilter.status(), String.valueOf(noneFilter.body()));
        assertEquals(other.body().get("error").asText(), otherFilter.body().get("error").asText());
        assertEquals(none.body().get("error").asText(), noneFilter.body().get("error").asText());
        // and as a term of the query that finds nothing: the same 403 in the same words (round 48: 200 and "0 hits", so a
        // member's misspelt case read as a case with nothing on the subject), in a search and in a saved search alike
        for (String c : List.of(CASE, "fjordvik-2062")) {
            TeamWorkspace.Answer term = clients.get("utenfor").get("/api/search?q=" + enc("plan sak:" + c));
            assertEquals(403, term.status(), String.valueOf(term.body()));
            assertEquals(c.equals(CASE) ? other.body().get("error").asText() : none.body().get("error").asText(),
                    term.body().get("error").asText());
            TeamWorkspace.Answer saved = clients.get("utenfor").json("POST", "/api/lagrede-sok",
                    Map.of("case", TeamWorkspace.OTHER_CASE, "name", "x", "query", "plan sak:" + c, "filters", List.of()));
            assertEquals(403, saved.status(), String.valueOf(saved.body()));
        }
        TeamWorkspace.Answer typo = clients.get("leser").get("/api/search?q=" + enc("plan sak:fjordvik-2062"));
        assertEquals(403, typo.status(), "a member's misspelt case: " + typo.body());
        TeamWorkspace.Answer own = clients.get("leser").get("/api/search?q=" + enc("plan sak:" + CASE));
        assertEquals(200, own.status(), String.valueOf(own.body()));
        assertTrue(own.body().get("total").asInt() > 0, own.body().toString());
        TeamWorkspace.Answer either = clients.get("leser").get("/api/search?q=" + enc("plan sak:" + CASE + " OR sak:fjordvik-2062"));
        assertEquals(200, either.status(), "hits found: the other term is not asked about " + either.body());
    }

    @Test
    void aFacetValueOfACaseTheUserMayNotSeeIsRefusedAsOneThatIsNowhere() throws Exception {
        String place = clients.get("leser").get("/api/search?q=plan").body().get("facets").get("kommune").fieldNames().next();
        // a member is told which values its cases have
        TeamWorkspace.Answer typo = clients.get("leser").get("/api/search?q=plan&filter=" + enc("kommune:Atlantis"));
        assertEquals(404, typo.status(), String.valueOf(typo.body()));
        assertTrue(typo.body().get("error").asText().endsWith("de nærmeste først: " + place + "."), typo.body().toString());
        // an outsider whose own case holds no passage: the sample's municipality is as unknown as one that is nowhere
        TeamWorkspace.Answer there = clients.get("utenfor").get("/api/search?q=plan&filter=" + enc("kommune:" + place));
        TeamWorkspace.Answer nowhere = clients.get("utenfor").get("/api/search?q=plan&filter=" + enc("kommune:Atlantis"));
        assertEquals(404, there.status(), String.valueOf(there.body()));
        assertEquals(404, nowhere.status(), String.valueOf(nowhere.body()));
        assertEquals(nowhere.body().get("error").asText().replace("Atlantis", place), there.body().get("error").asText());
        assertFalse(nowhere.body().get("error").asText().contains(place), "no value of a case the user may not read is named");
        // and with the case asked for: 403 whether the value exists or not, in the same words
        TeamWorkspace.Answer caseThere = clients.get("utenfor").get("/api/search?q=plan&case=" + CASE + "&filter=" + enc("kommune:" + place));
        TeamWorkspace.Answer caseNowhere = clients.get("utenfor").get("/api/search?q=plan&case=" + CASE + "&filter=" + enc("kommune:Atlantis"));
        assertEquals(403, caseThere.status(), String.valueOf(caseThere.body()));
        assertEquals(403, caseNowhere.status(), String.valueOf(caseNowhere.body()));
        assertEquals(caseThere.body().get("error").asText(), caseNowhere.body().get("error").asText());
    }

    @Test
    void aSavedSearchOrBatchLineWithAValueNoReadableCaseHasTellsNothingOfAnotherCase() throws Exception {
        String place = clients.get("leser").get("/api/search?q=plan").body().get("facets").get("kommune").fieldNames().next();
        // a member saving a mistyped value in its case is told the values of that case, as the search tells it
        TeamWorkspace.Answer typo = clients.get("leser").json("POST", "/api/lagrede-sok",
                Map.of("case", CASE, "name", "Atlantis", "query", "plan", "filters", List.of("kommune:Atlantis")));
        assertEquals(404, typo.status(), String.valueOf(typo.body()));
        assertEquals(clients.get("leser").get("/api/search?q=plan&case=" + CASE + "&filter=" + enc("kommune:Atlantis")).body().get("error"),
                typo.body().get("error"));
        // the lead of another case: the sample's municipality is as unknown in its own case as one that is nowhere
        Map<String, TeamWorkspace.Answer> saved = new LinkedHashMap<>();
        Map<String, String> batch = new LinkedHashMap<>();
        for (String value : List.of(place, "Atlantis")) {
            saved.put(value, clients.get("utenfor").json("POST", "/api/lagrede-sok",
                    Map.of("case", TeamWorkspace.OTHER_CASE, "name", value, "query", "plan", "filters", List.of("kommune:" + value))));
            TeamWorkspace.Answer rows = clients.get("utenfor").json("POST", "/api/batch",
                    Map.of("case", TeamWorkspace.OTHER_CASE, "queries", "plan kommune:" + value + "\n"));
            assertEquals(200, rows.status(), String.valueOf(rows.body()));
            batch.put(value, rows.body().get("rows").get(0).get("error").asText());
        }
        assertEquals(404, saved.get(place).status(), String.valueOf(saved.get(place).body()));
        assertEquals(saved.get("Atlantis").body().get("error").asText().replace("Atlantis", place), saved.get(place).body().get("error").asText());
        assertFalse(saved.get("Atlantis").body().get("error").asText().contains(place), "no value of a case the user may not read is named");
        assertEquals(batch.get("Atlantis").replace("Atlantis", place), batch.get(place));
        assertTrue(batch.get(place).startsWith("Linje 1: Ingen avsnitt du søker i, har «kommune:" + place + "»"), batch.get(place));
        // a case filter naming a case without a role: 403 whether the case exists or not, as the search answers
        TeamWorkspace.Answer other = clients.get("utenfor").json("POST", "/api/lagrede-sok",
                Map.of("case", TeamWorkspace.OTHER_CASE, "name", "x", "query", "plan", "filters", List.of("case:" + CASE)));
        TeamWorkspace.Answer none = clients.get("utenfor").json("POST", "/api/lagrede-sok",
                Map.of("case", TeamWorkspace.OTHER_CASE, "name", "x", "query", "plan", "filters", List.of("case:fjordvik-2062")));
        assertEquals(403, other.status(), String.valueOf(other.body()));
        assertEquals(403, none.status(), String.valueOf(none.body()));
        assertEquals(other.body().get("error").asText().replace(CASE, "fjordvik-2062"), none.body().get("error").asText());
    }

    @Test
    void anyoneStartsANewCaseAndLeadsIt() throws Exception {
        TeamWorkspace.Client u = clients.get("leser");
        assertEquals(201, u.json("POST", "/api/cases", Map.of("case", "ny-sak-2027")).status());
        assertEquals(409, clients.get("revisor").json("POST", "/api/cases", Map.of("case", "ny-sak-2027")).status());
        // an upload refused into a new case name starts no case: the name is free afterwards (the README walk of round 40)
        byte[] notAZip = "ikke en zip".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, u.send("POST", "/api/ingest?case=feil-opplasting", "text/plain", notAZip).status());
        assertEquals(415, u.send("POST", "/api/ingest?case=feil-opplasting-2", "application/zip", notAZip).status());
        assertEquals(201, clients.get("revisor").json("POST", "/api/cases", Map.of("case", "feil-opplasting")).status());
        assertEquals(201, clients.get("revisor").json("POST", "/api/cases", Map.of("case", "feil-opplasting-2")).status());
        // Roles are re-read within a few seconds of a change.
        Thread.sleep(Accounts.FRESH.toMillis() + 100);
        assertEquals("lead", u.get("/api/session").body().get("roles").get("ny-sak-2027").asText());
        assertEquals(200, u.get("/api/search?q=plan&case=ny-sak-2027").status(), "a case its lead started is searched, empty or not");
        assertEquals(201, u.json("POST", "/api/members", Map.of("case", "ny-sak-2027", "user", "revisor", "role", "auditor")).status());
        assertEquals(409, u.send("DELETE", "/api/members/ny-sak-2027/leser", null, null).status(), "the last lead stays");
        TeamWorkspace.Answer demoted = u.json("POST", "/api/members", Map.of("case", "ny-sak-2027", "user", "leser", "role", "reader"));
        assertEquals(409, demoted.status(), "nor gives the lead's role away");
        assertTrue(demoted.body().get("error").asText().startsWith("Saken må ha minst én leder"), demoted.body().toString());
        // The membership change is in the case's audit trail, which its lead reads.
        JsonNode trail = u.get("/api/cases/ny-sak-2027/audit").body().get("entries");
        boolean recorded = false;
        for (JsonNode e : trail) {
            recorded |= "member-set".equals(e.get("action").asText()) && "leser".equals(e.get("actor").asText())
                    && "revisor".equals(e.get("target").asText()) && "revisor".equals(e.get("detail").asText());
        }
        assertTrue(recorded, trail.toString());
        // Sign-ins belong to no case: they are in the trail by user.
        java.util.List<no.evidens.findings.trail.AuditEntry> signIns = new no.evidens.pipeline.findings.AuditService(
                new no.evidens.pipeline.EvidensHome(team.root), java.time.Duration.ofSeconds(20)).entries(null, "leder", null);
        assertTrue(signIns.stream().anyMatch(e -> "sign-in".equals(e.action())), signIns.toString());
    }

    /**
     * Round 47: every route that shows a journal's text writes a line in the trail naming the reader and the record, once
     * per showing. Passages like one ({@code /api/like}) and the findings' history ({@code /api/history}, which holds each
     * quotation's words) wrote none.
     */
    @Test
    void everyRouteThatShowsAJournalsTextWritesATrailLineNamingTheReader() throws Exception {
        TeamWorkspace.Client lead = clients.get("leder");
        JsonNode journal = journalHit(lead);
        String jp = journal.get("passageId").asText();
        String jdoc = journal.get("docId").asText();
        String ref = lead.json("POST", "/api/findings", Map.of("case", CASE, "kind", "merknad", "title", "Sporet",
                "evidence", Map.of("passageId", jp))).body().get("ref").asText();
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("/api/search?q=koordinator&case=" + CASE, "search");
        routes.put("/api/like?id=" + enc(jp), "search");
        routes.put("/api/passage?id=" + enc(jp), "show-passage");
        routes.put("/api/document?case=" + CASE + "&doc=" + jdoc, "show-document");
        routes.put("/api/findings?case=" + CASE, "show-quotations");
        routes.put("/api/findings/" + CASE + "/" + ref, "show-quotations");
        routes.put("/api/history?case=" + CASE + "&ref=" + ref, "show-quotations");
        no.evidens.pipeline.findings.AuditService trail = trail();
        List<String> missing = new ArrayList<>();
        for (var route : routes.entrySet()) {
            int before = trail.entries(CASE, "leser", null).size();
            assertEquals(200, clients.get("leser").get(route.getKey()).status(), route.getKey());
            List<no.evidens.findings.trail.AuditEntry> added = trail.entries(CASE, "leser", null);
            added = added.subList(before, added.size());
            boolean named = added.size() == 1 && added.get(0).action().equals(route.getValue())
                    && (route.getValue().equals("search") || String.valueOf(added.get(0).target()).contains(jdoc)
                    || String.valueOf(added.get(0).detail()).contains(jdoc) || String.valueOf(added.get(0).target()).contains(jp));
            if (!named) {
                missing.add(route.getKey() + " wrote " + added);
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    /**
     * Round 55: a search without {@code case=} (the search page over all one's cases, or a case filter naming several)
     * shows the case's journals as one with it does; it is in the case's trail, which its lead reads, with the case's hits.
     * It was recorded under no case, so the lead's page never showed it.
     */
    @Test
    void aSearchOverAllOnesCasesIsInTheTrailOfTheCaseItFoundPassagesIn() throws Exception {
        no.evidens.pipeline.findings.AuditService trail = trail();
        JsonNode inCase = clients.get("leser").get("/api/search?q=koordinator&limit=1&case=" + CASE).body();
        int before = trail.entries(CASE, "leser", null).size();
        JsonNode all = clients.get("leser").get("/api/search?q=koordinator&limit=1").body();
        assertEquals(inCase.get("total").asInt(), all.get("total").asInt(), "the reader's only case with passages");
        JsonNode filtered = clients.get("leser").get("/api/search?q=koordinator&limit=1&filter=" + enc("case:" + CASE)).body();
        assertEquals(inCase.get("total").asInt(), filtered.get("total").asInt());
        List<String> added = trail.entries(CASE, "leser", null).stream().skip(before)
                .map(e -> e.action() + " " + e.detail()).toList();
        assertEquals(List.of("search «koordinator», " + all.get("total").asInt() + " treff",
                "search «koordinator» case:" + CASE + ", " + all.get("total").asInt() + " treff"), added);
        JsonNode lead = clients.get("leder").get("/api/cases/" + CASE + "/audit?user=leser").body();
        int shown = 0;
        for (JsonNode e : lead.get("entries")) {
            shown += "search".equals(e.get("action").asText()) && e.get("detail").asText().startsWith("«koordinator»") ? 1 : 0;
        }
        assertTrue(shown >= 3, "the lead's trail page shows the reader's searches: " + lead);
    }

    /**
     * Round 48: the answer to a change (create, attach, edit, move, a review step, a new place, detach, a 409's
     * {@code current}) carries the whole finding with its quotations from client records; each answer writes one
     * {@code show-quotations} line naming the member and the case, as the findings page's read does. Before, only the change
     * itself was in the trail, so an API user read the other quotations unrecorded.
     */
    @Test
    void everyChangesAnswerThatShowsAJournalQuotationWritesOneTrailLineNamingTheMember() throws Exception {
        no.evidens.pipeline.findings.AuditService trail = trail();
        List<String> wrong = new ArrayList<>();
        TeamWorkspace.Client auditor = clients.get("revisor");
        JsonNode journal = journalHit(auditor);
        String jdoc = journal.get("docId").asText();
        int[] seen = {trail.entries(CASE, "revisor", null).size()};
        ShownCheck shownOnce = (change, want, a) -> {
            List<no.evidens.findings.trail.AuditEntry> added = trail.entries(CASE, "revisor", null);
            List<no.evidens.findings.trail.AuditEntry> shown = added.subList(seen[0], added.size()).stream()
                    .filter(e -> e.action().equals("show-quotations")).toList();
            seen[0] = added.size();
            boolean named = shown.size() == 1 && shown.get(0).caseId().equals(CASE) && shown.get(0).detail().contains(jdoc);
            if (a.status() != want || !named) {
                wrong.add(change + " (" + a.status() + ", expected " + want + ") wrote " + shown);
            }
            return a;
        };
        String ref = shownOnce.check("create", 201, auditor.json("POST", "/api/findings", Map.of("case", CASE, "kind", "merknad",
                "title", "Svarene", "evidence", Map.of("passageId", journal.get("passageId").asText())))).body().get("ref").asText();
        String at = "/api/findings/" + CASE + "/" + ref;
        long second = shownOnce.check("attach", 201, auditor.json("POST", at + "/evidence", Map.of("passageId", passageId)))
                .body().get("evidence").get(1).get("id").asLong();
        shownOnce.check("edit", 200, auditor.json("PATCH", at, Map.of("text", "Sett i journalen.")));
        shownOnce.check("move", 200, auditor.json("PATCH", "/api/evidence/" + CASE + "/" + second, Map.of("position", 1)));
        shownOnce.check("stale edit", 409, auditor.json("PATCH", at, Map.of("text", "For sent.", "version", 1)));
        shownOnce.check("position", 200, auditor.json("POST", at + "/position", Map.of("position", 1)));
        shownOnce.check("submit", 200, auditor.json("POST", at + "/submit", Map.of()));
        shownOnce.check("reopen", 200, auditor.json("POST", at + "/reopen", Map.of()));
        shownOnce.check("detach", 200, auditor.send("DELETE", "/api/evidence/" + CASE + "/" + second, null, null));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** A passage of a journal of the case (the trail records its showing). */
    private static JsonNode journalHit(TeamWorkspace.Client c) throws Exception {
        return c.get("/api/search?q=koordinator&type=journal&case=" + CASE).body().get("hits").get(0);
    }

    /** The case's trail as the server writes it, read from the home. */
    private no.evidens.pipeline.findings.AuditService trail() {
        return new no.evidens.pipeline.findings.AuditService(new no.evidens.pipeline.EvidensHome(team.root), java.time.Duration.ofSeconds(20));
    }

    /** Checks a change's answer and the trail lines it added; answers the answer. */
    @FunctionalInterface
    private interface ShownCheck {
        TeamWorkspace.Answer check(String change, int want, TeamWorkspace.Answer a);
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
