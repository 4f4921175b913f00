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
            JsonNode trail = lead.get("/api/cases/" + C + "/audit").body().get("entries");
            boolean recorded = false;
            for (JsonNode e : trail) {
                recorded |= "case-close".equals(e.get("action").asText()) && "leder".equals(e.get("actor").asText());
            }
            assertTrue(recorded, trail.toString());
        }
    }
}
