package no.evidens.pipeline.web;

import java.io.IOException;

import no.evidens.index.EvidenceIndex;
import no.evidens.pipeline.findings.SearcherSource;

/**
 * The server's one searcher over the home's index, for the handlers and (lent per call) the findings
 * service; 409 while there is no index yet.
 */
final class SharedIndex implements SearcherSource {
    private final EvidenceIndex searcher;
    private final SearchGate gate = SearchGate.configured();

    /** A search on the searcher. */
    @FunctionalInterface
    interface Search<T> {
        T on(EvidenceIndex searcher) throws IOException;
    }

    SharedIndex(EvidenceIndex searcher) {
        this.searcher = searcher;
    }

    /** A search made when the searcher has a place for it ({@link SearchGate}); 409 while there is no index. */
    <T> T searching(Search<T> search) throws IOException {
        EvidenceIndex s = searcher();
        return gate.through(() -> search.on(s));
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

    @Override
    public Lease lease() {
        return Lease.lent(searcher());
    }
}
