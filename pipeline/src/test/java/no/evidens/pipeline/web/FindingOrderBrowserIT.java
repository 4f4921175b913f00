package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;

/**
 * Round 46, a report writer's findings page: «Flytt opp» puts Avvik 2 before Avvik 1 (by the keyboard), the page and the
 * API then show it first and name it Avvik 1 in the report, its reference kept; ticking «Anonymiser» tells, before the
 * download, which finding's own title names a person the quotations mask.
 */
class FindingOrderBrowserIT {
    @Test
    void aFindingMovedUpStandsFirstAndTheAnonymisedExportWarnsOfANameInItsTitle() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD); Browser b = Browser.forSite(ws.url(), 1280, 900, "nb-NO")) {
            WorkspaceClient api = WorkspaceClient.of(ws);
            String c = SampleBundle.CASE_ID;
            JsonNode hit = api.get("/api/search?q=" + WorkspaceClient.enc("\"Roar Storvik\"") + "&case=" + c).body().get("hits").get(0);
            assertEquals(201, api.json("POST", "/api/findings", "{\"case\":\"" + c + "\",\"kind\":\"avvik\",\"title\":\"Fastlegen meldte ikke"
                    + " fra\",\"evidence\":{\"passageId\":\"" + hit.get("passageId").asText() + "\"}}").status());
            assertEquals(201, api.json("POST", "/api/findings", "{\"case\":\"" + c + "\",\"kind\":\"avvik\",\"title\":\"Ingen koordinator"
                    + " for Roar Storvik\"}").status());
            // the API's refusals: a place before the first, and a move made on a version since changed
            String position = "/api/findings/" + c + "/avvik-2/position";
            assertEquals(400, api.json("POST", position, "{\"position\":0}").status());
            assertEquals(409, api.json("POST", position, "{\"position\":1,\"version\":7}").status());

            b.driver.get(ws.url() + "#/funn");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-select")));
            b.driver.executeScript("localStorage.setItem('evidens.case', arguments[0])", c);
            b.driver.navigate().refresh();
            WebElement up = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-avvik-2-up")));
            assertTrue(b.driver.findElement(By.id("order-avvik-1-up")).getAttribute("disabled") != null, "the first cannot go up");
            assertEquals("Flytt opp Avvik 2 i rapporten", up.getAttribute("aria-label"));
            up.sendKeys(Keys.ENTER);

            // read in one go in the page: it draws its cards anew after the move
            b.wait.until(d -> List.of("finding-avvik-2", "finding-avvik-1").equals(b.driver.executeScript(
                    "return [...document.querySelectorAll('article.finding')].map(a => a.id)")));
            assertEquals("Avvik 1 (avvik-2): Ingen koordinator for Roar Storvik", b.driver.findElement(By.id("h-avvik-2")).getText());
            assertEquals("Avvik 2 (avvik-1): Fastlegen meldte ikke fra", b.driver.findElement(By.id("h-avvik-1")).getText());
            assertTrue(b.driver.findElement(By.id("status")).getText().contains("avvik-2 står nå som Avvik 1, plass 1 i rapporten."),
                    b.driver.findElement(By.id("status")).getText());
            JsonNode listed = api.get("/api/findings?case=" + c).body();
            assertEquals("avvik-2", listed.get(0).get("ref").asText());
            assertEquals(1, listed.get(0).get("position").asInt());

            b.driver.findElement(By.id("anonymise")).click();
            WebElement notice = b.driver.findElement(By.id("export-own-words"));
            b.wait.until(d -> notice.getText().contains("i tittelen"));
            assertTrue(notice.getText().contains("Avvik 1 (avvik-2): «Roar Storvik» i tittelen"), notice.getText());
            assertTrue(notice.getText().startsWith("Funnenes egne ord anonymiseres ikke."), notice.getText());
            b.view("finding-order-own-words");
        }
    }
}
