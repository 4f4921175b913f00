package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search view in a real browser (headless Chromium, as {@link WorkspaceBrowserIT}): every row of the
 * search help, hits grouped by document, a pinned filter that survives a new search while an unpinned one
 * does not, a saved search with its counts, batch search with the XLSX download, and the workspace in
 * Nynorsk. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBrowserIT {
    /** The examples of the search help, as the help shows them. */
    private static final List<String> HELP_EXAMPLES = List.of("ansvarsgruppe taushetsplikt", "\"individuell plan\"", "samarbeid -NAV",
            "fastlege OR allmennlege", "barnevern*", "samarb*", "koordinator~1", "\"taushetsplikt samarbeid\"~10", "type:journal",
            "sak:fjordvik-2026 plan", "fil:journaler/fastlege-journalutdrag.txt", "overskrift:ansvarsgruppe", "indikator:taushetsplikt",
            "lov:barnevernloven", "sitat:ja", "år:2025");

    private SampleWorkspace ws;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
        browser = Browser.forSite(ws.url(), 1300, 1100);
        driver = browser.driver;
        wait = browser.wait;
        // the page reloads when the language changes: an element found before may go stale while waiting
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAll(browser, ws);
    }

    private String status() {
        return driver.findElement(By.id("status")).getText();
    }

    /** Types a search into the form, as a user does, and waits for its answer. */
    private void search(String query) {
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        WebElement before = driver.findElement(By.id("results"));
        q.clear();
        q.sendKeys(query, Keys.ENTER);
        // the view is drawn anew for the new search; then its answer arrives (an earlier search's re-drawing,
        // such as a filter's, may still be under way: wait for the results of this query)
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(d -> {
            try {
                return !d.findElements(By.cssSelector("#results [role=alert]")).isEmpty()
                        || query.equals(d.findElement(By.id("results")).getAttribute("data-query")) && status().contains("treff");
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    private long total() {
        String s = status();
        return Long.parseLong(s.substring(0, s.indexOf(' ')));
    }

    @Test
    void theSearchView() throws Exception {
        try {
            driver.get(ws.url());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
            everyHelpRow();
            grouped();
            pinnedFilter();
            savedSearch();
            batch();
            savedSearchReplacedOnlyWhenAsked();
            batchWithoutFileAndWithBadLine();
            indicatorsSayWhy();
            nynorsk();
        } catch (Exception | AssertionError e) {
            throw browser.failure("search-failure", e);
        }
    }

    private void everyHelpRow() throws Exception {
        driver.findElement(By.cssSelector("#q-help summary")).click();
        for (String example : HELP_EXAMPLES) {
            search(example);
            assertTrue(driver.findElements(By.cssSelector("#results [role=alert]")).isEmpty(), example + ": " + status());
            assertTrue(total() > 0, example + " finds nothing: " + status());
            assertFalse(driver.findElements(By.cssSelector("#results li.hit")).isEmpty(), example);
        }
        driver.findElement(By.cssSelector("#q-help summary")).click();
        search("koordinator~1");
        driver.findElement(By.cssSelector("#q-help summary")).click();
        browser.shot("search-1-help-rows");
    }

    private void grouped() throws Exception {
        search("plan");
        List<WebElement> groups = driver.findElements(By.cssSelector("#results li.doc-group"));
        assertTrue(groups.size() > 1, "documents: " + groups.size());
        Set<String> docs = new HashSet<>();
        for (WebElement g : groups) {
            assertTrue(docs.add(g.getAttribute("data-doc")), "each document once");
            int passages = g.findElements(By.cssSelector("li.hit")).size();
            assertTrue(passages >= 1 && passages <= 3, "best passages under each: " + passages);
            assertTrue(g.findElement(By.cssSelector(".doc-hits")).getText().matches("\\d+ treff i dokumentet"));
        }
        assertTrue(status().matches("\\d+ treff i \\d+ dokumenter \\(\\d+ ms\\)"), status());
        browser.shot("search-2-grouped");
        driver.findElement(By.id("group-toggle")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results li.doc-group")).isEmpty() && !d.findElements(By.cssSelector("#results li.hit")).isEmpty());
        driver.findElement(By.id("group-toggle")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#results li.doc-group")).isEmpty());
    }

    private void pinnedFilter() throws Exception {
        search("ansvarsgruppe");
        long all = total();
        driver.findElement(By.cssSelector("button[data-facet='type:styringsdokument']")).click();
        wait.until(d -> d.getCurrentUrl().contains("styringsdokument") && !d.findElements(By.cssSelector(".chip")).isEmpty());
        assertTrue(driver.findElement(By.cssSelector(".chip")).getText().contains("Dokumenttype: Styringsdokument"));
        // a facet value named in words: the indicator's label, not its id
        WebElement indicator = driver.findElements(By.cssSelector("button[data-facet^='indicator:']")).get(0);
        String id = indicator.getAttribute("data-facet").substring("indicator:".length());
        assertFalse(indicator.getText().contains(id), "an indicator's label, not its id: " + indicator.getText());
        indicator.click();
        wait.until(d -> d.findElements(By.cssSelector(".chip")).size() == 2);
        driver.findElement(By.cssSelector(".chip button[data-pin='type:styringsdokument']")).click();
        wait.until(d -> d.findElements(By.cssSelector(".chip.pinned")).size() == 1);
        browser.shot("search-3-pinned-filter");
        // a new search: the pinned filter stays, the other is gone
        search("koordinator");
        List<WebElement> chips = driver.findElements(By.cssSelector(".chip"));
        assertEquals(1, chips.size(), "only the pinned filter stays on");
        assertTrue(chips.get(0).getText().contains("Styringsdokument"));
        assertTrue(driver.getCurrentUrl().contains("styringsdokument"));
        // unpinned, the next new search starts clean
        driver.findElement(By.cssSelector(".chip button[data-pin='type:styringsdokument']")).click();
        wait.until(d -> d.findElements(By.cssSelector(".chip.pinned")).isEmpty());
        search("ansvarsgruppe");
        assertTrue(driver.findElements(By.cssSelector(".chip")).isEmpty());
        assertEquals(all, total(), "a clean search has every hit again");
        // a filter value no passage of the case has is refused, and its chip stays, to remove it
        driver.get(ws.url() + "#/sok?q=ansvarsgruppe&f=" + URLEncoder.encode("kommune:Atlantis", StandardCharsets.UTF_8));
        WebElement alert = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results [role=alert]")));
        assertTrue(alert.getText().startsWith("Ingen avsnitt du søker i, har «kommune:Atlantis»."), alert.getText());
        browser.shot("search-3b-unknown-value");
        driver.findElement(By.cssSelector(".chip button.remove")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results [role=alert]")).isEmpty() && status().contains("treff"));
        assertEquals(all, total(), "without the filter, every hit again");
    }

    private void savedSearch() throws Exception {
        search("koordinator~1");
        long hits = total();
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("saved-name")));
        name.clear();
        name.sendKeys("Koordinator, med skrivefeil");
        driver.findElement(By.id("save-search")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saved-list tr[data-saved='Koordinator, med skrivefeil']")));
        assertEquals(String.valueOf(hits), row.findElement(By.cssSelector(".hits-now")).getText());
        assertEquals(String.valueOf(hits), row.findElement(By.cssSelector(".hits-saved")).getText());
        browser.shot("search-4-saved-search");
        search("ansvarsgruppe");
        driver.findElement(By.cssSelector("#saved-list tr[data-saved='Koordinator, med skrivefeil'] th a")).click();
        wait.until(d -> d.getCurrentUrl().contains("koordinator") && status().startsWith(hits + " treff"));
    }

    private void batch() throws Exception {
        Path list = Files.createTempFile(browser.downloads, "sok", ".csv");
        Files.writeString(list, "label,query\nKoordinator,koordinator\nIndividuell plan,\"\"\"individuell plan\"\"\"\n");
        driver.findElement(By.cssSelector("#batch summary")).click();
        driver.findElement(By.id("batch-file")).sendKeys(list.toAbsolutePath().toString());
        driver.findElement(By.id("batch-run")).click();
        WebElement matrix = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-matrix")));
        assertEquals(2, matrix.findElements(By.cssSelector("tbody tr")).size());
        assertTrue(matrix.getText().contains("Individuell plan"));
        browser.shot("search-5-batch-matrix");
        driver.findElement(By.id("batch-download")).click();
        Path xlsx = browser.download("matrise-fjordvik-2026.xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("Koordinator", wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
        }
    }

    /**
     * Saving under a name the case already has replaces that saved search, for the whole team: the page asks first, naming
     * the search it would replace, and «Avbryt» keeps it (round 54's walk: it was replaced without a word).
     */
    private void savedSearchReplacedOnlyWhenAsked() throws Exception {
        search("koordinator");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("saved-name")));
        name.clear();
        name.sendKeys("Koordinator, med skrivefeil");
        driver.findElement(By.id("save-search")).click();
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-text")));
        assertTrue(question.getText().contains("«Koordinator, med skrivefeil» (koordinator~1, lagret av"), question.getText());
        browser.shot("search-5b-replace-asked");
        driver.findElement(By.id("ask-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ask-dialog")));
        By saved = By.cssSelector("#saved-list tr[data-saved='Koordinator, med skrivefeil'] td code");
        assertEquals("koordinator~1", driver.findElement(saved).getText(), "kept after «Avbryt»");
        driver.findElement(By.id("save-search")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ask-ok"))).click();
        wait.until(ExpectedConditions.textToBe(saved, "koordinator"));
        assertEquals(1, driver.findElements(By.cssSelector("#saved-list tr[data-saved='Koordinator, med skrivefeil']")).size());
    }

    /**
     * A batch run with no file chosen says to choose one (it said the file had no queries), and a line of the file that
     * cannot run shows a dash in every document, not a 0 that reads as «not in this document», and the count of such lines
     * above the matrix.
     */
    private void batchWithoutFileAndWithBadLine() throws Exception {
        driver.get(ws.url() + "#/sok");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#batch summary"))).click();
        driver.findElement(By.id("batch-run")).click();
        wait.until(ExpectedConditions.textToBe(By.id("alert"), "Velg en fil."));
        assertEquals("", driver.findElement(By.id("batch-result")).getText());
        Path list = Files.createTempFile(browser.downloads, "sok", ".csv");
        Files.writeString(list, "label,query\nKoordinator,koordinator\nUleselig,\"taushetsplikt AND (\"\n");
        driver.findElement(By.id("batch-file")).sendKeys(list.toAbsolutePath().toString());
        driver.findElement(By.id("batch-run")).click();
        WebElement matrix = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-matrix")));
        assertTrue(driver.findElement(By.id("batch-summary")).getText().endsWith("1 av søkene kunne ikke kjøres: se siste kolonne."),
                driver.findElement(By.id("batch-summary")).getText());
        List<WebElement> bad = matrix.findElements(By.xpath(".//tbody/tr[th='Uleselig']/td"));
        assertTrue(bad.size() > 2, matrix.getText());
        assertTrue(bad.subList(0, bad.size() - 1).stream().allMatch(td -> td.getText().equals("–")), matrix.getText());
        assertTrue(bad.get(bad.size() - 1).getText().startsWith("Linje 3: "), bad.get(bad.size() - 1).getText());
        browser.shot("search-5c-batch-bad-line");
    }

    /** Each hit's indicators with why: the words the codebook found, or the classifier's confidence. */
    private void indicatorsSayWhy() throws Exception {
        search("indikator:taushetsplikt");
        List<WebElement> why = driver.findElements(By.cssSelector("#results li.hit ul.indicators .why"));
        assertFalse(why.isEmpty());
        assertTrue(why.stream().anyMatch(w -> w.getText().startsWith("Hvorfor: kodeboka fant «")), why.get(0).getText());
        WebElement chip = driver.findElement(By.cssSelector("#results li.hit ul.indicators .indicator-chip"));
        assertEquals(chip.findElement(By.xpath("following-sibling::small")).getText(), chip.getAttribute("title"));
    }

    private void nynorsk() throws Exception {
        new Select(driver.findElement(By.id("language-select"))).selectByValue("nn");
        wait.until(d -> "nn".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
        WebElement label = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("label[for='q']")));
        assertTrue(label.getText().startsWith("Søk i dokumenta i saka"), label.getText());
        driver.get(ws.url() + "#/sok?q=" + URLEncoder.encode("(barnevern", StandardCharsets.UTF_8));
        WebElement alert = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results [role=alert]")));
        assertEquals("Søket «(barnevern» kan ikkje lesast: parentesane ( ) går ikkje opp.", alert.getText());
        search("ansvarsgruppe");
        assertTrue(status().matches("\\d+ treff i \\d+ dokument \\(\\d+ ms\\)"), status());
        assertTrue(driver.findElement(By.cssSelector(".facets")).getText().contains("Utan sitat"));
        assertTrue(driver.findElements(By.cssSelector("#results li.hit ul.indicators .why")).stream()
                .allMatch(w -> w.getText().startsWith("Kvifor:")));
        browser.shot("search-6-nynorsk");
        new Select(driver.findElement(By.id("language-select"))).selectByValue("nb");
        wait.until(d -> "nb".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
    }
}
