package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import no.evidens.corpus.SampleBundle;

/**
 * Defects round 42's walk found (docs/web-walks.md): a quotation attached with the keyboard alone, and bad input in
 * the attach dialog and the ingest form, each checked in Chromium. Screenshots {@code target/screenshots/forms-*.png}.
 */
class FormsWalkBrowserIT {
    private static SampleWorkspace ws;

    @BeforeAll
    static void start() throws Exception {
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(ws);
    }

    /**
     * After attaching with the keyboard the focus is back where the quotation was chosen: in the reader's text (it was
     * lost to the page's body, the view drawn anew behind it), and in the search at the same hit's button (it went to
     * the heading at the top, some fifty Tab presses above the hits).
     */
    @Test
    void attachingWithTheKeyboardKeepsThePlace() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                WebElement text = openReader(b);
                text.sendKeys("s");
                text.sendKeys("n");
                text.sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
                new Select(b.driver.findElement(By.id("attach-finding"))).selectByValue("");
                b.driver.findElement(By.id("attach-new-title")).sendKeys("Planen er ikke fulgt opp", Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Sitatet er lagt til"));
                assertEquals("doc-text", b.driver.switchTo().activeElement().getDomAttribute("id"), "the focus is back in the text");

                b.driver.get(ws.url() + "#/sok?q=tiltaksplan");
                List<WebElement> buttons = b.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".hit .actions button"), 2));
                WebElement third = buttons.get(2);
                String heading = third.findElement(By.xpath("ancestor::li[contains(@class,'hit')]//h3")).getText();
                third.sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
                b.driver.findElement(By.id("attach-note")).sendKeys("Samme plan", Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Sitatet er lagt til"));
                WebElement focused = b.driver.switchTo().activeElement();
                List<WebElement> now = b.driver.findElements(By.cssSelector(".hit .actions button"));
                assertEquals(2, now.indexOf(focused), "the focus is on the button that was pressed, not " + focused.getTagName()
                        + " «" + focused.getText() + "»");
                assertEquals(heading, focused.findElement(By.xpath("ancestor::li[contains(@class,'hit')]//h3")).getText());
                b.view("forms-tastatur");
            } catch (Exception | AssertionError e) {
                throw b.failure("forms-tastatur-failed", e);
            }
        }
    }

    /**
     * A note or a title too long for the attach dialog is told in the dialog at its field, in words (it said «Feltet
     * «note» er for langt.», the API's field, and left the focus on «Legg til»); nothing is created.
     */
    @Test
    void theAttachDialogTellsABadFieldAtTheField() throws Exception {
        int before = WorkspaceClient.of(ws).get("/api/findings?case=" + SampleBundle.CASE_ID).body().size();
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                openAttachForANewFinding(b);
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                WebElement error = b.driver.findElement(By.id("attach-error"));
                for (String[] bad : new String[][] {
                        {"attach-note", "n".repeat(100_001), "attach-new-title", "Tittel",
                         "«Merknad til rapportskriveren» er for lang: 100001 tegn, men høyst 100000 går. Gjør teksten kortere."},
                        {"attach-new-title", "T".repeat(4001), "attach-note", "",
                         "«Tittel» er for lang: 4001 tegn, men høyst 4000 går. Gjør teksten kortere."}}) {
                    js.executeScript("document.getElementById(arguments[0]).value = arguments[1];"
                            + " document.getElementById(arguments[2]).value = arguments[3];", bad[0], bad[1], bad[2], bad[3]);
                    b.driver.findElement(By.id("attach-submit")).click();
                    b.wait.until(ExpectedConditions.textToBePresentInElement(error, "er for lang"));
                    assertEquals(bad[4], error.getText());
                    WebElement field = b.driver.switchTo().activeElement();
                    assertEquals(bad[0], field.getDomAttribute("id"), "the focus is on the field");
                    assertEquals("true", field.getDomAttribute("aria-invalid"));
                    assertEquals("attach-error", field.getDomAttribute("aria-describedby"));
                }
                b.view("forms-legg-til");
                js.executeScript("const t = document.getElementById('attach-new-title'); t.value = 'Tittel';"
                        + " t.dispatchEvent(new Event('input', { bubbles: true }));");
                b.wait.until(ExpectedConditions.invisibilityOf(error));
            } catch (Exception | AssertionError e) {
                throw b.failure("forms-legg-til-failed", e);
            }
        }
        assertEquals(before, WorkspaceClient.of(ws).get("/api/findings?case=" + SampleBundle.CASE_ID).body().size(), "nothing created");
    }

    /**
     * A refusal only the server finds (half a character in the title, a requirement naming no law) is told at the field
     * it is about, in the attach dialog and in the findings page's form: the field named as the form shows it, focused
     * and marked invalid, a long line not said back whole (it said «Feltet «title» inneholder ugyldig tekst …», quoted
     * all 600 characters of the requirement, and left the focus on «Legg til»).
     */
    @Test
    void theServersRefusalIsToldAtItsField() throws Exception {
        int before = WorkspaceClient.of(ws).get("/api/findings?case=" + SampleBundle.CASE_ID).body().size();
        String longLine = "ingen lov her ".repeat(43).strip();
        String quoted = "«ingen lov her ingen lov her ingen lov her ingen lov her…»";
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                openAttachForANewFinding(b);
                WebElement error = b.driver.findElement(By.id("attach-error"));
                for (String[] bad : new String[][] {
                        {"Planen {half}", "", "attach-new-title", "Feltet «Tittel» inneholder ugyldig tekst (et halvt tegn eller et styretegn)."},
                        {"Planen", longLine, "attach-new-req", "Finner ingen lovhenvisning i " + quoted + ": skriv den som «barnevernloven § 4-3»."}}) {
                    // a lone half character (a surrogate) cannot be sent through the driver: the page's script puts it in
                    ((JavascriptExecutor) b.driver).executeScript("document.getElementById('attach-new-title').value = arguments[0]"
                            + ".replace('{half}', String.fromCharCode(0xD800)); document.getElementById('attach-new-req').value = arguments[1];",
                            bad[0], bad[1]);
                    b.driver.findElement(By.id("attach-submit")).click();
                    b.wait.until(ExpectedConditions.textToBePresentInElement(error, bad[3].substring(0, 15)));
                    assertEquals(bad[3], error.getText());
                    assertAtField(b, bad[2], "attach-error");
                }
                b.view("forms-tjener-felt");
                b.driver.findElement(By.id("attach-cancel")).click();

                b.driver.get(ws.url() + "#/funn");
                b.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".new-finding summary"))).click();
                b.driver.findElement(By.id("new-title")).sendKeys("Planen");
                b.driver.findElement(By.id("new-req")).sendKeys(longLine);
                b.driver.findElement(By.cssSelector(".new-finding button[type=submit]")).click();
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "lovhenvisning"));
                assertEquals("Finner ingen lovhenvisning i " + quoted + ": skriv den som «barnevernloven § 4-3».",
                        b.driver.findElement(By.id("alert")).getText());
                assertAtField(b, "new-req", "alert");
                b.view("forms-tjener-funn");
            } catch (Exception | AssertionError e) {
                throw b.failure("forms-tjener-felt-failed", e);
            }
        }
        assertEquals(before, WorkspaceClient.of(ws).get("/api/findings?case=" + SampleBundle.CASE_ID).body().size(), "nothing created");
    }

    /**
     * At a phone's width (375 px) the attach dialog's refusal is in sight with its field: the message stands below the
     * fields, and it was left below the dialog's fold while the focus went to the field (round 43's walk).
     */
    @Test
    void onAPhoneTheAttachDialogsRefusalIsInSight() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 375, 740)) {
            try {
                openAttachForANewFinding(b);
                assertEquals(375L, ((Number) ((JavascriptExecutor) b.driver).executeScript("return window.innerWidth")).longValue());
                ((JavascriptExecutor) b.driver).executeScript("document.getElementById('attach-new-title').value = 'Planen';"
                        + " document.getElementById('attach-new-req').value = 'ingen lov her';");
                b.driver.findElement(By.id("attach-submit")).click();
                WebElement error = b.driver.findElement(By.id("attach-error"));
                b.wait.until(ExpectedConditions.textToBePresentInElement(error, "Finner ingen lovhenvisning"));
                assertAtField(b, "attach-new-req", "attach-error");
                for (String id : List.of("attach-error", "attach-new-req")) {
                    Object inSight = ((JavascriptExecutor) b.driver).executeScript("""
                            const r = document.getElementById(arguments[0]).getBoundingClientRect();
                            const d = document.getElementById('attach-dialog').getBoundingClientRect();
                            return r.top >= Math.max(0, d.top) && r.bottom <= Math.min(window.innerHeight, d.bottom);""", id);
                    assertEquals(Boolean.TRUE, inSight, id + " is in sight");
                }
                b.view("forms-mobil-legg-til");
            } catch (Exception | AssertionError e) {
                throw b.failure("forms-mobil-legg-til-failed", e);
            }
        }
    }

    /** The focus is on the field, marked invalid and described by the message. */
    private static void assertAtField(Browser b, String id, String message) {
        WebElement field = b.driver.switchTo().activeElement();
        assertEquals(id, field.getDomAttribute("id"), "the focus is on the field");
        assertEquals("true", field.getDomAttribute("aria-invalid"));
        assertTrue(List.of(field.getDomAttribute("aria-describedby").split(" ")).contains(message), field.getDomAttribute("aria-describedby"));
    }

    /**
     * The ingest form's file that is no bundle (a .txt chosen, or a .zip that is none) is told at the file field: the
     * focus there and the field marked invalid (the message stood alone, the focus left in the case field).
     */
    @Test
    void theIngestFormTellsABadFileAtTheField() throws Exception {
        Path dir = Files.createTempDirectory("evidens-forms");
        Path txt = Files.writeString(dir.resolve("notat.txt"), "Notat", StandardCharsets.UTF_8);
        Path fake = Files.writeString(dir.resolve("bunke.zip"), "ikke en zip", StandardCharsets.UTF_8);
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                for (String[] bad : new String[][] {{txt.toString(), "Bunken må være en .zip-fil."},
                        {fake.toString(), "Filen er ikke et .zip-arkiv"}}) {
                    b.driver.get(ws.url() + "#/sok");
                    b.driver.get(ws.url() + "#/innlesing");
                    WebElement caseIn = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("ingest-case")));
                    caseIn.clear();
                    caseIn.sendKeys("ny-sak-2026");
                    b.driver.findElement(By.id("ingest-file")).sendKeys(bad[0]);
                    caseIn.sendKeys(Keys.ENTER);
                    b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), bad[1]));
                    WebElement field = b.driver.switchTo().activeElement();
                    assertEquals("ingest-file", field.getDomAttribute("id"), "the focus is on the file field");
                    assertEquals("true", field.getDomAttribute("aria-invalid"));
                }
                b.view("forms-innlesing");
            } catch (Exception | AssertionError e) {
                throw b.failure("forms-innlesing-failed", e);
            }
        } finally {
            Files.delete(txt);
            Files.delete(fake);
            Files.delete(dir);
        }
    }

    /**
     * Moving a quotation to another finding with the keyboard: the arrow key only chooses the finding (it moved the
     * quotation at once, to whichever came first), «Flytt» moves it, the status says where and the focus goes there
     * (it went to the page's top); removing it asks first (it asked nothing), Escape keeps it.
     */
    @Test
    void aQuotationIsMovedAndRemovedWithTheKeyboard() throws Exception {
        WorkspaceClient api = WorkspaceClient.of(ws);
        String passage = api.get("/api/search?q=tiltaksplan&case=" + SampleBundle.CASE_ID).body().get("hits").get(0).get("passageId").asText();
        WorkspaceClient.Answer from = api.json("POST", "/api/findings", "{\"case\":\"" + SampleBundle.CASE_ID
                + "\",\"kind\":\"merknad\",\"title\":\"Tiltaksplanen mangler\",\"evidence\":{\"passageId\":\"" + passage + "\"}}");
        WorkspaceClient.Answer to = api.json("POST", "/api/findings", "{\"case\":\"" + SampleBundle.CASE_ID
                + "\",\"kind\":\"observasjon\",\"title\":\"Tiltaksplanen er ikke evaluert\"}");
        assertEquals(201, from.status(), from.text());
        assertEquals(201, to.status(), to.text());
        String fromRef = from.body().get("ref").asText();
        String toRef = to.body().get("ref").asText();
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                b.driver.get(ws.url() + "#/funn");
                WebElement target = b.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#finding-" + fromRef + " .evidence select")));
                target.sendKeys(Keys.ARROW_DOWN);
                assertEquals(1, quotations(api, fromRef), "the arrow key moved nothing");
                new Select(target).selectByValue(toRef);
                b.driver.findElement(By.cssSelector("#finding-" + fromRef + " .move-to button")).sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                        "Sitatet er flyttet til " + to.body().get("label").asText() + "."));
                assertEquals("h-" + toRef, b.driver.switchTo().activeElement().getDomAttribute("id"), "the focus on the finding it went to");
                assertEquals(0, quotations(api, fromRef));
                assertEquals(1, quotations(api, toRef));

                WebElement remove = b.driver.findElement(By.cssSelector("#finding-" + toRef + " .evidence button.danger"));
                remove.sendKeys(Keys.ENTER);
                WebElement dialog = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-dialog")));
                assertEquals("Fjerne sitat 1 fra " + to.body().get("label").asText() + "?", b.driver.findElement(By.id("ask-title")).getText());
                b.view("forms-fjern-sitat");
                b.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
                b.wait.until(ExpectedConditions.stalenessOf(dialog));
                assertEquals(1, quotations(api, toRef), "Escape kept it");
                b.driver.findElement(By.cssSelector("#finding-" + toRef + " .evidence button.danger")).sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.elementToBeClickable(By.id("ask-ok"))).sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Sitatet er fjernet."));
                assertEquals("h-" + toRef, b.driver.switchTo().activeElement().getDomAttribute("id"));
                assertEquals(0, quotations(api, toRef));
            } catch (Exception | AssertionError e) {
                throw b.failure("forms-flytt-failed", e);
            }
        }
    }

    /**
     * The browser's Back while the attach dialog is open: the dialog closes with the view it belonged to (it stayed open
     * over the next view, holding the old view's quotation), nothing is attached, and the focus is where the new view
     * puts it (the search's query field), not lost to the page (round 43's walk).
     */
    @Test
    void theBrowsersBackClosesTheAttachDialog() throws Exception {
        int before = WorkspaceClient.of(ws).get("/api/findings?case=" + SampleBundle.CASE_ID).body().size();
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                openAttachForANewFinding(b);
                b.driver.findElement(By.id("attach-new-title")).sendKeys("Ikke lagt til");
                b.driver.navigate().back();
                b.wait.until(d -> !location(d).startsWith("#/dokument") && d.findElement(By.id("q")).isDisplayed());
                b.wait.until(d -> Boolean.FALSE.equals(((JavascriptExecutor) d).executeScript("return document.getElementById('attach-dialog').open")));
                // the search view's own place for the focus, its query field (not the page's body, nor the closed dialog)
                b.wait.until(d -> "q".equals(d.switchTo().activeElement().getDomAttribute("id")));
                b.view("forms-tilbake");
            } catch (Exception | AssertionError e) {
                throw b.failure("forms-tilbake-failed", e);
            }
        }
        assertEquals(before, WorkspaceClient.of(ws).get("/api/findings?case=" + SampleBundle.CASE_ID).body().size(), "nothing attached");
    }

    private static String location(org.openqa.selenium.WebDriver d) {
        return String.valueOf(((JavascriptExecutor) d).executeScript("return location.hash"));
    }

    private static int quotations(WorkspaceClient api, String ref) throws Exception {
        for (var f : api.get("/api/findings?case=" + SampleBundle.CASE_ID).body()) {
            if (f.get("ref").asText().equals(ref)) {
                return f.get("evidence").size();
            }
        }
        throw new AssertionError("no finding " + ref);
    }

    /** The attach dialog opened from the reader on its first sentence (selected with «S»), for a new finding. */
    private static void openAttachForANewFinding(Browser b) {
        WebElement text = openReader(b);
        text.sendKeys("s");
        text.sendKeys(Keys.ENTER);
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
        new Select(b.driver.findElement(By.id("attach-finding"))).selectByValue("");
    }

    /** The sample's plan in the reader, the focus in its text. */
    private static WebElement openReader(Browser b) {
        b.driver.get(ws.url());
        b.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        Object id = ((JavascriptExecutor) b.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/search?q=lovgrunnlag&case=%s').then(r => r.json())
                  .then(r => done(r.hits.find(h => h.file.endsWith('samarbeidsplan.pdf')).docId)).catch(e => done('error ' + e));
                """.formatted(SampleBundle.CASE_ID));
        b.driver.get(ws.url() + "#/dokument?case=" + SampleBundle.CASE_ID + "&doc=" + id);
        WebElement text = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-text")));
        return text;
    }
}
