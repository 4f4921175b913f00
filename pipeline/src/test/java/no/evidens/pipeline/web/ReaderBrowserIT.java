package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;

/**
 * The reader and the pages around it in Chromium: the original PDF page beside the text with the
 * keyboard-selected heading outlined on it, attaching that heading without a mouse, the finding's
 * history, the overview without empty columns, an upload with its receipt, and a large document read a window at a
 * time with a quotation taken from a later window. axe-core checks every view; screenshots go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReaderBrowserIT {
    private static final String HEADING = "1.3 Lovgrunnlag";

    private SampleWorkspace ws;
    private Browser browser;
    /** The large journal's bundle (steps 5 and 6), kept until the end: the check of the quotations reads it again. */
    private Path largeBundle;

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
        browser = Browser.forSite(ws.url());
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAll(browser, ws);
        if (largeBundle != null) {
            SampleWorkspace.delete(largeBundle.getParent());
        }
    }

    private String selection() {
        return String.valueOf(((JavascriptExecutor) browser.driver).executeScript("return window.getSelection().toString();"));
    }

    private String status() {
        return browser.driver.findElement(By.id("status")).getText();
    }

    private String samarbeidsplan() {
        Object id = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/search?q=' + encodeURIComponent('"1.3 Lovgrunnlag" OR lovgrunnlag') + '&case=%s')
                  .then(r => r.json()).then(r => done(r.hits.find(h => h.file.endsWith('samarbeidsplan.pdf')).docId))
                  .catch(e => done('error ' + e));
                """.formatted(SampleBundle.CASE_ID));
        return String.valueOf(id);
    }

    @Test
    @Order(1)
    void theHeadingIsQuotedWithTheKeyboardAndOutlinedOnTheOriginalPage() throws Exception {
        var driver = browser.driver;
        driver.get(ws.url());
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        driver.get(ws.url() + "#/dokument?case=" + SampleBundle.CASE_ID + "&doc=" + samarbeidsplan());
        WebElement text = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-text")));
        WebElement image = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-image")));
        browser.wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        assertEquals("Side 1 av 4", driver.findElement(By.id("page-label")).getText());
        assertEquals("sans-serif", ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0]).fontFamily.split(',').pop().trim();", text), "the text in the page's font");
        browser.view("reader-1-original-page");

        // Keyboard only: focus the text, select a sentence, step sentence by sentence to the heading
        text.sendKeys("s");
        browser.wait.until(d -> !selection().isBlank());
        for (int i = 0; i < 40 && !selection().strip().equals(HEADING); i++) {
            text.sendKeys("n");
        }
        assertEquals(HEADING, selection().strip(), "the heading is a sentence of its own");
        text.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        assertEquals(HEADING + "\n\nPlanen", selection().strip(), "extended by a word");
        text.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        assertEquals(HEADING, selection().strip(), "shrunk by a word");
        text.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_DOWN));
        assertTrue(selection().strip().endsWith("sosialtjenesteloven § 17 om opplysning, råd og veiledning."), selection());
        text.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_UP));
        assertEquals(HEADING, selection().strip(), "shrunk by a sentence");
        assertTrue(driver.findElement(By.id("selection-info")).getText().contains("tegn"));

        // Its place on the page is outlined: one line, a little past the middle of page 1 (the outline of an
        // earlier selection is taken away at once, the new one follows a moment later)
        browser.wait.until(d -> {
            List<WebElement> rects = d.findElements(By.cssSelector("#page-view svg rect"));
            if (rects.size() != 1) {
                return false;
            }
            double y = Double.parseDouble(rects.get(0).getAttribute("y"));
            return y > 500 && y < 650;
        });
        assertTrue(driver.findElement(By.id("page-note")).getText().contains("rammet inn"));
        browser.view("reader-2-outlined-on-page");
        // Away and back to the same selection within the outline's pause: the outline is drawn again, not left away
        WebElement drawn = driver.findElement(By.cssSelector("#page-view svg rect"));
        text.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT) + Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        assertEquals(HEADING, selection().strip(), "back to the heading");
        browser.wait.until(ExpectedConditions.stalenessOf(drawn));
        browser.wait.until(d -> d.findElements(By.cssSelector("#page-view svg rect")).size() == 1);

        // Enter opens the attach dialog with the heading; a new finding is made without the mouse
        text.sendKeys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
        assertEquals("«" + HEADING + "»", driver.findElement(By.id("attach-quote")).getText());
        new Select(driver.findElement(By.id("attach-finding"))).selectByValue("");
        driver.findElement(By.id("attach-new-title")).sendKeys("Planen viser ikke til gjeldende lovgrunnlag");
        browser.view("reader-3-keyboard-attach");
        driver.findElement(By.id("attach-new-title")).sendKeys(Keys.ENTER);
        browser.wait.until(d -> status().contains("Avvik 1"));
        browser.wait.until(d -> !d.findElements(By.cssSelector("#doc-text .quoted")).isEmpty());
    }

    @Test
    @Order(2)
    void aFindingsHistoryShowsWhoMadeItAndWhatWasQuoted() throws Exception {
        var driver = browser.driver;
        driver.get(ws.url() + "#/funn");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("history-avvik-1"))).click();
        WebElement table = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history-table")));
        String t = table.getText();
        // the finding named as the findings page names it, not by the API's ref (avvik-1)
        assertEquals("Historikk for Avvik 1", driver.findElement(By.cssSelector("main h2")).getText());
        assertTrue(t.contains("Avvik 1") && !t.contains("avvik-1"), t);
        assertTrue(t.contains("opprettet"), t);
        assertTrue(t.contains("la til sitat"), t);
        assertTrue(t.contains("«" + HEADING + "»"), t);
        assertTrue(t.contains("samarbeidsplan.pdf, side 1"), t);
        browser.view("reader-4-history");

        // From the finding back to the document: the quotation is selected and outlined on its page
        driver.get(ws.url() + "#/funn");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Vis i dokumentet"))).click();
        browser.wait.until(d -> !d.findElements(By.cssSelector("#page-view svg rect")).isEmpty());
        assertEquals(HEADING, selection().strip());
    }

    @Test
    @Order(3)
    void theOverviewHasNoEmptyColumnAndNoLinkOnAnEmptyCell() throws Exception {
        var driver = browser.driver;
        driver.get(ws.url() + "#/oversikt");
        WebElement matrix = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.matrix")));
        List<WebElement> heads = matrix.findElements(By.cssSelector("thead th"));
        List<WebElement> rows = matrix.findElements(By.cssSelector("tbody tr"));
        for (int col = 1; col < heads.size(); col++) {
            int c = col;
            assertTrue(rows.stream().anyMatch(r -> !r.findElements(By.cssSelector("td")).get(c - 1).getText().equals("0")),
                    "column " + heads.get(col).getText() + " counts something");
        }
        for (WebElement empty : matrix.findElements(By.cssSelector("td.none"))) {
            assertTrue(empty.findElements(By.tagName("a")).isEmpty(), "an empty cell is no link");
        }
        assertFalse(matrix.findElements(By.cssSelector("td.none")).isEmpty(), "the sample has indicators without passages");
        assertEquals(2, driver.findElements(By.cssSelector(".downloads a")).size(), "XLSX and CSV");
        browser.view("reader-5-overview");
    }

    @Test
    @Order(4)
    void anUploadShowsItsReceiptAndStaysInTheListOfIngestions() throws Exception {
        var driver = browser.driver;
        Path zip = Files.createTempFile("evidens-upload", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("styringsdokumenter/rutine.txt"));
            z.write("Rutine for samarbeid\n\nKoordinatoren kaller inn til ansvarsgruppemøte hver tredje måned.\n"
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        try {
            driver.get(ws.url() + "#/innlesing");
            WebElement caseIn = browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ingest-case")));
            caseIn.clear();
            caseIn.sendKeys("opplasting-2026");
            driver.findElement(By.id("ingest-file")).sendKeys(zip.toAbsolutePath().toString());
            driver.findElement(By.cssSelector("form.ingest-form button[type=submit]")).click();
            WebElement receipt = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#receipt table")));
            assertTrue(receipt.getText().contains("styringsdokumenter/rutine.txt"), receipt.getText());
            browser.view("reader-6-ingest-receipt");
            driver.navigate().refresh();
            WebElement jobs = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("jobs-table")));
            browser.wait.until(d -> d.findElement(By.id("jobs-table")).getText().contains("ferdig"));
            assertTrue(jobs.getText().contains("opplasting-2026"), jobs.getText());
            browser.view("reader-7-ingest-jobs");

            // Run it again from the list: the file is in the case already, so the new receipt calls it a duplicate
            driver.findElement(By.cssSelector("#jobs-table button[data-job]")).click();
            browser.wait.until(d -> !d.findElements(By.cssSelector("#receipt table")).isEmpty()
                    && d.findElement(By.cssSelector("#receipt table")).getText().contains("duplikat"));
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** The large document's case, and the paragraph of its second hit (past the first windows). */
    private static final String LARGE_CASE = "stor-2026";
    private static final int FAR_HIT = 11_000;

    /** A journal of 12,000 short paragraphs (about 870,000 characters), «ettervern» in paragraphs 10 and {@link #FAR_HIT}. */
    private static Path largeJournal() throws Exception {
        Path bundle = Files.createTempDirectory("evidens-large").resolve("bunke");
        Files.createDirectories(bundle.resolve("journaler"));
        StringBuilder text = new StringBuilder("Journal fra fagsystemet\n\n");
        for (int i = 0; i < 12_000; i++) {
            text.append(i == 10 || i == FAR_HIT
                    ? "Notat %05d: ettervern for ungdommen er vurdert på nytt i møtet.".formatted(i)
                    : "Notat %05d: saksbehandler har ført journal for uke %d etter samtalen.".formatted(i, i % 52));
            text.append("\n\n");
        }
        Files.writeString(bundle.resolve("journaler/logg.txt"), text, StandardCharsets.UTF_8);
        return bundle;
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(js, args);
    }

    private Object asyncScript(String js) {
        return ((JavascriptExecutor) browser.driver).executeAsyncScript("const done = arguments[arguments.length - 1];\n" + js);
    }

    @Test
    @Order(5)
    void aLargeDocumentIsReadAWindowAtATimeAndQuotedFromALaterWindowWithItsOwnOffsets() throws Exception {
        // the bundle stays until the class ends: the check of the quotations reads the source file again
        largeBundle = largeJournal();
        new Ingestion(ws.home, new DocumentAnalyser(), 1).ingest(LARGE_CASE, largeBundle, ProgressListener.NONE);
        readLargeDocument();
    }

    /** The loaded text's end: the last segment's offset and length. */
    private int loadedTo(WebElement box) {
        return ((Number) script("""
                const segs = arguments[0].querySelectorAll('[data-s]');
                const last = segs[segs.length - 1];
                return +last.dataset.s + last.textContent.length;""", box)).intValue();
    }

    private int loadedFrom(WebElement box) {
        return ((Number) script("return +arguments[0].querySelector('[data-s]').dataset.s;", box)).intValue();
    }

    /** How much the reader holds now: the characters drawn, and its elements. */
    private long[] held(WebElement box) {
        return new long[] {((Number) script("return arguments[0].textContent.length;", box)).longValue(),
                ((Number) script("return arguments[0].querySelectorAll('*').length;", box)).longValue()};
    }

    /**
     * The large journal scrolled through to its end and back to its start: the reader holds at most three windows at any
     * time (those far behind let go, fetched again on the way back), and a sentence selected at the start afterwards is
     * attached with the document's offsets and stands the check.
     */
    @Test
    @Order(6)
    void aReaderScrolledThroughALargeDocumentAndBackHoldsAFewWindowsAndQuotesWithTheDocumentsOffsets() throws Exception {
        var driver = browser.driver;
        String whole = openLargeDocument();
        WebElement box = driver.findElement(By.id("doc-text"));
        long[] most = held(box);
        // to the end, a window at a time
        for (int i = 0; i < 12 && loadedTo(box) < whole.length(); i++) {
            int to = loadedTo(box);
            script("arguments[0].scrollTop = arguments[0].scrollHeight;", box);
            browser.wait.until(d -> loadedTo(box) > to);
            long[] now = held(box);
            most = new long[] {Math.max(most[0], now[0]), Math.max(most[1], now[1])};
        }
        assertEquals(whole.length(), loadedTo(box), "scrolled to the end");
        assertTrue(loadedFrom(box) > 200_000, "the start let go: " + loadedFrom(box));
        // and back to the start: the windows let go fetched again, the place kept as each comes in above
        for (int i = 0; i < 12 && loadedFrom(box) > 0; i++) {
            int from = loadedFrom(box);
            script("arguments[0].scrollTop = 0;", box);
            browser.wait.until(d -> loadedFrom(box) < from);
            assertTrue(((Number) script("return arguments[0].scrollTop;", box)).intValue() > 0, "the place kept above the new window");
            long[] now = held(box);
            most = new long[] {Math.max(most[0], now[0]), Math.max(most[1], now[1])};
        }
        assertEquals(0, loadedFrom(box), "scrolled back to the start");
        assertTrue(loadedTo(box) < whole.length() - 200_000, "the end let go: " + loadedTo(box));
        assertTrue(most[0] < 650_000, "at most three windows of " + whole.length() + " characters held: " + most[0]);
        assertTrue(most[1] < 40_000, "elements held: " + most[1]);
        assertEquals(whole.substring(0, loadedTo(box)), String.valueOf(script(
                "return Array.from(arguments[0].querySelectorAll('[data-s]')).map(s => s.textContent).join('');", box)),
                "the text drawn again is the document's, at its offsets");

        // A sentence at the start, selected with the keyboard and attached: the document's offsets
        String sentence = "Notat 00010: ettervern for ungdommen er vurdert på nytt i møtet.";
        int at = whole.indexOf(sentence);
        script("arguments[0].scrollTop = 0; arguments[0].focus();", box);
        box.sendKeys("s");
        for (int i = 0; i < 40 && !selection().strip().equals(sentence); i++) {
            box.sendKeys("n");
        }
        assertEquals(sentence, selection().strip());
        assertEquals(at + " " + (at + sentence.length()) + " " + sentence, attachAsNewFinding(box, sentence, "Ettervernet ble vurdert for sent"));
        assertEquals("done 2 0", checkQuotations());
    }

    /** The large journal opened in the reader at the query «ettervern»; its whole text, to check offsets against. */
    private String openLargeDocument() {
        var driver = browser.driver;
        driver.get(ws.url());
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        String docId = String.valueOf(asyncScript("""
                fetch('/api/search?q=ettervern&case=%s').then(r => r.json()).then(r => done(r.hits[0].docId)).catch(e => done('error ' + e));
                """.formatted(LARGE_CASE)));
        // the whole text as the unchanged default answer gives it
        String whole = String.valueOf(asyncScript("""
                fetch('/api/document?case=%s&doc=%s').then(r => r.json()).then(r => done(r.document.text)).catch(e => done('error ' + e));
                """.formatted(LARGE_CASE, docId)));
        driver.get(ws.url() + "#/dokument?case=" + LARGE_CASE + "&doc=" + docId + "&q=ettervern");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-text mark")));
        return whole;
    }

    /**
     * The selected {@code sentence} attached with Enter to a new finding: the dialog quotes it; the citation's start, end and
     * quote as the case's findings then hold it.
     */
    private String attachAsNewFinding(WebElement text, String sentence, String title) {
        var driver = browser.driver;
        text.sendKeys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
        assertEquals("«" + sentence + "»", driver.findElement(By.id("attach-quote")).getText());
        new Select(driver.findElement(By.id("attach-finding"))).selectByValue("");
        driver.findElement(By.id("attach-new-title")).sendKeys(title);
        driver.findElement(By.id("attach-new-title")).sendKeys(Keys.ENTER);
        browser.wait.until(d -> !d.findElements(By.cssSelector("#doc-text .quoted")).isEmpty());
        return String.valueOf(asyncScript("""
                api('GET', '/api/findings?case=%s').then(f => { const e = f.flatMap(x => x.evidence).find(e => e.quote === %s);
                  done(e ? e.citation.start + ' ' + e.citation.end + ' ' + e.quote : 'none'); }).catch(e => done('error ' + e));"""
                .formatted(LARGE_CASE, "'" + sentence + "'")));
    }

    /** The case's check of its quotations, run to its end: its state, count and problems. */
    private String checkQuotations() {
        return String.valueOf(asyncScript("""
                const ask = () => api('GET', '/api/cases/%1$s/verify').then(c => c.state === 'running' ? setTimeout(ask, 200)
                  : done(c.state + ' ' + c.total + ' ' + c.problems + (c.problems ? ' ' + JSON.stringify(c.quotations) : '')));
                api('POST', '/api/cases/%1$s/verify').then(ask).catch(e => done('error ' + e));""".formatted(LARGE_CASE)));
    }

    private void readLargeDocument() throws Exception {
        var driver = browser.driver;
        String whole = openLargeDocument();
        assertTrue(whole.length() > 600_000, "a text of three windows and more: " + whole.length());
        WebElement text = driver.findElement(By.id("doc-text"));
        assertTrue(driver.findElement(By.id("window-note")).getText().contains("hentes i deler"));
        long shown = ((Number) script("return arguments[0].textContent.length;", text)).longValue();
        assertTrue(shown < 250_000, "one window of the text is drawn, not all of it: " + shown);
        browser.view("reader-8-large-document");

        // Scrolled to the end of what is loaded: the next window is added after it, the offsets going on
        WebElement box = text;
        script("arguments[0].scrollTop = arguments[0].scrollHeight;", box);
        browser.wait.until(d -> ((Number) script("""
                const segs = arguments[0].querySelectorAll('[data-s]');
                const last = segs[segs.length - 1];
                return +last.dataset.s + last.textContent.length;""", box)).intValue() > 300_000);
        assertTrue(((Number) script("return arguments[0].scrollTop;", box)).intValue() > 0, "the reader stays where it was");

        // The next hit twice: the first in the loaded text, the second far past it, its window fetched in place of it
        WebElement next = driver.findElement(By.xpath("//button[contains(., 'Neste treff')]"));
        next.click();
        browser.wait.until(d -> !d.findElements(By.cssSelector("#doc-text mark.current")).isEmpty());
        next.click();
        int far = whole.indexOf("Notat %05d: ettervern".formatted(FAR_HIT));
        browser.wait.until(d -> ((Number) script("""
                const m = document.querySelector('#doc-text mark.current');
                return m ? +m.dataset.s : -1;""")).intValue() > far);
        int first = ((Number) script("return +document.querySelector('#doc-text [data-s]').dataset.s;")).intValue();
        assertTrue(first > 600_000, "the window around the far hit, not the text before it: " + first);

        // Its sentence selected with the keyboard, attached: the document's offsets, not the window's
        text = driver.findElement(By.id("doc-text"));
        String sentence = "Notat %05d: ettervern for ungdommen er vurdert på nytt i møtet.".formatted(FAR_HIT);
        script("arguments[0].focus();", text);
        text.sendKeys("s");
        for (int i = 0; i < 60 && !selection().strip().equals(sentence); i++) {
            text.sendKeys(selection().isBlank() || whole.indexOf(selection().strip()) < far ? "n" : "p");
        }
        assertEquals(sentence, selection().strip());
        assertTrue(driver.findElement(By.id("selection-info")).getText().contains(String.valueOf(far)),
                driver.findElement(By.id("selection-info")).getText());
        assertEquals(far + " " + (far + sentence.length()) + " " + sentence, attachAsNewFinding(text, sentence, "Ettervernet er ikke vurdert i tide"));

        // The check of the case's quotations finds it where it says it is
        assertEquals("done 1 0", checkQuotations());
    }
}
