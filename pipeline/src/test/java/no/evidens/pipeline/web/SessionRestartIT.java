package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Sign-in sessions are kept in the access database: a restart of the server does not sign anyone
 * out, and a session ended before the restart stays ended after it.
 */
class SessionRestartIT {
    @Test
    void aSignedInUserStaysSignedInAcrossARestartAndASignedOutOneDoesNot() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            TeamWorkspace.Client lead = team.signIn("leder");
            TeamWorkspace.Client reader = team.signIn("leser");
            assertEquals(204, reader.json("POST", "/api/signout", Map.of()).status());

            team.restart();

            TeamWorkspace.Answer session = lead.get("/api/session");
            assertEquals(200, session.status(), String.valueOf(session.body()));
            assertEquals("leder", session.body().get("user").asText());
            assertEquals(lead.token, session.body().get("token").asText(), "the same token for state-changing requests");
            assertEquals(201, lead.json("POST", "/api/findings", Map.of("case", TeamWorkspace.CASE, "kind", "merknad",
                    "title", "Etter omstart")).status(), "a change with the old session's token");
            assertEquals(401, reader.get("/api/session").status(), "signed out before the restart");
        }
    }
}
