package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.UncheckedIOException;

import no.evidens.index.EvidenceIndex;
import no.evidens.pipeline.IndexBackend;

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
        EvidenceIndex searcher();

        @Override
        void close();

        /** Lends a searcher someone else owns and closes: closing the lease leaves it open. */
        static Lease lent(EvidenceIndex searcher) {
            return new Lease() {
                @Override
                public EvidenceIndex searcher() {
                    return searcher;
                }

                @Override
                public void close() {
                    // the owner closes the searcher; each call borrows from its SearcherManager
                }
            };
        }
    }

    /** Opens the home's index (embedded or on SolrCloud) for each lease, and closes it with the lease. */
    static SearcherSource opening(IndexBackend backend) {
        return () -> {
            EvidenceIndex s = backend.open();
            return new Lease() {
                @Override
                public EvidenceIndex searcher() {
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
