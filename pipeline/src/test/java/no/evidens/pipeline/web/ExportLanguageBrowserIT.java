package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import no.evidens.corpus.SampleBundle;

/**
 * The findings page as a report writer meets it before exporting (round 45's walk): the report's language is chosen
 * beside the export buttons (it could only be set through the API, so a Nynorsk report was out of the page's reach), and
 * a finding's card tells when it was changed in Norwegian form (it showed the server's UTC digits, 2026-12-05 20:31).
 */
class ExportLanguageBrowserIT {
    private static String exportLanguage(WorkspaceClient api, String c) {
        try {
            return api.get("/api/eksport-sprak?case=" + c).body().get("sprak").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReportsLanguageIsChosenOnThePageAndTheCardsTimeIsNorwegian() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD); Browser b = Browser.forSite(ws.url(), 1280, 900, "nb-NO")) {
            WorkspaceClient api = WorkspaceClient.of(ws);
            String c = SampleBundle.CASE_ID;
            assertEquals(201, api.json("POST", "/api/findings", "{\"case\":\"" + c + "\",\"kind\":\"avvik\",\"title\":\"Ingen koordinator\"}")
                    .status());
            b.driver.get(ws.url() + "#/funn");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-select")));
            b.driver.executeScript("localStorage.setItem('evidens.case', arguments[0])", c);
            b.driver.navigate().refresh();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-language")));
            String card = b.driver.findElement(By.id("finding-avvik-1")).getText();
            assertTrue(card.matches("(?s).*endret \\d{1,2}\\.\\d{1,2}\\.\\d{4}.*"), card);

            Select language = new Select(b.driver.findElement(By.id("export-language")));
            b.wait.until(d -> "nb".equals(language.getFirstSelectedOption().getAttribute("value")));
            language.selectByValue("nn");
            b.wait.until(d -> "nn".equals(exportLanguage(api, c)));
            assertTrue(api.get("/api/export?case=" + c + "&format=md").text().startsWith("# Tilsynet sine funn"));

            b.driver.navigate().refresh();
            b.wait.until(d -> "nn".equals(new Select(d.findElement(By.id("export-language"))).getFirstSelectedOption()
                    .getAttribute("value")));
            b.view("export-language");
        }
    }
}
