package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workspace in a real browser: Debian's headless Chromium driven through its chromedriver. Search,
 * filter by a facet, open a document, select a quotation, attach it to a new finding, export DOCX and
 * read the file back with POI. Screenshots of each step go to {@code target/screenshots/}.
 *
 * <p>Chromium and chromedriver must be installed ({@code .ci/run} installs them); without them this test
 * fails and says so (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBrowserIT {
    private static final String QUOTE = "den skal ha en koordinator med navn";

    private SampleWorkspace ws;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
        browser = Browser.forSite(ws.url(), 1300, 1000);
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAll(browser, ws);
    }

    private List<WebElement> hits() {
        return driver.findElements(By.cssSelector("#results li.hit"));
    }

    @Test
    void searchFilterReadAttachAndExport() throws Exception {
        try {
            steps();
        } catch (Exception | AssertionError e) {
            throw browser.failure("workspace-failure", e);
        }
    }

    private void steps() throws Exception {
        // Search
        driver.get(ws.url());
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        q.sendKeys("ansvarsgruppe koordinator", Keys.ENTER);
        wait.until(d -> !hits().isEmpty());
        assertFalse(driver.findElements(By.cssSelector("#results .snippet mark")).isEmpty(), "snippets have the matches marked");
        String status = driver.findElement(By.id("status")).getText();
        assertTrue(status.contains("treff"), status);
        browser.view("workspace-1-search");

        // Filter by a facet: document type styringsdokument
        WebElement facet = driver.findElement(By.cssSelector("button[data-facet='type:styringsdokument']"));
        String expected = facet.findElement(By.cssSelector(".count")).getText();
        facet.click();
        wait.until(d -> d.getCurrentUrl().contains("styringsdokument") && !d.findElements(By.cssSelector(".chip")).isEmpty());
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith(expected + " treff"));
        for (WebElement hit : hits()) {
            assertTrue(hit.findElement(By.cssSelector(".cite")).getText().contains("Styringsdokument"), hit.getText());
        }
        assertEquals("true", driver.findElement(By.cssSelector("button[data-facet='type:styringsdokument']")).getAttribute("aria-pressed"));
        browser.view("workspace-2-filtered");

        // Open the document of the hit that holds the quotation
        WebElement hit = hits().stream().filter(h -> h.getText().contains("samarbeidsplan.pdf")).findFirst()
                .orElseThrow(() -> new AssertionError("no hit in samarbeidsplan.pdf"));
        hit.findElement(By.cssSelector("h3 a")).click();
        WebElement text = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-text")));
        wait.until(d -> !d.findElements(By.cssSelector("#doc-text mark")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#doc-text .page-break")).size() >= 2, "page numbers are shown");
        browser.view("workspace-3-document");

        // Select the quotation in the text, as a reader would with the mouse
        ((JavascriptExecutor) driver).executeScript(SELECT_TEXT, text, QUOTE);
        WebElement attach = wait.until(ExpectedConditions.elementToBeClickable(By.id("attach-selection")));
        assertTrue(driver.findElement(By.id("selection-info")).getText().contains("tegn"));
        attach.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
        assertEquals("«" + QUOTE + "»", driver.findElement(By.id("attach-quote")).getText());
        new Select(driver.findElement(By.id("attach-finding"))).selectByValue("");
        driver.findElement(By.id("attach-new-title")).sendKeys("Kommunen sikrer ikke at ansvarsgruppene har en koordinator");
        driver.findElement(By.id("attach-new-req")).sendKeys("barnevernloven § 15-8");
        browser.view("workspace-4-attach-dialog");
        driver.findElement(By.id("attach-submit")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Avvik 1"));
        wait.until(d -> !d.findElements(By.cssSelector("#doc-text .quoted")).isEmpty());
        browser.view("workspace-5-attached");

        // The findings panel shows it; export DOCX through the browser
        driver.findElement(By.cssSelector("a[data-nav='funn']")).click();
        WebElement finding = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finding-avvik-1")));
        assertTrue(finding.getText().contains("«" + QUOTE + "»"), finding.getText());
        assertTrue(finding.getText().contains("samarbeidsplan.pdf"), finding.getText());
        browser.view("workspace-6-findings");
        driver.findElement(By.id("export-docx")).click();
        Path docx = browser.download("funn-fjordvik-2026.docx");
        try (InputStream in = Files.newInputStream(docx); XWPFDocument d = new XWPFDocument(in); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String report = x.getText();
            assertTrue(report.contains("Avvik 1"), report);
            assertTrue(report.contains("Kommunen sikrer ikke at ansvarsgruppene har en koordinator"), report);
            assertTrue(report.contains("«" + QUOTE + "»"), report);
            assertTrue(report.contains("barnevernloven § 15-8"), report);
        }

        // Review: send to review, approve (the one local user leads the case); the finding is locked
        driver.findElement(By.cssSelector("#finding-avvik-1 button[data-step='submit']")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("sendt til gjennomgang"));
        driver.findElement(By.cssSelector("#finding-avvik-1 button[data-step='approve']")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("er godkjent"));
        assertTrue(driver.findElement(By.id("finding-avvik-1")).getText().contains("godkjent og låst"));

        // The audit trail of the case: the search, the export and the review steps, the chain intact
        driver.findElement(By.cssSelector("a[data-nav='spor']")).click();
        WebElement trail = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-table")));
        assertTrue(driver.findElement(By.id("audit-intact")).getText().contains("uendret"));
        for (String action : List.of("Søkte", "Eksporterte", "Sendte funn til gjennomgang", "Godkjente funn")) {
            assertTrue(trail.getText().contains(action), action + " in " + trail.getText());
        }
        browser.view("workspace-7-audit-trail");
    }

    /** Selects the first occurrence of a text inside an element, across the element's text nodes (marks included). */
    private static final String SELECT_TEXT = """
            const [box, wanted] = arguments;
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            const nodes = []; let all = '';
            while (walker.nextNode()) {
              const n = walker.currentNode;
              if (n.parentElement.closest('.page-break')) continue;
              nodes.push([n, all.length]); all += n.textContent;
            }
            const at = all.indexOf(wanted);
            if (at < 0) throw new Error('text not found in the document');
            const find = (pos, end) => {
              for (const [n, s] of nodes) {
                if (pos >= s && (end ? pos <= s + n.textContent.length : pos < s + n.textContent.length)) return [n, pos - s];
              }
            };
            const [sn, so] = find(at, false); const [en, eo] = find(at + wanted.length, true);
            const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
            document.dispatchEvent(new Event('selectionchange'));
            """;
}
