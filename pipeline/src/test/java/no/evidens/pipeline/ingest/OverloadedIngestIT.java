package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.PassageSchema;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.IsolatedExtractor;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.TikaExtractor;

/**
 * An ingest on a machine so busy that no Tika worker starts in time (a start limit of 0 stands for it): every file
 * is in the receipt as timed out, none is remembered as failed, and the next ingest of the same bundle reads and
 * indexes them all: nothing is lost.
 */
class OverloadedIngestIT {
    private static final int FILES = 6;

    @TempDir
    Path tmp;

    @Test
    void filesTimedOutOnABusyMachineAreReadByTheNextIngest() throws Exception {
        JournalNotes.write(tmp.resolve("bundle"), FILES, "Fastlegen deltok i ansvarsgruppemøte nummer %d med barneverntjenesten.");
        EvidensHome home = new EvidensHome(tmp.resolve("home"));

        Receipt busy = new Ingestion(home, new DocumentAnalyser(new IsolatedExtractor(2, TikaExtractor.DEFAULT_MAX_CHARS,
                false, IsolatedExtractor.DEFAULT_TIMEOUT_SECONDS, 0)), 2).ingest("k", tmp.resolve("bundle"), ProgressListener.NONE);
        assertEquals(FILES, busy.files().size(), "every file accounted for");
        assertEquals(FILES, busy.counts().failed());
        for (ReceiptFile f : busy.files()) {
            assertEquals(Reason.TIMED_OUT.text(), f.reason(), f.path() + ": " + f.detail());
        }

        Receipt again = new Ingestion(home, new DocumentAnalyser(new IsolatedExtractor(2)), 2)
                .ingest("k", tmp.resolve("bundle"), ProgressListener.NONE);
        assertEquals(FILES, again.counts().indexed(), "read again, not recalled as failed: " + again.files());
        assertEquals(FILES, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT));
        assertTrue(JournalNotes.count(home.index(), PassageSchema.KIND_PASSAGE) >= FILES, "every file's passages are searchable");
    }
}
