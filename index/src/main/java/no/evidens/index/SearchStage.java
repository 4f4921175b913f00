package no.evidens.index;

/**
 * How far into a search {@link EvidenceSearcher#searchUpTo} goes: the parts of a search, in the order a search does them.
 * For measuring what each part costs ({@code evidens bench search}), not for finding passages.
 */
public enum SearchStage {
    /** Reading the query text: its words' other forms, compounds no passage holds, the evidence prior. */
    QUERY,
    /** Counting every hit and its facets, and finding the page's hits in relevance order (the evidence bonus, skipping). */
    PAGE,
    /** The first page capped per document ({@link DocumentCap}). */
    CAP,
    /** The page's stored fields read. */
    STORED,
    /** The whole search: the page highlighted too. */
    ALL
}
