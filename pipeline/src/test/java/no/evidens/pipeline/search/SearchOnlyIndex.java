package no.evidens.pipeline.search;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexHealth;
import no.evidens.index.IndexedDocument;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;

/**
 * A test's index that only searches: an index is there, and every look-up of a passage, a document, its neighbours or
 * its marks finds nothing. A test gives {@link #search} its answers.
 */
public abstract class SearchOnlyIndex implements EvidenceIndex {
    /**
     * An index that finds nothing and could be written while {@code writable} says so (a team server's, whose back end knows
     * at once whether ZooKeeper and a live node answer).
     */
    public static SearchOnlyIndex writableWhen(BooleanSupplier writable) {
        return new SearchOnlyIndex() {
            @Override
            public SearchResult search(SearchRequest request) {
                return null;
            }

            @Override
            public boolean writable() {
                return writable.getAsBoolean();
            }
        };
    }

    /** An index that finds nothing and whose look at its cluster finds {@code health} (a SolrCloud's). */
    public static SearchOnlyIndex withHealth(IndexHealth health) {
        return new SearchOnlyIndex() {
            @Override
            public SearchResult search(SearchRequest request) {
                return null;
            }

            @Override
            public Optional<IndexHealth> health() {
                return Optional.of(health);
            }
        };
    }

    @Override
    public boolean hasIndex() {
        return true;
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public Optional<SearchHit> passage(String passageId) {
        return Optional.empty();
    }

    @Override
    public List<SearchHit> passagesOf(String caseId, String docId) {
        return List.of();
    }

    @Override
    public List<SearchHit> context(String passageId, int before, int after) {
        return List.of();
    }

    @Override
    public SearchResult moreLikeThis(String passageId, String documentType, int limit) {
        return null;
    }

    @Override
    public List<Mark> marks(String caseId, String docId, String queryText) {
        return List.of();
    }

    @Override
    public Optional<IndexedDocument> document(String caseId, String docId) {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
