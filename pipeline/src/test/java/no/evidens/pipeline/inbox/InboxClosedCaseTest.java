package no.evidens.pipeline.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.pipeline.fixture.PlainTextExtractor;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * A bundle dropped into the inbox for a case that was closed: it goes to {@code failed/}, and the watcher's state names
 * the kind ({@code case-closed}), so that the Innboks page says the case is closed. Before, the kind was
 * {@code unexpected} and the page told «Innlesingen feilet uventet», which sent the auditor looking for a fault.
 */
class InboxClosedCaseTest {
    @TempDir
    Path tmp;

    @Test
    void aBundleForAClosedCaseIsToldAsAClosedCaseOnThePage() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("innboks"));
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        StringWriter lines = new StringWriter();
        try (InboxWatcher watcher = new InboxWatcher(home, inbox,
                h -> new Ingestion(h, new DocumentAnalyser(new PlainTextExtractor()), 1), new PrintWriter(lines), Duration.ZERO)) {
            zip(inbox.resolve("fjordvik-2026.zip"));
            assertTrue(watcher.drain(), lines.toString());
            new CaseService(home, FindingStore.DEFAULT_LOCK_WAIT).close("fjordvik-2026", "kari", true);

            zip(inbox.resolve("fjordvik-2026.zip"));
            assertFalse(watcher.drain(), "a bundle refused is not all well (--once: exit 3)");
        }
        assertTrue(Files.isRegularFile(inbox.resolve("failed/fjordvik-2026.zip")));
        InboxState.Finished refused = InboxState.read(home).finished().get(0);
        assertEquals(InboxWatcher.FAILED, refused.status(), refused.toString());
        assertEquals(InboxState.Finished.CASE_CLOSED, refused.errorCode(), refused.toString());
        assertTrue(refused.error().contains("read-only"), refused.error());
        // the page words every kind the watcher gives, in both languages
        String page = resource("static/inbox.js");
        for (String language : new String[] {"nb", "nn"}) {
            Properties texts = new Properties();
            texts.load(new java.io.StringReader(resource("messages_" + language + ".properties")));
            assertTrue(texts.getProperty("ui.inbox.error." + refused.errorCode(), "").startsWith("Sak"), language);
        }
        assertTrue(page.contains("'" + InboxState.Finished.CASE_CLOSED + "'"), "inbox.js knows the kind");
    }

    private static void zip(Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(file)) {
            z.putNextEntry(new ZipEntry("journaler/notat.txt"));
            z.write("Notat om oppfølgingen av familien.".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = InboxClosedCaseTest.class.getResourceAsStream("/no/evidens/pipeline/web/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
