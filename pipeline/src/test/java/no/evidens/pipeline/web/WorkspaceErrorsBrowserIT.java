package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.evidens.findings.trail.AuditEvent;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.findings.AuditService;

/**
 * What the workspace says when something goes wrong, and the audit entries of earlier versions, as a
 * user sees them: in Bokmål, never the browser's or an old version's English. The audit page shows
 * entries an earlier version wrote in English in today's words, and a trail whose chain file is gone in
 * words (and one that lacks an entry's line, naming it); a search answered with a page that is not JSON, with JSON the view cannot use (a bug), and
 * with no answer at all (the connection lost) each shows its Bokmål message, and so does a form's field left
 * empty or mistyped (the browser's own words are in its language, English here). Screenshots under
 * {@code target/screenshots/errors-*.png}.
 */
class WorkspaceErrorsBrowserIT {
    private static final String CASE = "fjordvik-2026";
    /** English a browser or an old version would have shown. */
    private static final List<String> ENGLISH = List.of("workspace", "around", " hits", "version ", "Failed to fetch", "JSON", "Unexpected",
            "Cannot read", "undefined", "is missing", "the chain");

    /** Entries as versions before the trail was worded in Bokmål wrote them, and a chain file lost. */
    private static void oldTrail(EvidensHome home) {
        AuditService audit = new AuditService(home, Duration.ofSeconds(30));
        audit.record("ola", "show-document", CASE, AuditEvent.FILE, "1acc467555cf747e", "journal, workspace page 3");
        audit.record("ola", "show-passage", CASE, AuditEvent.PASSAGE, CASE + "/1acc467555cf747e/2", "journal, workspace, 1 around");
        audit.record("ola", "search", CASE, null, null, "«ansvarsgruppe», 12 hits");
        audit.record("leder", "finding-approve", CASE, AuditEvent.FINDING, "avvik-1", "godkjent, version 4");
        try {
            Files.delete(audit.chainFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void noEnglish(String text) {
        for (String words : ENGLISH) {
            assertFalse(text.contains(words), "«" + words + "» in: " + text);
        }
        NorwegianText.assertNorwegian(text);
    }

    @Test
    void errorsAndOldEntriesAreToldInBokmal() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD, WorkspaceErrorsBrowserIT::oldTrail);
             Browser b = Browser.forSite(ws.url())) {
            try {
                b.driver.get(ws.url() + "#/spor");
                WebElement table = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-table")));
                String entries = table.getText();
                assertTrue(entries.contains("journal, arbeidsflaten, side 3") && entries.contains("journal, arbeidsflaten, 1 avsnitt rundt")
                        && entries.contains("«ansvarsgruppe», 12 treff") && entries.contains("godkjent, versjon 4"), entries);
                String problems = b.driver.findElement(By.id("audit-intact")).getText();
                assertTrue(problems.contains("Kjedefilen audit-chain.log mangler eller er tom"), problems);
                noEnglish(entries + problems);
                b.view("errors-1-revisjonsspor");

                // round 50: a chain file that lacks one entry's line (taken out by hand): intact, and the entry named
                AuditService audit = new AuditService(ws.home, Duration.ofSeconds(30));
                StringBuilder lines = new StringBuilder();
                audit.entries(null, null, null).stream().filter(e -> e.id() != 2)
                        .forEach(e -> lines.append(e.id()).append(' ').append(e.hash()).append('\n'));
                Files.writeString(audit.chainFile(), lines);
                b.driver.navigate().refresh();
                b.wait.until(d -> d.findElement(By.id("audit-intact")).getText().contains("mangler likevel linjen for oppføring nr. 2:"));
                noEnglish(b.driver.findElement(By.id("audit-intact")).getText());

                // a field left empty or mistyped: the catalogue's words, not the browser's (this one speaks English)
                b.driver.get(ws.url() + "#/innlesing");
                WebElement caseIn = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ingest-case")));
                WebElement send = b.driver.findElement(By.cssSelector(".ingest-form button[type=submit]"));
                caseIn.clear();
                send.click();
                assertEquals("Fyll ut dette feltet.", caseIn.getDomProperty("validationMessage"));
                caseIn.sendKeys("ugyldig sak!");
                send.click();
                assertEquals("Feltet er ikke skrevet slik det skal være. Bokstaver, tall, punktum, _ og -. En ny sak opprettes når bunken"
                        + " leses inn.", caseIn.getDomProperty("validationMessage"));
                caseIn.clear();
                caseIn.sendKeys(CASE);
                send.click();
                assertEquals("", caseIn.getDomProperty("validationMessage"));
                WebElement file = b.driver.findElement(By.id("ingest-file"));
                assertEquals("Velg en fil.", file.getDomProperty("validationMessage"));
                // the file field's button and "no file chosen" in the workspace's words, not the browser's
                WebElement field = b.driver.findElement(By.cssSelector(".ingest-form .file-field"));
                assertEquals("Velg fil Ingen fil valgt", field.getText().replaceAll("\\s+", " ").strip());
                b.view("errors-2-skjema");
                java.nio.file.Path chosen = Files.writeString(Files.createTempDirectory("evidens-bunke").resolve("bunke.zip"), "");
                file.sendKeys(chosen.toAbsolutePath().toString());
                b.wait.until(d -> field.getText().contains("bunke.zip"));
                SampleWorkspace.delete(chosen.getParent());

                // a proxy's HTML page where the search's JSON should be
                b.driver.get(ws.url() + "#/sok");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
                b.driver.executeScript("window.evidensConsole = []; const said = console.error;"
                        + " console.error = (...a) => { window.evidensConsole.push(a.map(String).join(' ')); said(...a); };");
                answerSearchWith("'<html><body>Bad gateway</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }", b);
                b.driver.executeScript("location.hash = '#/sok?q=ansvarsgruppe'");
                String unreadable = shown(b, By.cssSelector("#results .alert"), "Svaret fra tjeneren kunne ikke leses");
                noEnglish(unreadable);
                // the parser's own words are kept for whoever opens the console
                assertTrue(console(b).contains("SyntaxError"), console(b));
                b.view("errors-3-uleselig-svar");

                // an error page that is not the API's JSON (a proxy's 502)
                answerSearchWith("'<html><body>Bad gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }", b);
                b.driver.executeScript("location.hash = '#/sok?q=helsestasjon'");
                String status = shown(b, By.cssSelector("#results .alert"), "Tjeneren svarte med en feil (HTTP 502)");
                noEnglish(status);

                // JSON the view cannot use: a bug, told as one, its details in the console only
                answerSearchWith("'{}', { status: 200, headers: { 'Content-Type': 'application/json' } }", b);
                b.driver.executeScript("location.hash = '#/sok?q=taushetsplikt'");
                String bug = shown(b, By.id("alert"), "Noe gikk galt i arbeidsflaten");
                assertTrue(console(b).contains("TypeError"), console(b));
                // the status the view had begun is not left half filled in ("{0} treff")
                assertTrue(b.driver.findElement(By.id("status")).getText().isEmpty(), b.driver.findElement(By.id("status")).getText());
                noEnglish(bug);
                b.shot("errors-4-feil-i-arbeidsflaten");

                // the connection lost: the browser's "Failed to fetch" never reaches the page
                b.driver.executeScript("window.fetch = window.evidensRealFetch");
                b.driver.executeCdpCommand("Network.enable", Map.of());
                b.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/search*")));
                b.driver.executeScript("location.hash = '#/sok?q=samarbeid'");
                String offline = shown(b, By.cssSelector("#results .alert"), "Får ikke kontakt med tjeneren");
                noEnglish(offline);
                b.view("errors-5-uten-tjener");
            } catch (Exception | AssertionError e) {
                throw b.failure("errors-failed", e);
            }
        }
    }

    /** Makes the page's fetch answer every search with this Response (its constructor's arguments, as JavaScript). */
    private static void answerSearchWith(String response, Browser b) {
        b.driver.executeScript("window.evidensRealFetch = window.evidensRealFetch || window.fetch;"
                + "window.fetch = (url, init) => String(url).startsWith('/api/search') ? Promise.resolve(new Response(" + response + "))"
                + " : window.evidensRealFetch(url, init);");
    }

    /** What the page's scripts wrote to the console with console.error since it was caught. */
    private static String console(Browser b) {
        return String.valueOf(b.driver.executeScript("return window.evidensConsole.join('\\n')"));
    }

    /** The text of the first element found that begins so, waited for (the view before may still stand a moment). */
    private static String shown(Browser b, By where, String start) {
        return b.wait.withMessage(() -> "no " + where + " beginning «" + start + "»").until(d -> d.findElements(where).stream()
                .map(WebElement::getText).filter(t -> t.startsWith(start)).findFirst().orElse(null));
    }
}
