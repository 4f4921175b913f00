package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.inbox.InboxWatcher;
import no.evidens.pipeline.ingest.Ingestion;

/** The Innboks view shows the watcher's queue: what waits, and each bundle finished with its case and status. */
class InboxBrowserIT {
    @Test
    void showsWaitingAndFinishedBundles() throws Exception {
        Path inbox = Files.createTempDirectory("evidens-inbox");
        try (SampleWorkspace ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD)) {
            Files.createDirectories(inbox.resolve("tilsyn-sor/journaler"));
            Files.writeString(inbox.resolve("tilsyn-sor/journaler/notat.txt"), "Journalnotat.\n\nFastlegen deltok i ansvarsgruppemøtet.");
            // a file that cannot be read: the Innboks page names it and why (round 54's walk: only its count was shown)
            Files.writeString(inbox.resolve("tilsyn-sor/journaler/avkuttet.pdf"), "%PDF-1.4\n1 0 obj << /Type /Catalog");
            Files.writeString(inbox.resolve("tilsyn-sor/manifest.csv"), "path,type,case\njournaler/notat.txt,journal,sor-2026\n"
                    + "journaler/avkuttet.pdf,journal,sor-2026\n");
            Files.write(inbox.resolve("skadet.zip"), "ingen zip".getBytes());
            try (InboxWatcher watcher = new InboxWatcher(ws.home, inbox, h -> new Ingestion(h, new DocumentAnalyser(), 1),
                    new PrintWriter(new StringWriter()))) {
                watcher.drain();
            }
            Files.write(inbox.resolve("neste-sak.zip"), new byte[] {'P', 'K', 5, 6});

            try (Browser browser = Browser.forSite(ws.url(), 1300, 900)) {
                ChromeDriver driver = browser.driver;
                driver.get(ws.url() + "#/innboks");
                browser.wait.until(d -> !d.findElements(By.cssSelector("#inbox-finished tbody tr")).isEmpty());
                List<WebElement> rows = driver.findElements(By.cssSelector("#inbox-finished tbody tr"));
                assertEquals(2, rows.size());
                String table = driver.findElement(By.id("inbox-finished")).getText();
                assertTrue(table.contains("tilsyn-sor") && table.contains("sor-2026") && table.contains("lest inn"), table);
                assertTrue(table.contains("skadet.zip") && table.contains("ikke lest inn") && table.contains("zip-filen er skadet"), table);
                assertEquals("journaler/avkuttet.pdf: skadet: filen er ødelagt, avkortet eller ikke det navnet sier, og kan ikke leses",
                        driver.findElement(By.cssSelector("#inbox-finished ul.inbox-failed li")).getText());
                assertEquals("neste-sak.zip", driver.findElement(By.cssSelector("#inbox-waiting li")).getText());
                assertEquals("Ingen bunke leses inn nå.", driver.findElement(By.id("inbox-running")).getText());
                assertTrue(driver.findElement(By.id("inbox-stopped")).getText().startsWith("Innboksen overvåkes ikke nå"),
                        "the watcher was closed: no watcher runs");
                browser.shot("innboks");
            }
            // a phone, in Nynorsk: the nine columns scroll in their own box (they made the page 757 px wide), which the
            // keyboard reaches to scroll it
            try (Browser phone = Browser.forSite(ws.url(), 375, 740, "nn-NO")) {
                phone.driver.get(ws.url() + "#/innboks");
                phone.wait.until(d -> !d.findElements(By.cssSelector("#inbox-finished tbody tr")).isEmpty());
                assertTrue(phone.driver.findElement(By.id("inbox-finished")).getText().contains("ikkje lesen inn"));
                Object widths = phone.driver.executeScript("return [innerWidth, document.documentElement.scrollWidth]");
                assertEquals(List.of(375L, 375L), widths, "the window's width and the page's");
                WebElement box = phone.driver.findElement(By.cssSelector(".table-wrap:has(#inbox-finished)"));
                assertEquals("0", box.getDomAttribute("tabindex"));
                assertEquals("Ferdige (nyaste først)", box.getDomAttribute("aria-label"));
                phone.view("innboks-mobil-nn");
                // «Oppdater» from the keyboard draws the view anew; the focus stays on it (it was lost to the page)
                WebElement refresh = phone.driver.findElement(By.id("inbox-refresh"));
                refresh.sendKeys(Keys.ENTER);
                phone.wait.until(ExpectedConditions.stalenessOf(refresh));
                phone.wait.until(d -> "inbox-refresh".equals(d.switchTo().activeElement().getDomAttribute("id")));
            }
        } finally {
            SampleWorkspace.delete(inbox);
        }
    }

    /**
     * A home whose disk is full: the watcher could not save its state (what it said in {@code inbox.saved}), and the
     * findings store cannot be opened (faked here by a database file that is none: a full disk needs root), so
     * {@code /api/cases} fails. The workspace says that once and still opens the Innboks page, which tells the team that
     * the queue's state is not being saved. (Walked on a full tmpfs: before, the page stopped at «Laster …».)
     */
    @Test
    void onAFullHomeTheInboxSaysItsStateIsNotSaved() throws Exception {
        Path home = Files.createTempDirectory("evidens-full");
        try {
            Files.writeString(Files.createDirectories(home.resolve("findings")).resolve(no.evidens.findings.FindingStore.DB_NAME + ".mv.db"),
                    "ikke en database");
            no.evidens.pipeline.Json.write(new no.evidens.pipeline.inbox.InboxState(home.resolve("innboks").toString(), null, List.of()),
                    home.resolve(no.evidens.pipeline.inbox.InboxState.FILE));
            String line = "not-saved 2026-12-05T21:03:57Z disk-full";
            Files.writeString(home.resolve("inbox.saved"), line + " ".repeat(95 - line.length()) + "\n");
            try (WebServer server = WebServer.start(new no.evidens.pipeline.EvidensHome(home), WebConfig.defaults(0, 1 << 20),
                    Exposure.local(), "testar", Ingestion::new);
                 Browser browser = Browser.forSite(server.url(), 1000, 800)) {
                browser.driver.get(server.url() + "#/innboks");
                browser.wait.until(d -> !d.findElements(By.id("inbox-not-saved")).isEmpty());
                assertTrue(browser.driver.findElement(By.id("inbox-not-saved")).getText()
                        .startsWith("Køens tilstand blir ikke lagret: disken til datamappen er full (siden 5.12.2026 kl. "),
                        browser.driver.findElement(By.id("inbox-not-saved")).getText());
                browser.shot("innboks-full-disk");
            }
        } finally {
            SampleWorkspace.delete(home);
        }
    }
}
