package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * With sign-in on, the workspace language is kept with the account: a user who picks Nynorsk gets
 * Nynorsk after signing out and in again (in a browser without the language cookie), and others keep Bokmål.
 */
class LanguageChoiceIT {
    @Test
    void aUserWhoPicksNynorskStillGetsNynorskAfterSigningOutAndIn() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            TeamWorkspace.Client lead = team.signIn("leder");
            assertEquals("nb", lead.get("/api/tekster").body().get("sprak").asText(), "Bokmål until a choice is made");
            assertEquals(200, lead.json("POST", "/api/tekster/sprak", Map.of("sprak", "nn")).status());
            assertEquals(204, lead.json("POST", "/api/signout", Map.of()).status());

            TeamWorkspace.Client again = team.signIn("leder");
            TeamWorkspace.Answer texts = again.get("/api/tekster");
            assertEquals("nn", texts.body().get("sprak").asText(), "kept with the account, not only in the cookie");
            assertEquals("Søk i dokumenta i saka", texts.body().get("tekster").get("ui.search.label").asText());

            assertEquals("nb", team.signIn("revisor").get("/api/tekster").body().get("sprak").asText(), "another user keeps Bokmål");
        }
    }
}
