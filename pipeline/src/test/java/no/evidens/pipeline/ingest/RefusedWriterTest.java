package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.Extractor;

/**
 * An ingest into an index another writer holds (another ingest of the same home) is refused before any file is
 * read, and no Tika worker is started for it: the index was held when its writer was about to open.
 */
class RefusedWriterTest {
    @TempDir
    Path tmp;

    /** Counts the worker's starts, the files read and the stops. */
    private static final class Counting implements Extractor {
        final AtomicInteger prepared = new AtomicInteger();
        final AtomicInteger read = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void prepare() {
            prepared.incrementAndGet();
        }

        @Override
        public Extraction extract(Path file) {
            read.incrementAndGet();
            return new Extraction("Tiltaksplanen evalueres hvert halvår.", List.of(0), "text/plain", null);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void anIndexHeldByAnotherWriterIsRefusedBeforeAnyFileIsReadAndTheWorkerIsStopped() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/styringsdokumenter"));
        Files.writeString(folder.resolve("plan.txt"), "Tiltaksplanen evalueres hvert halvår sammen med familien.");
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Counting extractor = new Counting();

        RuntimeException refused;
        EvidenceIndexWriter other = new EvidenceIndexWriter(home.index()); // another ingest's writer, open meanwhile
        try {
            Ingestion ingestion = new Ingestion(home, new DocumentAnalyser(extractor), 2);
            refused = assertThrows(RuntimeException.class, () -> ingestion.ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE));
        } finally {
            other.close();
        }

        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof LockObtainFailedException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof LockObtainFailedException, "refused for the other writer's lock: " + refused);
        // said plainly, as reindex says it, not in Lucene's words ("Lock held by another program")
        String said = no.evidens.pipeline.Messages.oneLine(refused);
        assertTrue(said.contains("is being written by another process") && said.contains("run ingest again once it has finished")
                && said.contains("nothing was changed") && !said.contains("Lock held"), said);

        assertEquals(0, extractor.read.get(), "no file read");
        assertEquals(0, extractor.prepared.get(), "no worker started for an index held when the ingest began");
        assertTrue(!Files.exists(home.receipts()) || Files.list(home.receipts()).findAny().isEmpty(), "no receipt");
    }
}
