package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;

/**
 * A file that is gone (or may not be opened) when its turn comes, after the bundle was listed, is a file that cannot be
 * read from disk, said as such: not an "unexpected error", which tells the auditor that Evidens is at fault and
 * writes a stack trace to the log.
 */
class VanishedFileTest {
    @TempDir
    Path tmp;

    @Test
    void aFileGoneSinceTheListingCannotBeReadFromDisk() throws Exception {
        Path file = Files.writeString(tmp.resolve("b.txt"), "Tiltaksplanen evalueres hvert halvår sammen med familien.");
        BundleEntry entry = new BundleEntry("journaler/b.txt", file, "journal", null, null, null);
        assertEquals(64, IngestRoute.hashOf(entry, ChangedWhileRead.since(java.time.Instant.now())).length());

        Files.delete(file);
        ExtractionException e = assertThrows(ExtractionException.class, () -> IngestRoute.hashOf(entry, ChangedWhileRead.since(java.time.Instant.now())));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.detail().startsWith("NoSuchFileException: "), e.detail());
        ReceiptFile line = FailedLines.line(entry.path(), entry.type(), null, e);
        assertEquals(Reason.UNREADABLE.text(), line.reason());
    }
}
