package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Closing a case from the workspace: only its lead may, and from then on the case is read-only. */
class CaseCloseIT {
    private static final String C = TeamWorkspace.CASE;

    @Test
    void theLeadClosesTheCaseAndItCanOnlyBeReadAfterwards() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            TeamWorkspace.Client lead = team.signIn("leder");
            TeamWorkspace.Client auditor = team.signIn("revisor");
            TeamWorkspace.Client writer = team.signIn("skribent");
            JsonNode f = lead.json("POST", "/api/findings", Map.of("case", C, "kind", "avvik", "title", "Før lukking")).body();
            String ref = f.get("ref").asText();
            assertFalse(lead.get("/api/cases/" + C).body().get("closed").asBoolean());

            assertEquals(403, auditor.json("POST", "/api/cases/" + C + "/close", Map.of()).status());
            assertEquals(403, writer.json("POST", "/api/cases/" + C + "/close", Map.of()).status());
            assertEquals(403, team.signIn("utenfor").json("POST", "/api/cases/" + C + "/close", Map.of()).status());
            TeamWorkspace.Answer closed = lead.json("POST", "/api/cases/" + C + "/close", Map.of());
            assertEquals(200, closed.status(), String.valueOf(closed.body()));
            assertEquals("leder", closed.body().get("closedBy").asText());

            JsonNode state = auditor.get("/api/cases/" + C).body();
            assertTrue(state.get("closed").asBoolean());
            assertEquals("auditor", state.get("role").asText());
            assertEquals(409, lead.json("POST", "/api/cases/" + C + "/close", Map.of()).status(), "closed once");
            assertEquals(409, auditor.json("POST", "/api/findings", Map.of("case", C, "kind", "merknad", "title", "Etter lukking")).status());
            assertEquals(409, writer.json("PATCH", "/api/findings/" + C + "/" + ref, Map.of("text", "Ny ordlyd")).status());
            assertEquals(409, lead.json("POST", "/api/findings/" + C + "/" + ref + "/submit", Map.of()).status());
            assertEquals(409, lead.send("POST", "/api/ingest?case=" + C, "application/zip", "PK".getBytes(StandardCharsets.UTF_8)).status());
            // Reading goes on: the findings, the search, the export.
            assertEquals(200, auditor.get("/api/findings?case=" + C).status());
            assertEquals(200, auditor.get("/api/search?q=plan&case=" + C).status());
            assertEquals(200, writer.get("/api/export?case=" + C + "&format=md").status());
            // Who may read the archive still changes: a new reader is given access, then taken out, each in the trail.
            TeamWorkspace.Answer reader = lead.json("POST", "/api/members", Map.of("case", C, "user", "utenfor", "role", "reader"));
            assertEquals(201, reader.status(), String.valueOf(reader.body()));
            assertEquals(200, team.signIn("utenfor").get("/api/findings?case=" + C).status(), "the new reader reads the closed case");
            assertEquals(204, lead.send("DELETE", "/api/members/" + C + "/utenfor", null, null).status());
            JsonNode trail = lead.get("/api/cases/" + C + "/audit").body().get("entries");
            boolean recorded = false;
            java.util.List<String> members = new java.util.ArrayList<>();
            for (JsonNode e : trail) {
                recorded |= "case-close".equals(e.get("action").asText()) && "leder".equals(e.get("actor").asText());
                if (e.get("action").asText().startsWith("member-") && "utenfor".equals(e.get("target").asText())) {
                    members.add(e.get("action").asText() + " " + e.get("detail").asText());
                }
            }
            assertTrue(recorded, trail.toString());
            assertEquals(java.util.Set.of("member-set leser, saken er lukket", "member-remove saken er lukket"), java.util.Set.copyOf(members),
                    "the trail says the case was closed: " + trail);
        }
    }
}
