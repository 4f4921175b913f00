package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import no.evidens.index.EvidenceSearcher;

/**
 * Hands out the evidence index's searcher for one piece of work: the command line opens one and
 * closes it after; the web workspace lends its shared one. The findings code never opens a reader of
 * its own.
 */
@FunctionalInterface
public interface SearcherSource {
    /**
     * A searcher for one piece of work; close the lease when done.
     *
     * @throws IllegalStateException when there is no index yet
     */
    Lease lease();

    /** A searcher lent for a while. */
    interface Lease extends AutoCloseable {
        EvidenceSearcher searcher();

        @Override
        void close();

        /** Lends a searcher someone else owns and closes: closing the lease leaves it open. */
        static Lease lent(EvidenceSearcher searcher) {
            return new Lease() {
                @Override
                public EvidenceSearcher searcher() {
                    return searcher;
                }

                @Override
                public void close() {
                    // the owner closes the searcher; each call borrows from its SearcherManager
                }
            };
        }
    }

    /** Opens the index in {@code dir} for each lease, and closes it with the lease. */
    static SearcherSource opening(Path dir) {
        return () -> {
            EvidenceSearcher s = new EvidenceSearcher(dir);
            return new Lease() {
                @Override
                public EvidenceSearcher searcher() {
                    return s;
                }

                @Override
                public void close() {
                    try {
                        s.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot close the index: " + e.getMessage(), e);
                    }
                }
            };
        };
    }
}
