package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import no.evidens.corpus.NationwideSet;
import no.evidens.pipeline.fixture.NationwideHome;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * The group overview of the generated nationwide audit in a real browser (headless Chromium): the counts,
 * the municipalities with no finding, a matrix cell that leads to the group search narrowed to one
 * municipality, and the page where quotations are chosen for the report. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupBrowserIT {
    private WebServer server;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        server = WebServer.start(NationwideHome.shared().home(), 0, "testar", WebServer.DEFAULT_MAX_UPLOAD, Ingestion::new);
        browser = Browser.forSite(server.url(), 1500, 1300);
        driver = browser.driver;
        wait = browser.wait;
        wait.withTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAll(browser, server);
    }

    @Test
    void theGroupOverviewLeadsToTheSearchOfACellAndToTheQuotations() throws Exception {
        try {
            steps();
        } catch (Exception | AssertionError e) {
            throw browser.failure("group-failure", e);
        }
    }

    /**
     * At a phone's width the group page's wide tables (by requirement, by municipality) scroll in boxes of their own
     * that the keyboard reaches: the requirements table made the page 105 px wider than the window (round 41's walk).
     */
    @Test
    void aPhonesWidthNeedsNoSidewaysScrolling() throws Exception {
        try (Browser phone = Browser.forSite(server.url(), 400, 800)) {
            try {
                phone.wait.withTimeout(Duration.ofSeconds(60));
                phone.driver.get(server.url() + "#/grupper");
                phone.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-matrix")));
                Number wide = (Number) phone.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(wide.intValue() <= 0, "the page is " + wide + " px wider than the window");
                for (String table : List.of("requirements", "group-matrix")) {
                    WebElement box = phone.driver.findElement(By.cssSelector(".table-wrap:has(> #" + table + ")"));
                    assertEquals("0", box.getDomAttribute("tabindex"), table + " scrolls in a box the keyboard reaches");
                }
                phone.view("group-mobil");
            } catch (Exception | AssertionError e) {
                throw phone.failure("group-mobil-failed", e);
            }
        }
    }

    /**
     * The group search with no words says what to write (Bokmål), with the focus in the field, rather than listing every
     * passage of the group with its facets (round 41's walk); the overview's search field, left empty, is refused in words.
     */
    @Test
    void anEmptyGroupSearchSaysWhatToWrite() throws Exception {
        try {
            driver.get(server.url() + "#/gruppesok?g=" + NationwideSet.GROUP_ID);
            WebElement hint = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-search-hint")));
            assertTrue(hint.getText().startsWith("Skriv ett eller flere ord du vil finne i sakene i gruppen"), hint.getText());
            assertTrue(driver.findElements(By.cssSelector("#results li.hit, #results .facets")).isEmpty(), "nothing is searched");
            assertEquals("group-q", driver.switchTo().activeElement().getDomAttribute("id"), "the focus is in the field");
            browser.shot("group-search-empty");
            driver.get(server.url() + "#/grupper");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-matrix")));
            WebElement field = driver.findElement(By.id("group-q"));
            driver.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
            assertEquals("Fyll ut dette feltet.", field.getDomProperty("validationMessage"), "the empty field is refused in words");
        } catch (Exception | AssertionError e) {
            throw browser.failure("group-search-empty-failed", e);
        }
    }

    private void steps() throws Exception {
        driver.get(server.url() + "#/grupper");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-matrix")));
        String totals = driver.findElement(By.id("group-totals")).getText();
        int count = NationwideSet.municipalities().size();
        assertTrue(totals.startsWith(count + " kommuner"), totals);
        String without = driver.findElement(By.id("without-findings")).getText();
        for (String name : List.of("Heiås", "Tindlia", "Eikerli")) {
            assertTrue(without.contains(name), without);
        }
        List<WebElement> requirementRows = driver.findElements(By.cssSelector("#requirements tbody tr"));
        assertEquals(NationwideSet.Topic.values().length, requirementRows.size());
        assertEquals(count, driver.findElements(By.cssSelector("#group-matrix tbody tr")).size(), "a row per municipality");
        browser.shot("group-overview");

        // Round 53: a nationwide audit has 357 rows; they are narrowed to a county and sorted by a column.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("group-matrix-county"))).selectByValue("Vestland");
        List<String> vestland = driver.findElements(By.cssSelector("#group-matrix tbody th[scope=row]")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Havbrekka", "Nordstrand", "Ospedal"), vestland, "Vestland's municipalities, by name");
        assertTrue(driver.findElement(By.id("group-matrix-shown")).getText().startsWith("Viser 3 av " + count + " kommuner"));
        driver.findElement(By.cssSelector("#group-matrix th[data-sort=avvik] button")).click();
        assertEquals("descending", driver.findElement(By.cssSelector("#group-matrix th[data-sort=avvik]")).getDomAttribute("aria-sort"));
        assertEquals("Havbrekka", driver.findElement(By.cssSelector("#group-matrix tbody th[scope=row]")).getText(), "most avvik first");
        assertEquals(1, driver.findElements(By.cssSelector("#group-matrix th[aria-sort=descending]")).size(),
                "only the column clicked, not the indicator also called Avvik");
        browser.shot("group-matrix-vestland");

        // A cell: the passages about ettervern in Ospedal.
        WebElement cell = driver.findElement(By.cssSelector("#group-matrix a[aria-label$='om Ettervern 18–23 år i Ospedal']"));
        String n = cell.getText();
        cell.click();
        wait.until(d -> !d.findElements(By.cssSelector("#results li.hit")).isEmpty());
        assertEquals(n, String.valueOf(driver.findElements(By.cssSelector("#results li.hit")).size()), "the cell's count is the search's");
        assertTrue(driver.findElements(By.cssSelector("#results li.hit .cite")).stream().allMatch(c -> !c.getText().isBlank()));
        assertEquals("true", driver.findElement(By.cssSelector("button[data-facet='kommune:Ospedal']")).getAttribute("aria-pressed"));
        browser.shot("group-search");

        // The quotations a writer chooses from.
        driver.get(server.url() + "#/gruppesitater?g=" + NationwideSet.GROUP_ID);
        wait.until(d -> !d.findElements(By.cssSelector("main blockquote")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("main input[type=checkbox]:checked")).isEmpty(), "the demo's choices are ticked");
        browser.shot("group-quotations");

        // Round 54: a page at a time («Vis flere» fetches the next), counted, and narrowed to a county by its select
        java.util.function.Supplier<int[]> counted = () -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Viser (\\d+) av (\\d+) sitater \\((\\d+) i gruppen\\)")
                    .matcher(driver.findElement(By.id("group-quotes-shown")).getText());
            assertTrue(m.find(), driver.findElement(By.id("group-quotes-shown")).getText());
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        };
        int[] first = counted.get();
        assertEquals(first[1], first[2], "nothing narrowed: every quotation matches");
        assertEquals(Math.min(50, first[1]), first[0]);
        assertEquals(first[0], driver.findElements(By.cssSelector("#group-quotes blockquote")).size(), "the page holds what it says");
        WebElement more = driver.findElement(By.id("group-quotes-more"));
        assertEquals(first[1] > 50, more.isDisplayed());
        if (first[1] > 50) {
            more.click();
            wait.until(d -> d.findElements(By.cssSelector("#group-quotes blockquote")).size() == Math.min(100, first[1]));
            assertEquals(Math.min(100, first[1]), counted.get()[0]);
        }
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("group-quotes-fylke"))).selectByValue("Vestland");
        wait.until(d -> d.getCurrentUrl().contains("fylke=Vestland") && !d.findElements(By.cssSelector("#group-quotes .cite")).isEmpty()
                && counted.get()[1] < first[1]);
        List<String> places = driver.findElements(By.cssSelector("#group-quotes .cite")).stream().map(c -> c.getText().split(",")[0]).distinct().toList();
        assertTrue(List.of("Havbrekka", "Nordstrand", "Ospedal").containsAll(places), "Vestland's municipalities only: " + places);
        assertEquals(first[1], counted.get()[2], "the group's count stays");
        browser.shot("group-quotations-vestland");
    }
}
