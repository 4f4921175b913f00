package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workspace in a real browser: Debian's headless Chromium driven through its chromedriver. Search,
 * filter by a facet, open a document, select a quotation, attach it to a new finding, export DOCX and
 * read the file back with POI. Screenshots of each step go to {@code target/web-screenshots/}.
 *
 * <p>Chromium and chromedriver must be installed ({@code .ci/run} installs them); without them this test
 * fails and says so. {@code EVIDENS_CHROMIUM} and {@code EVIDENS_CHROMEDRIVER} name other binaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBrowserIT {
    private static final String QUOTE = "den skal ha en koordinator med navn";

    private SampleWorkspace ws;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path downloads;
    private Path profile;
    private final Path shots = Path.of("target", "web-screenshots");

    static Path binary(String env, String... candidates) {
        String given = System.getenv(env);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (!Files.isExecutable(p)) {
                fail(env + "=" + given + " is not an executable file");
            }
            return p;
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return fail("the browser tests need " + String.join(" or ", candidates) + " (Debian: apt-get install chromium chromium-driver;"
                + " .ci/run installs them), or " + env + " naming it");
    }

    @BeforeAll
    void start() throws Exception {
        Path chromium = binary("EVIDENS_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = binary("EVIDENS_CHROMEDRIVER", "/usr/bin/chromedriver");
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
        downloads = Files.createTempDirectory("evidens-downloads");
        profile = Files.createTempDirectory("evidens-chromium");
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1300,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (ws != null) {
            ws.close();
        }
        Stream.of(downloads, profile).filter(p -> p != null).forEach(SampleWorkspace::delete);
    }

    private void shot(String name) throws Exception {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!name.startsWith("failure")) {
            Axe.check(driver, name);
        }
    }

    private List<WebElement> hits() {
        return driver.findElements(By.cssSelector("#results li.hit"));
    }

    @Test
    void searchFilterReadAttachAndExport() throws Exception {
        try {
            steps();
        } catch (Exception | AssertionError e) {
            shot("failure");
            throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "\n  page status: "
                    + driver.findElement(By.id("status")).getText() + "\n  alerts: "
                    + driver.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList()
                    + "\n  screenshot: " + shots.resolve("failure.png").toAbsolutePath(), e);
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
        shot("1-search");

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
        shot("2-filtered");

        // Open the document of the hit that holds the quotation
        WebElement hit = hits().stream().filter(h -> h.getText().contains("samarbeidsplan.pdf")).findFirst()
                .orElseThrow(() -> new AssertionError("no hit in samarbeidsplan.pdf"));
        hit.findElement(By.cssSelector("h3 a")).click();
        WebElement text = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-text")));
        wait.until(d -> !d.findElements(By.cssSelector("#doc-text mark")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#doc-text .page-break")).size() >= 2, "page numbers are shown");
        shot("3-document");

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
        shot("4-attach-dialog");
        driver.findElement(By.id("attach-submit")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Avvik 1"));
        wait.until(d -> !d.findElements(By.cssSelector("#doc-text .quoted")).isEmpty());
        shot("5-attached");

        // The findings panel shows it; export DOCX through the browser
        driver.findElement(By.cssSelector("a[data-nav='funn']")).click();
        WebElement finding = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finding-avvik-1")));
        assertTrue(finding.getText().contains("«" + QUOTE + "»"), finding.getText());
        assertTrue(finding.getText().contains("samarbeidsplan.pdf"), finding.getText());
        shot("6-findings");
        driver.findElement(By.id("export-docx")).click();
        Path docx = downloads.resolve("funn-fjordvik-2026.docx");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isRegularFile(docx) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.isRegularFile(docx), "the DOCX was downloaded to " + downloads + ": " + List.of(downloads.toFile().list()));
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
        shot("7-audit-trail");
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
