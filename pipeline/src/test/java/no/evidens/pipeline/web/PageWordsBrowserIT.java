package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.evidens.corpus.SampleBundle;

/**
 * The words a browser would otherwise say in its own language, in a Bokmål browser ({@code nb-NO}) and after
 * switching to Nynorsk: the question before deleting a finding or closing a case is a dialog of the page
 * («Slett» / «Avbryt», Escape cancels, the focus starts on «Avbryt» and goes back to the button that asked),
 * not the browser's confirm(); the reader's keyboard help names the keys as a Norwegian keyboard does
 * («Skift», «Pil høyre»); the audit trail's date field is written dd.mm.åååå whatever the browser's format,
 * with its checks worded from the catalogue; a missing page is a Bokmål page. Each view is checked with axe;
 * screenshots {@code target/screenshots/words-*.png}.
 */
class PageWordsBrowserIT {
    private static final String CASE = SampleBundle.CASE_ID;

    @Test
    void theBrowsersOwnWordsAreTheWorkspaces() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
             Browser b = Browser.forSite(ws.url(), 1400, 1000, "nb-NO")) {
            try {
                WorkspaceClient api = WorkspaceClient.of(ws);
                WorkspaceClient.Answer made = api.json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Mangler rutine\"}");
                assertEquals(201, made.status(), made.text());
                String label = made.body().get("label").asText();
                String ref = made.body().get("ref").asText();
                b.driver.get(ws.url() + "#/funn");
                assertEquals("nb-NO", ((JavascriptExecutor) b.driver).executeScript("return navigator.language;"));
                deleteAsked(b, ref, label);
                dateField(b, ws);
                keyNames(b, ws, "Skift + Pil ned / Pil opp", "Skift + Pil høyre / Pil venstre");

                // a page that is not there, as the browser asks for it: a Bokmål page with a way back
                b.driver.get(ws.url() + "finnes-ikke.html");
                WebElement h1 = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                assertEquals("Siden finnes ikke", h1.getText());
                assertEquals("Siden /finnes-ikke.html finnes ikke.", b.driver.findElement(By.id("error-message")).getText());
                assertEquals("Til arbeidsflaten", b.driver.findElement(By.id("error-back")).getText());
                b.view("words-4-finnes-ikke");

                // in Nynorsk: the question before closing the case, cancelled
                b.driver.manage().addCookie(new Cookie(ErrorTexts.COOKIE, "nn"));
                b.driver.get(ws.url() + "#/medlemmer");
                WebElement close = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("case-close")));
                close.click();
                WebElement dialog = open(b);
                assertEquals("Lukk saka", b.driver.findElement(By.id("ask-title")).getText());
                assertEquals("Lukke saka " + CASE + "? Ho kan berre lesast etterpå.", b.driver.findElement(By.id("ask-text")).getText());
                assertEquals("Lukk saka", b.driver.findElement(By.id("ask-ok")).getText());
                assertEquals("Avbryt", b.driver.findElement(By.id("ask-cancel")).getText());
                b.view("words-5-lukk-saka");
                b.driver.findElement(By.id("ask-cancel")).click();
                b.wait.until(ExpectedConditions.stalenessOf(dialog));
                assertEquals("case-close", active(b).getDomAttribute("id"));
                assertFalse(api.get("/api/cases/" + CASE).body().get("closed").asBoolean(), "cancelled: the case stays open");
                keyNames(b, ws, "Skift + Pil ned / Pil opp", "Skift + Pil høgre / Pil venstre");
            } catch (Exception | AssertionError e) {
                throw b.failure("words-failed", e);
            }
        }
    }

    /** Deleting a finding asks first: Escape keeps it, «Slett» deletes it. */
    private static void deleteAsked(Browser b, String ref, String label) throws Exception {
        WebElement card = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finding-" + ref)));
        card.findElement(By.cssSelector("details:not(.new-finding) summary")).click();
        WebElement delete = card.findElement(By.cssSelector("button.danger"));
        delete.click();
        WebElement dialog = open(b);
        assertEquals("alertdialog", dialog.getDomAttribute("role"));
        assertEquals("Slette " + label + "?", b.driver.findElement(By.id("ask-title")).getText());
        assertTrue(b.driver.findElement(By.id("ask-text")).getText().startsWith("Slette " + label + " og sitatene?"));
        assertEquals("Slett", b.driver.findElement(By.id("ask-ok")).getText());
        assertEquals("Avbryt", b.driver.findElement(By.id("ask-cancel")).getText());
        // the safe choice has the focus, and the dialog is modal: the page behind it cannot be reached
        assertEquals("ask-cancel", active(b).getDomAttribute("id"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) b.driver).executeScript("return arguments[0].matches(':modal');", dialog));
        b.view("words-1-slett-funn");
        active(b).sendKeys(Keys.ESCAPE);
        b.wait.until(ExpectedConditions.stalenessOf(dialog));
        assertEquals(delete, active(b), "the focus is back on the button that asked");
        assertTrue(b.driver.findElement(By.id("finding-" + ref)).isDisplayed(), "Escape deletes nothing");

        delete.click();
        open(b);
        b.driver.findElement(By.id("ask-ok")).click();
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), label + " er slettet."));
        assertTrue(b.driver.findElements(By.id("finding-" + ref)).isEmpty());
    }

    /** The audit trail's date field: dd.mm.åååå in a text field, checked in the catalogue's words, sent as an ISO date. */
    private static void dateField(Browser b, SampleWorkspace ws) throws Exception {
        b.driver.get(ws.url() + "#/spor");
        WebElement since = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-since")));
        assertEquals("text", since.getDomAttribute("type"));
        assertEquals("dd.mm.åååå", since.getDomAttribute("placeholder"));
        assertEquals("Skriv datoen som dd.mm.åååå, for eksempel 01.11.2026.", b.driver.findElement(By.id("audit-since-help")).getText());
        WebElement show = b.driver.findElement(By.cssSelector(".audit-filter button[type=submit]"));
        since.sendKeys("2026-11-01");
        show.click();
        assertEquals("Feltet er ikke skrevet slik det skal være. Skriv datoen som dd.mm.åååå, for eksempel 01.11.2026.",
                since.getDomProperty("validationMessage"));
        since.clear();
        since.sendKeys("31.02.2026");
        show.click();
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"),
                "Datoen 31.02.2026 finnes ikke i kalenderen: skriv den som dd.mm.åååå, for eksempel 01.11.2026."));
        b.view("words-2-dato");
        since.clear();
        since.sendKeys("1.1.2020");
        show.click();
        b.wait.until(ExpectedConditions.urlContains("fra=2020-01-01"));
        // the field shows the date it filtered by, in the Norwegian form (the wait fails the test if it never does)
        String shown = b.wait.until(d -> {
            try {
                String value = d.findElement(By.id("audit-since")).getDomProperty("value");
                return "01.01.2020".equals(value) ? value : null;
            } catch (StaleElementReferenceException e) {
                return null; // the trail view was drawn again between finding the field and reading it: look again
            }
        });
        assertEquals("01.01.2020", shown);
    }

    /** The reader's keyboard help names the keys in the catalogue's words. */
    private static void keyNames(Browser b, SampleWorkspace ws, String upDown, String leftRight) throws Exception {
        Object id = ((JavascriptExecutor) b.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/search?q=samarbeid&case=%s').then(r => r.json()).then(r => done(r.hits[0].docId)).catch(e => done('error ' + e));
                """.formatted(CASE));
        b.driver.get(ws.url() + "#/dokument?case=" + CASE + "&doc=" + id);
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-keys")));
        String keys = String.valueOf(((JavascriptExecutor) b.driver).executeScript(
                "return [...document.querySelectorAll('kbd')].map(k => k.textContent).join(' | ');"));
        assertTrue(keys.contains(upDown) && keys.contains(leftRight) && !keys.contains("Shift"), keys);
        b.view("words-3-taster-" + (leftRight.contains("høgre") ? "nn" : "nb"));
    }

    private static WebElement open(Browser b) {
        return b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-dialog")));
    }

    private static WebElement active(Browser b) {
        return b.driver.switchTo().activeElement();
    }
}
