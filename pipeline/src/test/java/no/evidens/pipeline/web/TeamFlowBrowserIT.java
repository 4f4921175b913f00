package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import no.evidens.access.AccessStore;
import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * The whole team flow of issue #16 in a real browser, on a new home with four accounts and no case:
 * the lead uploads a bundle into a new case and adds two auditors and a report writer; each auditor
 * attaches a quotation from a client record or journal and reads its document; an auditor sends the
 * finding to review, the lead approves it, the report writer exports it; the lead reads in the audit
 * trail who read which record, and closes the case, which the workspace then shows as read-only.
 * Screenshots of each step go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamFlowBrowserIT {
    private static final String CASE = "flyt-2026";
    private static final String PASSWORD = "et langt passord";
    private static final String TITLE = "Kommunen sikrer ikke at barn med behov for sammensatte tjenester får en koordinator";

    private Path dir;
    private WebServer server;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("evidens-team-flow");
        EvidensHome home = new EvidensHome(dir.resolve("home"));
        try (AccessStore s = AccessStore.open(home.access())) {
            for (String user : List.of("leder", "revisor-a", "revisor-b", "skribent")) {
                s.addUser(user, PASSWORD.toCharArray(), false);
            }
        }
        server = WebServer.start(home, WebConfig.defaults(0, WebConfig.DEFAULT_MAX_UPLOAD), Exposure.signedIn(), "ignored", Ingestion::new);
        browser = Browser.forSite(server.url(), 1300, 1000);
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAll(browser, server);
        if (dir != null) {
            SampleWorkspace.delete(dir);
        }
    }

    @Test
    void leadAuditorsAndReportWriterWorkACaseThroughAndTheTrailShowsWhoReadWhichRecord() throws Exception {
        try {
            steps();
        } catch (Exception | AssertionError e) {
            throw browser.failure("flow-failure", e);
        }
    }

    private void steps() throws Exception {
        // The lead starts the case by uploading its bundle.
        signIn("leder");
        driver.get(server.url() + "#/innlesing");
        WebElement caseIn = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-case")));
        caseIn.clear();
        caseIn.sendKeys(CASE);
        driver.findElement(By.id("ingest-municipality")).sendKeys("Fjordvik");
        driver.findElement(By.id("ingest-file")).sendKeys(bundleZip().toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form.ingest-form button[type=submit]")).click();
        Browser.waiting(driver, Duration.ofMinutes(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt"), "Kvittering"));
        assertTrue(driver.findElement(By.id("receipt")).getText().contains("Sak " + CASE), driver.findElement(By.id("receipt")).getText());
        browser.shot("flow-01-lead-uploads-bundle");

        // The lead adds two auditors and a report writer.
        driver.get(server.url() + "#/medlemmer");
        addMember("revisor-a", "auditor");
        addMember("revisor-b", "auditor");
        addMember("skribent", "writer");
        String members = driver.findElement(By.cssSelector("#main table")).getText();
        assertTrue(members.contains("revisor-a") && members.contains("revisor-b") && members.contains("skribent"), members);
        browser.shot("flow-02-lead-adds-members");
        browser.signOut();

        // The first auditor attaches a quotation from a client record to a new finding, and reads the record.
        signIn("revisor-a");
        WebElement hit = search("koordinator", "klientdokumentasjon");
        hit.findElement(By.cssSelector(".actions button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
        new Select(driver.findElement(By.id("attach-finding"))).selectByValue("");
        driver.findElement(By.id("attach-new-title")).sendKeys(TITLE);
        driver.findElement(By.id("attach-new-req")).sendKeys("barnevernloven § 15-8");
        browser.shot("flow-03-auditor-a-attaches");
        driver.findElement(By.id("attach-submit")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Avvik 1"));
        readFirstHit();
        browser.shot("flow-04-auditor-a-reads-client-record");
        browser.signOut();

        // The second auditor adds a quotation from a journal to the same finding and sends it to review.
        signIn("revisor-b");
        hit = search("fastlege", "journal");
        hit.findElement(By.cssSelector(".actions button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-dialog")));
        assertEquals("avvik-1", new Select(driver.findElement(By.id("attach-finding"))).getFirstSelectedOption().getAttribute("value"));
        driver.findElement(By.id("attach-submit")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("2 sitater"));
        readFirstHit();
        driver.get(server.url() + "#/funn");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#finding-avvik-1 button[data-step='submit']"))).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("sendt til gjennomgang"));
        assertTrue(driver.findElements(By.cssSelector("#finding-avvik-1 button[data-step='approve']")).isEmpty(),
                "no Godkjenn for an auditor: only the lead approves");
        assertTrue(driver.findElement(By.cssSelector("#finding-avvik-1 button[data-step='reopen']")).isDisplayed(),
                "an auditor may take it back to draft");
        browser.shot("flow-05-auditor-b-sends-to-review");
        browser.signOut();

        // The lead approves.
        signIn("leder");
        driver.get(server.url() + "#/funn");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#finding-avvik-1 button[data-step='approve']"))).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("er godkjent"));
        assertTrue(driver.findElement(By.id("finding-avvik-1")).getText().contains("Status: godkjent"));
        browser.shot("flow-06-lead-approves");
        browser.signOut();

        // The report writer exports the report.
        signIn("skribent");
        driver.get(server.url() + "#/funn");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("export-docx"))).click();
        Path docx = browser.download("funn-" + CASE + ".docx");
        try (InputStream in = Files.newInputStream(docx); XWPFDocument d = new XWPFDocument(in); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String report = x.getText();
            assertTrue(report.contains(TITLE), report);
            assertTrue(report.contains("barnevernloven § 15-8"), report);
        }
        browser.shot("flow-07-writer-exports");
        browser.signOut();

        // The lead reads in the audit trail who read which record, and what else happened.
        signIn("leder");
        driver.get(server.url() + "#/spor");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-table")));
        List<String> rows = table.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
        assertTrue(rows.stream().anyMatch(r -> r.contains("revisor-a") && r.contains("Viste dokument")
                && r.contains("klientdokumentasjon/") && r.contains("klientdokumentasjon, arbeidsflaten")),
                String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.contains("revisor-b") && r.contains("Viste dokument")
                && r.contains("journaler/") && r.contains("journal, arbeidsflaten")),
                String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.contains("leder") && r.contains("Godkjente funn")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.contains("skribent") && r.contains("Eksporterte")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.contains("Ga rolle i saken") && r.contains("revisor-b")), String.join("\n", rows));
        assertTrue(driver.findElement(By.id("audit-intact")).getText().contains("uendret"));
        browser.shot("flow-08-lead-reads-audit-trail");

        // The lead closes the case: the workspace says it is read-only, and offers no changes.
        driver.get(server.url() + "#/medlemmer");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("case-close"))).click();
        // asked in a dialog of the page (not the browser's confirm): «Lukk saken»
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ask-ok"))).click();
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-closed")));
        assertTrue(banner.getText().contains("lukket av leder"), banner.getText());
        // who may read the archive still changes: the members page says so above its form
        WebElement stillChange = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members-closed")));
        assertTrue(stillChange.getText().startsWith("Saken er lukket, men medlemmene kan fortsatt endres"), stillChange.getText());
        driver.get(server.url() + "#/funn");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finding-avvik-1")));
        assertFalse(driver.findElement(By.cssSelector("#finding-avvik-1 button[data-step='reopen']")).isDisplayed(), "no review steps");
        assertTrue(driver.findElement(By.id("case-closed")).isDisplayed());
        browser.shot("flow-09-lead-closes-case");
    }

    private void signIn(String user) {
        driver.get(server.url());
        browser.signIn(user, PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-box"), "Innlogget som " + user));
    }

    private void addMember(String user, String role) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-user")));
        name.sendKeys(user);
        new Select(driver.findElement(By.id("member-role"))).selectByValue(role);
        driver.findElement(By.cssSelector("form.member-add button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main table"), user));
        wait.until(d -> d.findElement(By.id("status")).getText().contains(user + " er lagt til"));
    }

    /** Searches the case for the words in documents of one type; the first hit. */
    private WebElement search(String words, String type) {
        driver.get(server.url() + "#/sok?q=" + words + "&f=type%3A" + type);
        wait.until(d -> !d.findElements(By.cssSelector("#results li.hit")).isEmpty());
        WebElement hit = driver.findElements(By.cssSelector("#results li.hit")).get(0);
        assertTrue(hit.findElement(By.cssSelector(".cite")).getText().toLowerCase(java.util.Locale.ROOT).contains(type), hit.getText());
        return hit;
    }

    /** Opens the document of the first hit on the page (a showing the trail records). */
    private void readFirstHit() {
        driver.findElements(By.cssSelector("#results li.hit h3 a")).get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-text")));
    }

    /** The sample bundle as the .zip an auditor uploads. */
    private Path bundleZip() throws Exception {
        Path folder = dir.resolve("bundle");
        SampleBundle.writeTo(folder);
        Path zip = dir.resolve("fjordvik.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return zip;
    }
}
