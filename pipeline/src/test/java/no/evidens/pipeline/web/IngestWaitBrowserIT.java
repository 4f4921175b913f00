package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.pipeline.IndexReleases;

/**
 * The Innlesing page follows an upload that waits behind another writer of the index (here one this test holds, as a
 * command does) until it goes in: the list shows it *venter*, then done, without the page being opened again. A job whose
 * server stopped in the middle says in the list what it was doing then.
 */
class IngestWaitBrowserIT {
    private static SampleWorkspace ws;

    @BeforeAll
    static void start() throws Exception {
        ws = SampleWorkspace.start(WebServer.DEFAULT_MAX_UPLOAD);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(ws);
    }

    @Test
    void anUploadWaitingBehindAnotherWriterIsFollowedUntilItGoesIn() throws Exception {
        Path zip = Files.write(Files.createTempDirectory("evidens-wait").resolve("plan.zip"),
                WebApiIT.zipOf("styringsdokumenter/plan.txt", "Tiltaksplanen for venteliste evalueres hvert halvår.\n"));
        EvidenceIndexWriter other = new EvidenceIndexWriter(ws.home.index()); // the index's writer, held as a command holds it
        boolean released = false;
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            b.driver.get(ws.url() + "#/innlesing");
            WebElement caseIn = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("ingest-case")));
            caseIn.clear();
            caseIn.sendKeys("venter-2026");
            b.driver.findElement(By.id("ingest-file")).sendKeys(zip.toString());
            caseIn.sendKeys(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ingest-progress-text"), "En annen innlesing skriver"));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-table"), "venter"));

            other.close();
            released = true;
            IndexReleases.mark(ws.home.root()); // as an ingestion does when it lets go of the writer
            // within seconds (the server's own look at the waiting jobs is every 30 s): the page goes on by itself, and
            // says what its first seconds are spent on while no file is read yet (the job's phase)
            Browser.waiting(b.driver, Duration.ofSeconds(20)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("ingest-progress-text"), "Starter lesingen av 1 filer (gjør klar"));
            Browser.waiting(b.driver, Duration.ofSeconds(20)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("ingest-progress-text"), "Ferdig: 1 av 1 filer"));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-table"), "ferdig"));
            assertTrue(b.driver.findElement(By.id("receipt")).getText().contains("plan.txt"), "the receipt is shown");
        } finally {
            if (!released) {
                other.close();
            }
        }
    }
    @Test
    void anInterruptedJobSaysInTheListWhatItWasDoingWhenItsServerStopped() throws Exception {
        String at = Instant.now().toString();
        // as a server stopped while it read the files leaves the job's file (ServerStopIT stops one so)
        new IngestJobFiles(ws.home.root()).save(new IngestJob.Saved("90", "stanset-2026", "stanset.zip", null,
                ws.home.root().resolve("bundles/stanset.zip").toString(), IngestJob.INTERRUPTED, 400, 120, 0, null, null, at, at,
                null, null, "reading"));
        try (Browser b = Browser.forSite(ws.url(), 1280, 720)) {
            b.driver.get(ws.url() + "#/innlesing");
            WebElement row = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-90")));
            b.wait.until(ExpectedConditions.textToBePresentInElement(row, "avbrutt under innlesingen av filene"));
            assertTrue(row.getText().contains("120 av 400"), row.getText());
        }
    }
}
