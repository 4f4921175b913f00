package no.evidens.pipeline.web;

import java.util.Optional;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexHealth;
import no.evidens.pipeline.findings.SearcherSource;

/**
 * The server's one searcher over the home's index, for the handlers and (lent per call) the findings
 * service; 409 while there is no index yet.
 */
final class SharedIndex implements SearcherSource {
    private final EvidenceIndex searcher;

    SharedIndex(EvidenceIndex searcher) {
        this.searcher = searcher;
    }

    /** The searcher, or 409 while there is no index. */
    EvidenceIndex searcher() {
        if (!searcher.hasIndex()) {
            throw new ApiError(409, "error.no-index");
        }
        return searcher;
    }

    /** The searcher, or null while there is no index (for the health check). */
    EvidenceIndex searcherIfAny() {
        return searcher.hasIndex() ? searcher : null;
    }

    /** Whether the index could be written now, as its back end knows at once ({@link EvidenceIndex#writable()}). */
    boolean writable() {
        return searcher.writable();
    }

    /** What a look at the index's cluster finds; empty for the embedded index ({@link EvidenceIndex#health()}). */
    Optional<IndexHealth> health() {
        return searcher.health();
    }

    @Override
    public Lease lease() {
        return Lease.lent(searcher());
    }
}
