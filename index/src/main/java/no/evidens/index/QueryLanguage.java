package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The Evidens query language and highlighting for an index held by another engine (SolrCloud): the
 * same parsing as {@link EvidenceSearcher}'s, so that the engine's plugin builds the very query the
 * embedded index runs, and the same highlighter, run on the hit's text in memory, so that offsets are
 * identical whatever engine found the hit.
 */
public final class QueryLanguage {
    private static final int SNIPPET_PASSAGES = 2;
    /** The index's analyzer, one for all calls: it keeps its chains (and their compound splits) per thread. */
    private static final Analyzer INDEXING = NorwegianAnalysis.analyzer();
    /** Runs of white space, where a query's text is cut into words (as {@code String.split("\\s+")}, compiled once). */
    static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Text holding query syntax: quotes, brackets, a field, a prefix or fuzzy mark, a boost, a sign that starts a word
     * ({@code -nav}, {@code +barnevern}), or a law paragraph's two numbers ({@code § 4-2}, read as the phrase of its
     * numbers, so that a passage citing it comes before one holding the numbers apart). A hyphen inside or at the end of
     * a word is the word's own ({@code helse- og sosialtjenestene}), as the classic syntax reads it too (compiled once).
     */
    private static final Pattern SYNTAX = Pattern.compile(".*([\"():*?~^]|(^|[\\s(])[+\\-]|\\d-\\d).*");
    /** Text holding an operator written out (compiled once). */
    private static final Pattern OPERATOR = Pattern.compile(".*\\b(AND|OR|NOT)\\b.*");

    private QueryLanguage() {
    }

    /**
     * The query for {@code text}: every word required, or any word enough.
     *
     * @throws QuerySyntaxException when the text cannot be read
     */
    public static Query read(String text, Analyzer queryAnalyzer, boolean anyWord) {
        return new QueryReader(queryAnalyzer).read(text, anyWord ? QueryParser.Operator.OR : QueryParser.Operator.AND);
    }

    /**
     * Below this many passages holding every word, a plain query goes on with the passages that hold some of
     * them: a natural phrase ("barnevernet svarte for sent på klagen") rarely has every word in one passage,
     * and the one or two that have them should not be all the auditor sees. Two pages' worth: a search with
     * 10–19 such passages left the rest of its top 20 empty, also when a report writes one of the words in
     * another form (issue 20: recall@20 on the real-text dev set 0.941 → 0.944, nDCG@10 unchanged).
     */
    public static final int WIDEN_BELOW = 20;

    /**
     * Whether a search whose every-word form found {@code allWords} passages is run again with any word
     * enough (those holding every word still come first): a plain query of two or more words that found
     * fewer than {@value #WIDEN_BELOW}. Searchers count {@code allWords} over the whole case, before type and
     * facet filters, so a filter that is clicked gives the number of hits its facet showed.
     */
    public static boolean widens(long allWords, String query) {
        return allWords < WIDEN_BELOW && relaxable(query);
    }

    /**
     * Whether a search that found {@code allWords} passages holding every word must count them over its
     * whole case too before {@link #widens} decides: only when a type or facet filter narrowed it, it found
     * too few to decide on its own, and its query could widen at all (a phrase or a single word never does,
     * whatever the count: counting it again over the whole case would be thrown away).
     */
    public static boolean countsWholeCase(long allWords, SearchRequest request) {
        return allWords < WIDEN_BELOW && request.narrowed() && relaxable(request.query());
    }

    /**
     * The facet dimension ({@link PassageSchema#FACET_DIMS}) a field name written in a query filters on, or null for a
     * name of another field or of none: {@code kommune} gives {@code kommune}, {@code indikator} {@code indicator},
     * {@code ar} and {@code year} {@code år}, in any case.
     */
    public static String facetOf(String writtenField) {
        String field = QueryReader.FIELDS.get(writtenField.toLowerCase(java.util.Locale.ROOT));
        if (PassageSchema.INDICATOR_QUERY.equals(field)) {
            return PassageSchema.INDICATOR;
        }
        return field != null && PassageSchema.FACET_DIMS.contains(field) ? field : null;
    }

    /** Whether a query that found nothing may be run again with any word enough: two or more plain words. */
    public static boolean relaxable(String query) {
        String q = query.strip();
        // The patterns are those String.matches compiled on every call (a search asks two or three times).
        return q.contains(" ") && !SYNTAX.matcher(q).matches() && !OPERATOR.matcher(q).matches();
    }

    /**
     * The hit with its snippet: the fragments and matches of {@code query} in its text.
     *
     * @param documentFacets the passage's document facets (kommune, tjeneste, år), which a query may name
     */
    public static SearchHit highlighted(SearchHit hit, Map<String, String> documentFacets, Query query, Analyzer queryAnalyzer)
            throws IOException {
        IndexSearcher one = inMemory(hit, documentFacets);
        OffsetHighlighter.Highlight h = OffsetHighlighter.snippets(one, queryAnalyzer)
                .highlight(PassageSchema.TEXT, query, new int[] {0}, SNIPPET_PASSAGES, doc -> hit.text())[0];
        return new SearchHit(hit.passageId(), hit.caseId(), hit.docId(), hit.file(), hit.type(), hit.title(), hit.heading(),
                hit.page(), hit.start(), hit.end(), hit.text(), hit.score(), hit.quotes(), hit.indicators(), hit.laws(),
                h.matches(), h.fragments(), hit.indicatorReasons());
    }

    /**
     * Every match of {@code query} in a passage's text, as offsets into its document (the passage's start
     * added), as found: a word matched in the text and in its parts (or through a synonym) comes more than
     * once, to be merged by the caller as {@link EvidenceSearcher#marks} merges them.
     */
    public static List<EvidenceIndex.Mark> marks(SearchHit passage, Map<String, String> documentFacets, Query query,
                                                 Analyzer queryAnalyzer) throws IOException {
        IndexSearcher one = inMemory(passage, documentFacets);
        OffsetHighlighter.Highlight h = OffsetHighlighter.wholeText(one, queryAnalyzer)
                .highlight(PassageSchema.TEXT, query, new int[] {0}, 1, doc -> passage.text())[0];
        List<EvidenceIndex.Mark> out = new ArrayList<>(h.matches().size());
        for (TextRange m : h.matches()) {
            out.add(new EvidenceIndex.Mark(passage.start() + m.start(), passage.start() + m.end()));
        }
        return out;
    }

    /**
     * One passage indexed in memory as the evidence index indexes it: text and parts with offsets, and every
     * field a query may name, so that the highlighter's matches (which need the whole query to match) are
     * the embedded index's. A memory index stores no text: the highlighter is handed it.
     */
    private static IndexSearcher inMemory(SearchHit p, Map<String, String> documentFacets) {
        MemoryIndex index = new MemoryIndex(true, false);
        index.addField(PassageSchema.TEXT, p.text(), INDEXING);
        index.addField(PassageSchema.PARTS, p.text(), INDEXING);
        index.addField(PassageSchema.HEADING, p.heading() == null ? "" : p.heading(), INDEXING);
        keyword(index, PassageSchema.KIND, PassageSchema.KIND_PASSAGE);
        keyword(index, PassageSchema.ID, p.passageId());
        keyword(index, PassageSchema.CASE, p.caseId());
        keyword(index, PassageSchema.DOC, p.docId());
        keyword(index, PassageSchema.FILE, p.file());
        keyword(index, PassageSchema.TYPE, p.type().toLowerCase(Locale.ROOT));
        for (String i : p.indicators()) {
            keyword(index, PassageSchema.INDICATOR, i);
            keyword(index, PassageSchema.INDICATOR_QUERY, i.toLowerCase(Locale.ROOT));
        }
        for (String law : p.laws()) {
            keyword(index, PassageSchema.LAW, law.toLowerCase(Locale.ROOT));
        }
        keyword(index, PassageSchema.HAS_QUOTE, p.quotes().isEmpty() ? PassageSchema.NO : PassageSchema.YES);
        documentFacets.forEach((dim, value) -> {
            if (PassageSchema.DOCUMENT_FACETS.contains(dim) && value != null && !value.isBlank()) {
                keyword(index, dim, value.strip().toLowerCase(Locale.ROOT));
            }
        });
        return index.createSearcher();
    }

    /** A value indexed as one exact term, as a StringField is. */
    private static void keyword(MemoryIndex index, String field, String value) {
        index.addField(new StringField(field, value, Field.Store.NO), INDEXING);
    }
}
