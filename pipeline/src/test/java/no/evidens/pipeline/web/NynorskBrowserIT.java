package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import no.evidens.corpus.SampleBundle;

/**
 * The workspace in Nynorsk beyond the search view: after the header's language picker is set to
 * Nynorsk, the menu, the ingest page, the overview and the audit trail speak it (screenshots and axe of
 * each under {@code target/screenshots/}); set back, Bokmål returns.
 */
class NynorskBrowserIT {
    @Test
    void pickingNynorskChangesTheWordsOfEveryView() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD); Browser b = Browser.forSite(ws.url())) {
            b.wait.ignoring(StaleElementReferenceException.class);
            b.driver.get(ws.url() + "#/innlesing");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language-select")));
            new Select(b.driver.findElement(By.id("language-select"))).selectByValue("nn");
            b.wait.until(d -> "nn".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));

            WebElement ingest = b.wait.until(d -> "Innlesing av ein bunke".equals(d.findElement(By.cssSelector("#main h2")).getText())
                    ? d.findElement(By.id("main")) : null);
            assertTrue(ingest.getText().contains("Kommune (valfritt)") && ingest.getText().contains("Ei ny sak blir oppretta"), ingest.getText());
            assertEquals("Hovudmeny", b.driver.findElement(By.cssSelector("header nav")).getAttribute("aria-label"));
            b.view("nynorsk-1-innlesing");

            b.driver.get(ws.url() + "#/oversikt");
            WebElement overview = b.wait.until(d -> d.findElement(By.cssSelector("#main h2")).getText().startsWith("Oversikt over")
                    ? d.findElement(By.id("main")) : null);
            String text = overview.getText();
            assertTrue(text.contains("i saka") && text.contains("Tomme celler er markerte"), text);
            b.view("nynorsk-2-oversikt");

            // a journal shown: the trail's detail, recorded in Bokmål, is shown with its fixed words in Nynorsk
            WorkspaceClient api = WorkspaceClient.of(ws);
            String docId = api.get("/api/search?q=ansvarsgruppe&type=journal&limit=1").body().get("hits").get(0).get("docId").asText();
            assertEquals(200, api.get("/api/document?case=" + SampleBundle.CASE_ID + "&doc=" + docId).status());
            b.driver.get(ws.url() + "#/spor");
            WebElement intact = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-intact")));
            assertTrue(intact.getText().startsWith("Sporet er uendra"), intact.getText());
            String trail = b.driver.findElement(By.id("audit-table")).getText();
            assertTrue(trail.contains("journal, arbeidsflata") && !trail.contains("arbeidsflaten"), trail);
            assertTrue(b.driver.findElement(By.cssSelector(".audit-filter")).getText().contains("Frå dato"));
            b.view("nynorsk-3-revisjonsspor");

            new Select(b.driver.findElement(By.id("language-select"))).selectByValue("nb");
            b.wait.until(d -> "nb".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
            b.wait.until(d -> d.findElement(By.id("audit-intact")).getText().startsWith("Sporet er uendret"));
            b.wait.until(d -> d.findElement(By.id("audit-table")).getText().contains("journal, arbeidsflaten"));
        }
    }
}
