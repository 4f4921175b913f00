package no.evidens.pipeline.ingest;

import java.nio.file.Path;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.extract.IsolatedExtractor;

/**
 * The Tika worker kept running between the ingests of one process that reads bundle after bundle (the inbox's watcher):
 * each bundle gets an {@link Ingestion} of its own (its codebook read anew, its receipt, its case), and they all read
 * with the one worker, where each ingestion used to start a worker (a JVM and Tika's classes, seconds of wall time
 * and a CPU second or two, and its JIT's work lost at the bundle's end) and stop it when its bundle was done. A worker
 * lost on a file (a crash, a time limit) is replaced as within a bundle; one found dead when a bundle begins is replaced
 * then ({@link IsolatedExtractor#prepare}). The models are loaded once a process already ({@code NorwegianModels.shared}).
 * {@link #idle} stops the worker while no bundle waits, {@link #close} at the end.
 */
public final class KeptWorkers implements AutoCloseable {
    private final IsolatedExtractor extractor;
    private final int threads;

    /** A worker for as many files at a time as there are cores, as an ingestion's own. */
    public KeptWorkers() {
        this(new IsolatedExtractor(Runtime.getRuntime().availableProcessors()), Runtime.getRuntime().availableProcessors());
    }

    /** @param threads the ingestions' threads (tests: a worker with other limits) */
    KeptWorkers(IsolatedExtractor extractor, int threads) {
        this.extractor = extractor;
        this.threads = threads;
    }

    /**
     * A new ingestion into the home, tagging with the home's codebook as it is now, reading with the kept worker: its end
     * leaves the worker running for the next.
     */
    public Ingestion ingestion(EvidensHome home) {
        return new Ingestion(home, new DocumentAnalyser(new Lent(extractor), Ingestion.homeCodebook(home)), threads);
    }

    /** How many shared workers were started: one for all the bundles, and one more after each lost. */
    public int workersStarted() {
        return extractor.sharedStarts();
    }

    /**
     * Stops the worker while nothing waits to be read (the inbox's watcher at a poll that finds the inbox empty): the next
     * bundle starts one again. Nothing when none runs.
     */
    public void idle() {
        extractor.close();
    }

    /** Stops the worker (it writes the class-data archive then, when it is the first). */
    @Override
    public void close() {
        extractor.close();
    }

    /** The kept extractor as one ingestion sees it: its close, at the ingestion's end, leaves the worker running. */
    private record Lent(IsolatedExtractor kept) implements Extractor {
        @Override
        public Extraction extract(Path file) throws ExtractionException {
            return kept.extract(file);
        }

        @Override
        public void prepare() {
            kept.prepare();
        }

        @Override
        public void close() {
            // the worker stays for the next bundle; KeptWorkers#close stops it
        }
    }
}
