package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.evidens.corpus.SampleBundle;

/**
 * A closed case with no finding, in Chromium, Bokmål and Nynorsk: its findings page does not invite the person to
 * create one (it said «… eller opprett et funn her», which a closed case refuses; round 43's walk).
 */
class ClosedCaseWordsBrowserIT {
    private static SampleWorkspace ws;

    @BeforeAll
    static void start() throws Exception {
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
        WorkspaceClient.Answer closed = WorkspaceClient.of(ws).json("POST", "/api/cases/" + SampleBundle.CASE_ID + "/close", "{}");
        assertEquals(200, closed.status(), closed.text());
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(ws);
    }

    @Test
    void aClosedCasesEmptyFindingsPageInvitesNoFinding() throws Exception {
        for (String[] language : new String[][] {{"nb-NO", "Saken har ingen funn."}, {"nn-NO", "Saka har ingen funn."}}) {
            try (Browser b = new Browser(1280, 720, language[0])) {
                try {
                    b.driver.get(ws.url() + "#/funn");
                    b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-closed")));
                    b.wait.until(ExpectedConditions.textToBe(By.id("findings-none"), language[1]));
                    b.view("lukket-funn-" + language[0]);
                } catch (Exception | AssertionError e) {
                    throw b.failure("lukket-funn-failed", e);
                }
            }
        }
    }
}
