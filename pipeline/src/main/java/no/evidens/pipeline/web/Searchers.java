package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.pipeline.EvidensHome;

/**
 * The searcher over the home's index, shared by all requests and opened again when the index has a
 * new commit (after an ingestion, here or by the command line). Each request leases it, so a searcher
 * is closed only when the last request using it is done.
 */
final class Searchers implements AutoCloseable {
    private final EvidensHome home;
    private Lease current;
    private String generation;

    Searchers(EvidensHome home) {
        this.home = home;
    }

    /** A searcher for one request; close the lease when done. */
    synchronized Lease lease() {
        String now = latestCommit();
        if (now == null) {
            throw new ApiError(409, "there is no evidence index yet: upload a bundle first (Innlesing)");
        }
        if (current == null || !now.equals(generation)) {
            Path synonyms = home.root().resolve(EvidensHome.SYNONYMS);
            EvidenceSearcher s = new EvidenceSearcher(home.index(),
                    NorwegianAnalysis.queryAnalyzer(Files.isRegularFile(synonyms) ? synonyms : null));
            if (current != null) {
                current.release();
            }
            current = new Lease(s);
            generation = now;
        }
        current.refs.incrementAndGet();
        return current;
    }

    /** The name of the index's latest commit point ({@code segments_N}), or null when there is no index. */
    private String latestCommit() {
        Path dir = home.index();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("segments_"))
                    .max((a, b) -> Long.compare(gen(a), gen(b)))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long gen(String segmentsFile) {
        return Long.parseLong(segmentsFile.substring("segments_".length()), Character.MAX_RADIX);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    /** A leased searcher. Starts with one reference held by {@link Searchers} itself. */
    static final class Lease implements AutoCloseable {
        private final EvidenceSearcher searcher;
        private final AtomicInteger refs = new AtomicInteger(1);

        private Lease(EvidenceSearcher searcher) {
            this.searcher = searcher;
        }

        EvidenceSearcher searcher() {
            return searcher;
        }

        private void release() {
            if (refs.decrementAndGet() == 0) {
                try {
                    searcher.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            release();
        }
    }
}
