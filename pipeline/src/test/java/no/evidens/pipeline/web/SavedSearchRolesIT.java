package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.fixture.CliRun;

/**
 * A case's saved searches on a team server: every member who reads the case saves searches of their own and changes them;
 * another member's is replaced or deleted by the case's lead only (403 for the others, in Bokmål or Nynorsk); each change
 * is in the audit trail, on the page {@code /api/cases/{case}/audit} and in {@code evidens audit}.
 */
class SavedSearchRolesIT {
    private static final String C = TeamWorkspace.CASE;

    @Test
    void othersSavedSearchesAreTheLeadsToChangeAndEveryChangeIsInTheTrail() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            TeamWorkspace.Client lead = team.signIn("leder");
            TeamWorkspace.Client auditor = team.signIn("revisor");
            TeamWorkspace.Client reader = team.signIn("leser");

            assertEquals(201, save(reader, "Mitt søk", "plan").status());
            assertEquals(201, save(auditor, "Revisors søk", "tiltak").status());
            long auditors = byName(reader, "Revisors søk").get("id").asLong();
            assertTrue(byName(reader, "Mitt søk").get("mayChange").asBoolean(), "one's own");
            assertFalse(byName(reader, "Revisors søk").get("mayChange").asBoolean(), "another's, for a reader");
            assertTrue(byName(lead, "Revisors søk").get("mayChange").asBoolean(), "another's, for the lead");

            // the reader neither replaces nor deletes the auditor's search: 403, said in the reader's language
            TeamWorkspace.Answer replace = save(reader, "Revisors søk", "plan");
            assertEquals(403, replace.status(), String.valueOf(replace.body()));
            assertEquals("Det lagrede søket «Revisors søk» ble lagret av revisor. Bare revisor eller saksleder kan erstatte eller slette det"
                    + " i saken " + C + ".", replace.body().get("error").asText());
            TeamWorkspace.Client nynorsk = team.new Client("leser", reader.cookie + "; " + ErrorTexts.COOKIE + "=nn", reader.token);
            TeamWorkspace.Answer delete = nynorsk.send("DELETE", "/api/lagrede-sok/" + C + "/" + auditors, null, null);
            assertEquals(403, delete.status(), String.valueOf(delete.body()));
            assertEquals("Det lagra søket «Revisors søk» vart lagra av revisor. Berre revisor eller saksleiaren kan erstatte eller slette det"
                    + " i saka " + C + ".", delete.body().get("error").asText());
            assertEquals("tiltak", byName(lead, "Revisors søk").get("query").asText(), "the auditor's search is as it was");
            assertEquals("revisor", byName(lead, "Revisors søk").get("savedBy").asText());

            // one's own is replaced and deleted by anyone who reads the case
            assertEquals(201, save(reader, "Mitt søk", "plan tiltak").status());
            long mine = byName(reader, "Mitt søk").get("id").asLong();
            assertEquals(204, reader.send("DELETE", "/api/lagrede-sok/" + C + "/" + mine, null, null).status());

            // the lead changes anyone's
            TeamWorkspace.Answer replaced = save(lead, "Revisors søk", "plan");
            assertEquals(201, replaced.status(), String.valueOf(replaced.body()));
            assertEquals("leder", replaced.body().get("savedBy").asText());
            long leads = replaced.body().get("id").asLong();
            assertEquals(201, save(auditor, "Revisors andre", "tiltak 01017012345").status());
            long other = byName(lead, "Revisors andre").get("id").asLong();
            assertEquals(204, lead.send("DELETE", "/api/lagrede-sok/" + C + "/" + other, null, null).status());
            assertEquals(403, auditor.send("DELETE", "/api/lagrede-sok/" + C + "/" + leads, null, null).status(), "the lead's, for an auditor");

            List<String> trail = new ArrayList<>();
            for (JsonNode e : lead.get("/api/cases/" + C + "/audit").body().get("entries")) {
                if (e.get("action").asText().startsWith("saved-search-")) {
                    trail.add(e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("targetKind").asText() + " "
                            + e.get("target").asText() + " (" + e.get("detail").asText() + ")");
                }
            }
            List<String> expected = List.of(
                    "leser saved-search-save saved-search Mitt søk (plan)",
                    "revisor saved-search-save saved-search Revisors søk (tiltak)",
                    "leser saved-search-replace saved-search Mitt søk (plan tiltak)",
                    "leser saved-search-delete saved-search Mitt søk (plan tiltak)",
                    "leder saved-search-replace saved-search Revisors søk (plan)",
                    "revisor saved-search-save saved-search Revisors andre (tiltak [fødselsnummer])",
                    "leder saved-search-delete saved-search Revisors andre (tiltak [fødselsnummer])");
            assertEquals(expected, trail, "each change once, in order, none refused, a fødselsnummer masked");
            CliRun audit = CliRun.inHome(team.root, "audit", "--case", C);
            assertEquals(0, audit.code(), audit.err());
            for (String line : expected) {
                assertTrue(audit.out().contains(line), line + " in " + audit.out());
            }

            // a closed case refuses every change, the lead's too
            assertEquals(200, lead.json("POST", "/api/cases/" + C + "/close", Map.of()).status());
            assertEquals(409, save(reader, "Etter lukking", "plan").status());
            assertEquals(409, lead.send("DELETE", "/api/lagrede-sok/" + C + "/" + leads, null, null).status());
        }
    }

    private static TeamWorkspace.Answer save(TeamWorkspace.Client who, String name, String query) throws Exception {
        return who.json("POST", "/api/lagrede-sok", Map.of("case", C, "name", name, "query", query, "filters", List.of()));
    }

    private static JsonNode byName(TeamWorkspace.Client who, String name) throws Exception {
        for (JsonNode s : who.get("/api/lagrede-sok?case=" + C).body().get("searches")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no saved search " + name);
    }
}
