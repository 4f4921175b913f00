package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Lucene's UnifiedHighlighter, answering offsets instead of marked-up text: the fragments of a snippet
 * and the words matched in them. The highlighter's object-returning method is protected, hence the
 * subclass. One instance serves every search on one index snapshot (it is thread-safe).
 */
final class OffsetHighlighter extends UnifiedHighlighter {
    /** What the highlighter found in one passage's text. */
    record Highlight(List<TextRange> fragments, List<TextRange> matches) {
        static final Highlight NONE = new Highlight(List.of(), List.of());
    }

    /** The texts of the passages being highlighted, when the caller has read them already (per thread, per call). */
    private final ThreadLocal<IntFunction<String>> loadedTexts = new ThreadLocal<>();
    /** The matches of the call whose field highlighter is being made, for the strategies of its fields (per thread). */
    private final ThreadLocal<PageMatches> pageMatches = new ThreadLocal<>();
    /** The words the search sought before highlighting, with their states (per thread, per call; null: none). */
    private final ThreadLocal<SoughtTerms> soughtTerms = new ThreadLocal<>();
    /** The matches of the call whose field highlighter is being made, found by analysis (per thread; null: none). */
    private final ThreadLocal<AnalysedMatches> analysedMatches = new ThreadLocal<>();
    /** Whether a hit's matches may be found by analysing its text ({@link AnalysedMatches}); else from the postings only. */
    private final boolean analysed;
    /** The set-up of the call being made, kept for its query (per thread, per call). */
    private final ThreadLocal<Prepared> preparing = new ThreadLocal<>();
    /** The set-up kept per query highlighted, the least recently used let go first (guarded by itself). */
    private final Map<Object, Prepared> prepared = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Prepared> eldest) {
            return size() > PREPARED;
        }
    };

    /** How many queries' set-ups are kept at most: as many as the snapshot keeps read queries ({@link ReadQueries}). */
    static final int PREPARED = ReadQueries.SIZE;

    /**
     * What highlighting a query needs that depends on the query and this snapshot only, not on the hits: the query
     * without the parts that never show a match ({@link MatchingParts}), its plan of matches by analysis (null: none) and
     * Lucene's components of each field highlighted (its terms, automata and flags, {@code UHComponents}, which Lucene
     * makes from the query alone and never changes). Made once per query on a snapshot, where Lucene's highlighter and
     * the plan made them for every call (the thirty-fifth round's profile: 3.9% of a term search's thread), and read by
     * any thread at once: none of it is changed by highlighting.
     */
    private record Prepared(Query matching, AnalysedMatches.Plan plan, Map<String, UHComponents> components) {
    }

    private OffsetHighlighter(Builder builder, boolean analysed) {
        super(builder);
        this.analysed = analysed;
    }

    /** Snippets of up to {@code maxPassages} sentences, the best ones, each a match or the first sentence. */
    static OffsetHighlighter snippets(IndexSearcher searcher, Analyzer analyzer) {
        return snippets(searcher, analyzer, true);
    }

    /** As {@link #snippets(IndexSearcher, Analyzer)}; {@code analysed} false: every hit's matches from the postings. */
    static OffsetHighlighter snippets(IndexSearcher searcher, Analyzer analyzer, boolean analysed) {
        return new OffsetHighlighter(common(UnifiedHighlighter.builder(searcher, analyzer), true).withMaxNoHighlightPassages(1)
                .withBreakIterator(() -> new SentenceWindows(BreakIterator.getSentenceInstance(Locale.ROOT))), analysed);
    }

    /** Every match in the whole text, as found (the passage is one fragment; overlaps not merged). */
    static OffsetHighlighter wholeText(IndexSearcher searcher, Analyzer analyzer) {
        return wholeText(searcher, analyzer, true);
    }

    /** As {@link #wholeText(IndexSearcher, Analyzer)}; {@code analysed} false: every hit's matches from the postings. */
    static OffsetHighlighter wholeText(IndexSearcher searcher, Analyzer analyzer, boolean analysed) {
        return new OffsetHighlighter(common(UnifiedHighlighter.builder(searcher, analyzer), false)
                .withBreakIterator(WholeBreakIterator::new), analysed);
    }

    private static Builder common(Builder b, boolean merge) {
        return b.withFormatter(new OffsetFormatter(merge))
                .withScorer(new SnippetScorer())
                // A match on a compound part marks the whole word in the text.
                .withMaskedFieldsFunc(f -> PassageSchema.TEXT.equals(f) ? Set.of(PassageSchema.PARTS) : Set.of());
    }

    /**
     * As {@link #highlight(String, Query, int[], int)}, taking each passage's text from {@code textOf}
     * (by Lucene document id) instead of reading its stored field a second time.
     */
    Highlight[] highlight(String field, Query query, int[] docIds, int maxPassages, IntFunction<String> textOf)
            throws IOException {
        return highlight(field, query, docIds, maxPassages, textOf, null);
    }

    /**
     * As {@link #highlight(String, Query, int[], int)}, taking each passage's text from {@code textOf}
     * (by Lucene document id) instead of reading its stored field a second time, and each word the search has
     * {@code sought} (null: none) from where it found it instead of seeking it again.
     */
    Highlight[] highlight(String field, Query query, int[] docIds, int maxPassages, IntFunction<String> textOf,
                          SoughtTerms sought) throws IOException {
        return highlight(field, prepared(query, false), docIds, maxPassages, textOf, sought);
    }

    /**
     * As {@link #highlight(String, Query, int[], int, IntFunction, SoughtTerms)} for {@code hits} that are hits of
     * {@code query}: without the parts of the query that a snippet of its own hits never shows ({@link TextMatchingParts}),
     * worked out once per query.
     */
    Highlight[] highlightHits(String field, Query query, int[] hits, int maxPassages, IntFunction<String> textOf,
                              SoughtTerms sought) throws IOException {
        return highlight(field, prepared(query, true), hits, maxPassages, textOf, sought);
    }

    /** The key of {@link #highlightHits}'s set-up for {@code query}: its hits only, the query trimmed for them. */
    private record HitsOf(Query query) {
    }

    private Highlight[] highlight(String field, Prepared kept, int[] docIds, int maxPassages, IntFunction<String> textOf,
                                  SoughtTerms sought) throws IOException {
        loadedTexts.set(textOf);
        soughtTerms.set(sought);
        try {
            return highlight(field, kept, docIds, maxPassages);
        } finally {
            loadedTexts.remove();
            soughtTerms.remove();
        }
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        IntFunction<String> textOf = loadedTexts.get();
        if (textOf == null || fields.length != 1) {
            return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            values.add(new CharSequence[] {textOf.apply(doc)});
        }
        return values;
    }

    /**
     * One {@link PageMatches} per call and field, and the query's {@link AnalysedMatches} (null: none), shared by the
     * strategies of the field and its masked fields.
     */
    @Override
    protected FieldHighlighter getFieldHighlighter(String field, Query query, Set<Term> allTerms, int maxPassages) {
        pageMatches.set(new PageMatches(query, searcher.getIndexReader(), soughtTerms.get()));
        try {
            Prepared kept = keptFor(query);
            AnalysedMatches.Plan plan = kept != null ? kept.plan()
                    : analysed ? AnalysedMatches.plan(query, searcher, getIndexAnalyzer()) : null;
            analysedMatches.set(plan == null ? null : plan.matches());
            return super.getFieldHighlighter(field, query, allTerms, maxPassages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pageMatches.remove();
            analysedMatches.remove();
        }
    }

    /** The set-up kept for the call being made when it highlights {@code query}, else null (a call of Lucene's own). */
    private Prepared keptFor(Query query) {
        Prepared kept = preparing.get();
        return kept != null && kept.matching() == query ? kept : null;
    }

    /** Lucene's components of {@code field} for {@code query}: those kept for the query, made once. */
    @Override
    protected UHComponents getHighlightComponents(String field, Query query, Set<Term> allTerms) {
        Prepared kept = keptFor(query);
        if (kept == null) {
            return super.getHighlightComponents(field, query, allTerms);
        }
        // allTerms are the query's own terms (Lucene extracts them from it), so they are the same for every call of it.
        return kept.components().computeIfAbsent(field, f -> super.getHighlightComponents(f, query, allTerms));
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
        PageMatches page = pageMatches.get();
        if (page != null && offsetSource == OffsetSource.POSTINGS
                && components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES) && readsOwnFieldOnly(components)) {
            return new WeightPerLeafOffsets(components, page, analysedMatches.get());
        }
        return super.getOffsetStrategy(offsetSource, components);
    }

    /**
     * Whether the strategy's matcher accepts its own field and no other field the highlighter reads (this highlighter
     * sets no field matcher, so Lucene's is "the field itself", which accepts no other field at all): Lucene's strategy
     * then reads every field as itself, one Weight on the segments as they are serves the text and its parts alike,
     * and of a hit's matches only those of the strategy's own field are highlighted ({@link WeightPerLeafOffsets}).
     */
    private static boolean readsOwnFieldOnly(UHComponents components) {
        if (!components.getFieldMatcher().test(components.getField())) {
            return false;
        }
        for (String f : List.of(PassageSchema.TEXT, PassageSchema.PARTS, PassageSchema.HEADING)) {
            if (!f.equals(components.getField()) && components.getFieldMatcher().test(f)) {
                return false;
            }
        }
        return true;
    }

    /** The highlights of {@code field} in each of {@code docIds} (index order of the answer = of the ids). */
    Highlight[] highlight(String field, Query query, int[] docIds, int maxPassages) throws IOException {
        return highlight(field, prepared(query, false), docIds, maxPassages);
    }

    private Highlight[] highlight(String field, Prepared kept, int[] docIds, int maxPassages) throws IOException {
        int[] max = new int[] {maxPassages};
        Object[] found;
        preparing.set(kept);
        try {
            found = highlightFieldsAsObjects(new String[] {field}, kept.matching(), docIds, max).get(field);
        } finally {
            preparing.remove();
        }
        Highlight[] out = new Highlight[docIds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = found[i] instanceof Highlight h ? h : Highlight.NONE;
        }
        return out;
    }

    /** Whether the set-up for {@code query} ({@code hitsOnly}: for {@link #highlightHits}) is kept (for tests). */
    boolean keeps(Query query, boolean hitsOnly) {
        synchronized (prepared) {
            return prepared.containsKey(hitsOnly ? new HitsOf(query) : query);
        }
    }

    /**
     * The set-up kept for highlighting {@code query} ({@code hitsOnly}: its own hits only, {@link #highlightHits}), made
     * now when it is not kept yet.
     */
    private Prepared prepared(Query query, boolean hitsOnly) throws IOException {
        Object key = hitsOnly ? new HitsOf(query) : query;
        synchronized (prepared) {
            Prepared kept = prepared.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // Made outside the lock: two threads that highlight the same new query at once each make it, and keep equal ones.
        // Without the parts that never show a match: the same terms, automata and matches, less to rewrite and weigh.
        Query matching = MatchingParts.of(hitsOnly ? TextMatchingParts.of(MatchingParts.of(query)) : query);
        Prepared made = new Prepared(matching, analysed ? AnalysedMatches.plan(matching, searcher, getIndexAnalyzer()) : null,
                new ConcurrentHashMap<>());
        synchronized (prepared) {
            prepared.put(key, made);
        }
        return made;
    }

    /**
     * Passages as offsets. Overlapping matches are merged and a match is cut at its fragment's end,
     * as Lucene's DefaultPassageFormatter does when it marks them up.
     */
    static final class OffsetFormatter extends PassageFormatter {
        private final boolean merge;

        OffsetFormatter(boolean merge) {
            this.merge = merge;
        }

        @Override
        public Object format(Passage[] passages, String content) {
            List<TextRange> fragments = new ArrayList<>(passages.length);
            List<TextRange> matches = new ArrayList<>();
            for (Passage p : passages) {
                fragments.add(new TextRange(p.getStartOffset(), p.getEndOffset()));
                int[] starts = p.getMatchStarts();
                int[] ends = p.getMatchEnds();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = starts[i];
                    int end = ends[i];
                    while (merge && i + 1 < p.getNumMatches() && starts[i + 1] < end) {
                        end = Math.max(end, ends[++i]);
                    }
                    matches.add(new TextRange(start, merge ? Math.min(end, p.getEndOffset()) : end));
                }
            }
            return new Highlight(fragments, matches);
        }
    }
}
