package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.evidens.corpus.SampleBundle;

/**
 * Defects an auditor's walk through the workspace found (docs/web-walks.md), each checked in Chromium, one test
 * each. Screenshots {@code target/screenshots/walk-*.png}.
 */
class WebWalkBrowserIT {
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
     * At a phone's width the main menu wraps and wide tables (saved searches, overview, audit trail) scroll in a box of
     * their own: the page is no wider than the window, every menu item in it.
     */
    @Test
    void aPhonesWidthNeedsNoSidewaysScrolling() throws Exception {
        WorkspaceClient.Answer saved = WorkspaceClient.of(ws).json("POST", "/api/lagrede-sok", "{\"case\":\"" + SampleBundle.CASE_ID
                + "\",\"name\":\"Tiltaksplaner på mobil\",\"query\":\"tiltaksplan\",\"filters\":[]}");
        assertEquals(201, saved.status(), saved.text());
        try (Browser b = Browser.forSite(ws.url(), 400, 800)) {
            try {
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                WebElement shown = null;
                for (String view : List.of("sok", "funn", "oversikt", "innlesing", "spor")) {
                    b.driver.get(ws.url() + "#/" + view);
                    if (shown != null) {
                        b.wait.until(ExpectedConditions.stalenessOf(shown));
                    }
                    shown = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h2")));
                    Number wide = (Number) js.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertTrue(wide.intValue() <= 0, view + ": the page is " + wide + " px wider than the window");
                    @SuppressWarnings("unchecked")
                    List<String> outside = (List<String>) js.executeScript("const w = document.documentElement.clientWidth;"
                            + " return Array.from(document.querySelectorAll('.top nav a'))"
                            + ".filter(a => a.getBoundingClientRect().right > w).map(a => a.textContent);");
                    assertEquals(List.of(), outside, view + ": menu items outside the window");
                }
                b.view("walk-mobil");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-mobil-failed", e);
            }
        }
    }

    /** «Søk» on an empty field says what to do, in the catalogue's words, and keeps the focus in the field. */
    @Test
    void anEmptySearchIsTold() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                b.driver.get(ws.url() + "#/sok");
                b.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
                b.driver.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
                assertEquals("Fyll ut dette feltet.",
                        ((JavascriptExecutor) b.driver).executeScript("return document.getElementById('q').validationMessage;"));
                assertEquals("q", b.driver.switchTo().activeElement().getDomAttribute("id"), "the focus stays in the empty field");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-tomt-failed", e);
            }
        }
    }

    /** A query longer than the server takes is told in the auditor's words, with its length and what to do; never «q». */
    @Test
    void aTooLongQueryIsToldInWords() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                b.driver.get(ws.url() + "#/sok");
                WebElement q = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
                ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1];", q, "tilsyn ".repeat(300));
                b.driver.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
                WebElement alert = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .alert")));
                assertEquals("Søket er for langt: 2099 tegn, men høyst 2000 går. Gjør det kortere, for eksempel med færre ord.",
                        alert.getText());
                b.view("walk-langt-sok");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-langt-failed", e);
            }
        }
    }

    /**
     * A new finding whose title is spaces alone, or longer than the findings store keeps, is told at the field in words
     * (the server named its JSON field «title», or for the long title said only «prøv igjen om litt»); nothing is created.
     */
    @Test
    void aFindingsBadTitleIsToldInWords() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                b.driver.get(ws.url() + "#/funn");
                WebElement title = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-title")));
                b.driver.findElement(By.cssSelector("details.new-finding summary")).click();
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                for (String[] bad : new String[][] {
                        {"   ", "Skriv en tittel på funnet."},
                        {"A".repeat(4001), "«Tittel» er for lang: 4001 tegn, men høyst 4000 går. Gjør teksten kortere."}}) {
                    js.executeScript("arguments[0].value = arguments[1];"
                            + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", title, bad[0]);
                    b.driver.findElement(By.cssSelector("details.new-finding button[type=submit]")).click();
                    WebElement alert = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
                    b.wait.until(ExpectedConditions.textToBePresentInElement(alert, bad[1].substring(0, 10)));
                    assertEquals(bad[1], alert.getText());
                    assertEquals("new-title", b.driver.switchTo().activeElement().getDomAttribute("id"), "the focus is on the title");
                }
                b.view("walk-tittel");
                assertEquals(0, WorkspaceClient.of(ws).get("/api/findings?case=" + SampleBundle.CASE_ID).body().size(), "nothing created");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-tittel-failed", e);
            }
        }
    }

    /**
     * Saving a search under a name of spaces alone is told (it did nothing), and a refused name's message goes away once
     * a good name is saved (it stayed beside «Søket er lagret.»).
     */
    @Test
    void aSavedSearchsNameIsToldAndTheRefusalCleared() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                b.driver.get(ws.url() + "#/sok?q=tiltaksplan");
                WebElement name = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("saved-name")));
                WebElement alert = b.driver.findElement(By.id("alert"));
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                for (String[] bad : new String[][] {
                        {"   ", "Skriv et navn på søket."},
                        {"N".repeat(300), "Et lagret søk må ha et navn på 1 til 200 tegn."}}) {
                    js.executeScript("arguments[0].value = arguments[1];"
                            + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", name, bad[0]);
                    b.driver.findElement(By.id("save-search")).click();
                    b.wait.until(ExpectedConditions.textToBePresentInElement(alert, bad[1]));
                    assertEquals(bad[1], alert.getText());
                }
                name.clear();
                name.sendKeys("Tiltaksplaner");
                b.driver.findElement(By.id("save-search")).click();
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Søket er lagret."));
                b.wait.until(ExpectedConditions.invisibilityOf(alert));
                b.view("walk-lagret-sok");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-lagret-failed", e);
            }
        }
    }

    /**
     * Saved searches on a phone, in Nynorsk, with the keyboard alone (round 44's walk): after «Lagre søket» the focus is on
     * the search saved (it was lost to the page, the list drawn anew), its date is written as the workspace writes dates
     * (it said 2026-12-05), «Slett» asks first (it deleted at once, for the whole team) and says what it did (the line
     * still said «Søket er lagra.»), the focus then on the list's heading.
     */
    @Test
    void savedSearchesFromTheKeyboardOnAPhoneInNynorsk() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 375, 740, "nn-NO")) {
            try {
                b.driver.get(ws.url() + "#/sok?q=ansvarsgruppe");
                WebElement name = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("saved-name")));
                name.clear();
                String dayBefore = today();
                name.sendKeys("Ansvarsgrupper på mobil", Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Søket er lagra."));
                WebElement row = b.wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#saved-list tr[data-saved='Ansvarsgrupper på mobil']")));
                b.wait.until(d -> "Ansvarsgrupper på mobil".equals(d.switchTo().activeElement().getText()));
                assertEquals("a", b.driver.switchTo().activeElement().getTagName());
                // saved today: the day before the save or, when the walk ran across midnight, the day after it
                String shown = row.getText();
                assertTrue(shown.contains("lagra av testar " + dayBefore) || shown.contains("lagra av testar " + today()), shown);
                b.view("walk-lagra-sok-mobil");

                b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
                WebElement delete = b.driver.switchTo().activeElement();
                for (int i = 0; i < 5 && !"Slett".equals(delete.getText()); i++) {
                    delete.sendKeys(Keys.TAB);
                    delete = b.driver.switchTo().activeElement();
                }
                assertEquals("Slett Ansvarsgrupper på mobil", delete.getDomAttribute("aria-label"));
                delete.sendKeys(Keys.ENTER);
                WebElement ask = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-dialog")));
                assertTrue(ask.getText().contains("Slette det lagra søket «Ansvarsgrupper på mobil»?"), ask.getText());
                assertEquals("ask-cancel", b.driver.switchTo().activeElement().getDomAttribute("id"));
                b.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
                assertEquals("ask-ok", b.driver.switchTo().activeElement().getDomAttribute("id"));
                b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBe(By.id("status"), "Det lagra søket «Ansvarsgrupper på mobil» er sletta."));
                b.wait.until(d -> "saved-title".equals(d.switchTo().activeElement().getDomAttribute("id")));
                assertTrue(b.driver.findElements(By.cssSelector("#saved-list tr[data-saved='Ansvarsgrupper på mobil']")).isEmpty());
                b.view("walk-lagra-sok-sletta");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-lagra-sok-failed", e);
            }
        }
    }

    /**
     * Municipality and service facets show names as they are written (Fjordvik, Barnevern, NAV), not the manifest's
     * lower-case values (fjordvik, barnevern, nav), while the filter keeps the indexed value and still finds the hits.
     */
    @Test
    void facetValuesAreShownAsNames() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                b.driver.get(ws.url() + "#/sok?q=tiltaksplan");
                WebElement place = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-facet='kommune:fjordvik']")));
                assertEquals("Fjordvik", place.findElement(By.cssSelector("span")).getText());
                assertEquals("Barnevern", b.driver.findElement(By.cssSelector("button[data-facet='tjeneste:barnevern'] span")).getText());
                b.driver.get(ws.url() + "#/sok?q=NAV");
                b.wait.until(ExpectedConditions.stalenessOf(place));
                WebElement nav = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-facet='tjeneste:nav'] span")));
                assertEquals("NAV", nav.getText());
                b.driver.findElement(By.cssSelector("button[data-facet='kommune:fjordvik']")).click();
                WebElement chip = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chips .chip")));
                assertTrue(chip.getText().contains("Kommune: Fjordvik"), chip.getText());
                assertTrue(b.driver.getCurrentUrl().contains("f=kommune%3Afjordvik"), b.driver.getCurrentUrl());
                assertTrue(b.driver.findElements(By.cssSelector("#results .hit")).size() > 0, "the filter finds the hits");
                b.view("walk-fasettnavn");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-fasett-failed", e);
            }
        }
    }

    /** In Nynorsk the audit trail's times are Norwegian dates (5.12.2026), not the browser's default form (12/5/2026). */
    @Test
    void nynorskDatesAreNorwegian() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                b.driver.get(ws.url() + "#/sok?q=tiltaksplan");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
                b.driver.get(ws.url() + "#/spor");
                WebElement language = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language-select")));
                new org.openqa.selenium.support.ui.Select(language).selectByValue("nn");
                b.wait.until(ExpectedConditions.stalenessOf(language));
                WebElement time = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-table tbody tr td:nth-child(2)")));
                assertEquals("nn", ((JavascriptExecutor) b.driver).executeScript("return document.documentElement.lang;"));
                assertTrue(time.getText().matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4},? \\d{2}[.:]\\d{2}[.:]\\d{2}"), time.getText());
                b.shot("walk-nynorsk-dato");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-nynorsk-dato-failed", e);
            }
        }
    }

    /**
     * «Hopp til innholdet» moves the focus to the page's content and leaves the reader on the page they were on (its
     * «#main» was read as a view's name: the findings page gave way to the search), and the search's filters can be
     * skipped to the hits with one link (34 facet buttons stood before the first hit).
     */
    @Test
    void skipLinksMoveTheFocusAndKeepThePage() throws Exception {
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            try {
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                b.driver.get(ws.url() + "#/funn");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h2")));
                WebElement skip = b.driver.findElement(By.cssSelector("body > a.skip"));
                js.executeScript("arguments[0].focus();", skip);
                skip.sendKeys(org.openqa.selenium.Keys.ENTER);
                b.wait.until(d -> "main".equals(js.executeScript("return document.activeElement.id;")));
                assertEquals("#/funn", js.executeScript("return location.hash;"), "the reader stays on the findings page");

                b.driver.get(ws.url() + "#/sok?q=tiltaksplan");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
                WebElement toHits = b.driver.findElement(By.cssSelector(".facets a.skip"));
                assertEquals(toHits, js.executeScript("return document.querySelector('.facets a, .facets button');"),
                        "the link comes before every filter");
                js.executeScript("arguments[0].focus();", toHits);
                assertEquals("Hopp over filtrene til treffene", toHits.getText());
                toHits.sendKeys(org.openqa.selenium.Keys.ENTER);
                b.wait.until(d -> "treff".equals(js.executeScript("return document.activeElement.id;")));
                assertEquals("#/sok?q=tiltaksplan", js.executeScript("return location.hash;"));
                b.shot("walk-hopp");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-hopp-failed", e);
            }
        }
    }

    /**
     * Round 53's walk at a phone's width (375 px): the receipt of an upload, the list of ingestions and the history of the
     * findings made the page wider than the window (453 and 752 px), as did the search language's help and the reader's
     * keyboard help once opened (452 and 541 px). Each wide table now scrolls in a box of its own.
     */
    @Test
    void aPhonesWidthFitsTheReceiptTheIngestionsTheHistoryAndTheHelp() throws Exception {
        Path zip = Files.createTempFile("evidens-telefon", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("styringsdokumenter/tjenesteomraade-barnevern/rutine-for-samarbeid-med-skolene-2026.txt"));
            z.write("Rutine for samarbeid\n\nSkolen melder bekymring skriftlig til barneverntjenesten.\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        try (Browser b = Browser.forSite(ws.url(), 375, 740)) {
            try {
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                b.driver.get(ws.url() + "#/innlesing");
                WebElement caseIn = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("ingest-case")));
                caseIn.clear();
                caseIn.sendKeys("telefon-2026");
                b.driver.findElement(By.id("ingest-file")).sendKeys(zip.toAbsolutePath().toString());
                b.driver.findElement(By.cssSelector("form.ingest-form button[type=submit]")).click();
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-table")));
                b.wait.until(d -> d.findElement(By.id("jobs-table")).getText().contains("ferdig"));
                assertFits(js, "innlesing");
                WorkspaceClient client = WorkspaceClient.of(ws);
                WorkspaceClient.Answer made = client.json("POST", "/api/findings",
                        "{\"case\":\"telefon-2026\",\"kind\":\"merknad\",\"title\":\"Rutinen for samarbeid med skolene er ikke kjent\"}");
                assertEquals(201, made.status(), made.text());
                b.driver.get(ws.url() + "#/historikk");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history-table")));
                assertFits(js, "historikk");
                b.driver.get(ws.url() + "#/sok?q=skriftlig");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
                js.executeScript("document.getElementById('q-help').open = true;");
                assertFits(js, "sok with its help open");
                String docId = client.get("/api/search?q=skriftlig&case=telefon-2026").body().get("hits").get(0).get("docId").asText();
                b.driver.get(ws.url() + "#/dokument?case=telefon-2026&doc=" + docId);
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.reader-keys")));
                js.executeScript("document.querySelector('details.reader-keys').open = true;");
                assertFits(js, "dokument with its keyboard help open");
                b.view("walk-telefon-tabeller");
            } catch (Exception | AssertionError e) {
                throw b.failure("walk-telefon-tabeller-failed", e);
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static void assertFits(JavascriptExecutor js, String view) {
        Number wide = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        Number window = (Number) js.executeScript("return window.innerWidth;");
        assertTrue(wide.intValue() <= 0 && window.intValue() <= 375, view + ": the page is " + wide + " px wider than a window "
                + window + " px wide (375 asked for)");
    }

    /** Today as the browser shows a date (it runs in this machine's time zone, as the test does). */
    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.systemDefault()).format(java.time.format.DateTimeFormatter.ofPattern("d.M.uuuu"));
    }
}
