package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.evidens.corpus.SampleBundle;

/**
 * The group page's counts of a small group (one municipality, one merknad) in Chromium, in Bokmål and Nynorsk: one is
 * said in the singular (it said «1 kommuner» and «1 merknader», round 43's walk). Screenshots {@code group-ord-*.png}.
 */
class GroupWordsBrowserIT {
    private static final String GROUP = "liten-gruppe-2026";
    private static SampleWorkspace ws;

    @BeforeAll
    static void start() throws Exception {
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
        WorkspaceClient api = WorkspaceClient.of(ws);
        for (String[] call : new String[][] {
                {"/api/groups", "{\"id\":\"" + GROUP + "\",\"title\":\"Et lite tilsyn\"}"},
                {"/api/groups/" + GROUP + "/cases", "{\"case\":\"" + SampleBundle.CASE_ID + "\",\"kommune\":\"Fjordvik\",\"fylke\":\"Vestland\"}"},
                {"/api/findings", "{\"case\":\"" + SampleBundle.CASE_ID + "\",\"kind\":\"merknad\",\"title\":\"Planen evalueres ikke\"}"}}) {
            WorkspaceClient.Answer a = api.json("POST", call[0], call[1]);
            assertTrue(a.status() == 200 || a.status() == 201, call[0] + ": " + a.text());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(ws);
    }

    @Test
    void oneMunicipalityAndOneMerknadAreSaidInTheSingular() throws Exception {
        for (String[] language : new String[][] {
                {"nb-NO", "1 kommune: 0 med avvik, 1 med bare merknader og 0 uten funn (0 avvik og 1 merknad i alt)."},
                {"nn-NO", "1 kommune: 0 med avvik, 1 med berre merknader og 0 utan funn (0 avvik og 1 merknad i alt)."}}) {
            try (Browser b = Browser.forSite(ws.url(), 1280, 720, language[0])) {
                try {
                    b.driver.get(ws.url() + "#/grupper?g=" + GROUP);
                    b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-totals")));
                    assertEquals(language[1], b.driver.findElement(By.id("group-totals")).getText());
                    b.view("group-ord-" + language[0]);
                } catch (Exception | AssertionError e) {
                    throw b.failure("group-ord-failed", e);
                }
            }
        }
    }
}
