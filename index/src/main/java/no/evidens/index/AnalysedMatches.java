package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * A hit's matches for the highlighter found by analysing its text again, where its postings were read for them: for a
 * query of words only (terms and synonyms of the text and its compound parts, in Boolean, boost and constant-score
 * queries, and the match-everything clause {@link TextMatchingParts} adds), the same matches, in the same order, with the
 * same offsets and the same names as Lucene's {@code Weight.matches} gives the postings strategy ({@link
 * WeightPerLeafOffsets}). Reading them from the postings was most of highlighting a page (a term's postings moved to
 * each hit, its positions and offsets decoded: the thirty-fifth round's profile, a tenth of a term search); analysing
 * a page's ten short texts costs a fraction of that. Lucene's own offset source by analysis ({@code
 * MemoryIndexOffsetStrategy}) builds an in-memory index and the query's Weight for every hit, which costs more than
 * the postings; hence this class.
 * <p>
 * What it gives is what Lucene's gives because: the passage's text is stored as it was indexed and the index was
 * written with {@link NorwegianAnalysis#analyzer()} ({@link NorwegianAnalysis#searchesEvidensAnalysis}), so the
 * tokens, positions and offsets are the postings'; a word query matches a hit where its term occurs, a Boolean query
 * as Lucene's {@code BooleanWeight.matches} decides (required parts all, no prohibited part, enough optional ones,
 * and only the matching parts' words shown); a field's matches come in position order, as Lucene's disjunction of
 * matches gives them, each named by its own term (as Lucene's matches of a word or synonym query name it to the
 * highlighter, whose passage score tells a sentence's words apart by it) with a frequency of 1. Where Lucene's order is
 * not fixed (two different matches at one position of a field), or the query does not match the text as analysed, the
 * hit is left to the postings (null). An instance serves one highlighting call (one thread); its {@link Plan} serves
 * every call of its query.
 */
final class AnalysedMatches {
    /** The analyzer the index is written with, shared: its chains are made once per thread. */
    private static final Analyzer INDEX_ANALYZER = NorwegianAnalysis.analyzer();
    /** The fields analysed, in the order the index writes them (the parts field replays the text's first steps). */
    private static final List<String> FIELDS = List.of(PassageSchema.TEXT, PassageSchema.PARTS);

    /** A part of the query, as its Weight decides whether it matches a document. */
    private sealed interface Node permits Words, All, Bool {
    }

    /** A term or synonym query of one field: matches where one of its terms occurs; {@code index}: its place in the plan. */
    private record Words(String field, List<BytesRef> terms, int index) implements Node {
    }

    /** A term sought in a field: the query's own bytes of it, and the word nodes that hold it. */
    private record Sought(BytesRef term, List<Words> words) {
    }

    /** Matches every document, with no terms. */
    private record All() implements Node {
    }

    private record Clause(Node node, BooleanClause.Occur occur) {
    }

    private record Bool(List<Clause> clauses, int minimumShould) implements Node {
    }

    /**
     * What a query's matches are found by: its parts as its Weight decides them, and per field the terms sought. It
     * depends on the query and the analysis only, not on a hit, and is not changed by finding matches, so one plan
     * serves every highlighting call of its query on any thread ({@link OffsetHighlighter} keeps it per query);
     * {@link #matches()} gives a call its own state.
     */
    static final class Plan {
        private final Node root;
        private final List<Words> words;
        /** Per field, its terms sought, by term. */
        private final Map<String, Map<BytesRef, Sought>> byTerm = new HashMap<>();

        private Plan(Node root, List<Words> words) {
            this.root = root;
            this.words = words;
            for (String f : FIELDS) {
                byTerm.put(f, new HashMap<>());
            }
            for (Words w : words) {
                for (BytesRef term : w.terms()) {
                    byTerm.get(w.field()).computeIfAbsent(term, t -> new Sought(t, new ArrayList<>(1))).words().add(w);
                }
            }
        }

        /** The matches of one highlighting call (one thread), found by this plan. */
        AnalysedMatches matches() {
            return new AnalysedMatches(this);
        }
    }

    private final Plan plan;
    /** Per word node of the plan, in the document analysed last: its terms' occurrences (position, start, end), in the order of the text. */
    private final List<List<int[]>> found;
    /** Per word node, the term of each occurrence in {@link #found}: what Lucene's highlighter names the match by. */
    private final List<List<BytesRef>> foundTerms;
    /** Per word node, whether its matches are shown (it matches, and so does every part above it that decides). */
    private final boolean[] shown;

    /** The document analysed last, and its matches per field (null: left to the postings). */
    private LeafReader lastLeaf;
    private int lastDoc = -1;
    private Map<String, Found> last;

    private AnalysedMatches(Plan plan) {
        this.plan = plan;
        int n = plan.words.size();
        this.found = new ArrayList<>(n);
        this.foundTerms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            found.add(new ArrayList<>());
            foundTerms.add(new ArrayList<>());
        }
        this.shown = new boolean[n];
    }

    /**
     * The matches of {@code query} (as the highlighter is given it) by analysis, or null when its hits are left to the
     * postings: a query of other parts, or an index whose analysis is not known ({@code analyzer}: the searcher's).
     */
    static AnalysedMatches of(Query query, IndexSearcher searcher, Analyzer analyzer) throws IOException {
        Plan plan = plan(query, searcher, analyzer);
        return plan == null ? null : plan.matches();
    }

    /** The plan of {@link #of}: the same, kept for every call of the query (null: its hits are left to the postings). */
    static Plan plan(Query query, IndexSearcher searcher, Analyzer analyzer) throws IOException {
        if (!NorwegianAnalysis.searchesEvidensAnalysis(analyzer) || !RewriteReadsNoIndex.test(query)) {
            return null;
        }
        // The query as its Weight is made from it: rewriting merges equal clauses and unwraps single ones.
        Query rewritten = searcher.rewrite(query);
        List<Words> words = new ArrayList<>();
        Node root = node(rewritten, words);
        return root == null ? null : new Plan(root, words);
    }

    private static Node node(Query q, List<Words> words) {
        if (q instanceof BoostQuery b) {
            return node(b.getQuery(), words);
        }
        if (q instanceof ConstantScoreQuery c) {
            return node(c.getQuery(), words);
        }
        if (q instanceof MatchAllDocsQuery) {
            return new All();
        }
        if (q instanceof TermQuery t) {
            return words(q, List.of(t.getTerm()), words);
        }
        if (q instanceof SynonymQuery s) {
            return s.getTerms().isEmpty() ? null : words(q, s.getTerms(), words);
        }
        if (q instanceof BooleanQuery b) {
            List<Clause> clauses = new ArrayList<>();
            for (BooleanClause c : b.clauses()) {
                Node n = node(c.getQuery(), words);
                if (n == null) {
                    return null;
                }
                clauses.add(new Clause(n, c.getOccur()));
            }
            return new Bool(clauses, b.getMinimumNumberShouldMatch());
        }
        return null;
    }

    private static Node words(Query q, List<Term> terms, List<Words> words) {
        String field = terms.get(0).field();
        if (!FIELDS.contains(field)) {
            return null;
        }
        Words w = new Words(field, terms.stream().map(Term::bytes).toList(), words.size());
        words.add(w);
        return w;
    }

    /**
     * The offsets of {@code field}'s matches in document {@code doc} of {@code leaf}, whose text is {@code content}:
     * {@link OffsetsEnum#EMPTY} when it has none; null when the document is left to the postings.
     */
    OffsetsEnum offsets(LeafReader leaf, int doc, String content, String field) throws IOException {
        if (leaf != lastLeaf || doc != lastDoc) {
            last = analyse(content);
            lastLeaf = leaf;
            lastDoc = doc;
        }
        if (last == null) {
            return null;
        }
        Found f = last.get(field);
        return f == null || f.starts.length == 0 ? OffsetsEnum.EMPTY : new FoundOffsets(f);
    }

    /** A field's matches in one document, in Lucene's order. */
    private record Found(int[] starts, int[] ends, BytesRef[] names) {
    }

    /** The matches of each field in {@code content}, or null when the document is left to the postings. */
    private Map<String, Found> analyse(String content) throws IOException {
        for (int i = 0; i < shown.length; i++) {
            found.get(i).clear();
            foundTerms.get(i).clear();
            shown[i] = false;
        }
        for (String field : FIELDS) {
            Map<BytesRef, Sought> sought = plan.byTerm.get(field);
            if (sought.isEmpty()) {
                continue;
            }
            try (TokenStream ts = INDEX_ANALYZER.tokenStream(field, content)) {
                TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                int position = -1;
                while (ts.incrementToken()) {
                    position += increment.getPositionIncrement();
                    Sought of = sought.get(term.getBytesRef());
                    if (of != null) {
                        for (Words w : of.words()) {
                            found.get(w.index()).add(new int[] {position, offset.startOffset(), offset.endOffset()});
                            foundTerms.get(w.index()).add(of.term());
                        }
                    }
                }
                ts.end();
            }
        }
        if (!matches(plan.root)) {
            // A hit of the query that its text as analysed does not match: the postings decide.
            return null;
        }
        show(plan.root);
        Map<String, Found> out = new HashMap<>();
        for (String field : FIELDS) {
            Found f = found(field);
            if (f == null) {
                return null;
            }
            out.put(field, f);
        }
        return out;
    }

    /** Whether {@code n} matches the document analysed, as its Weight's {@code matches} is null or not. */
    private boolean matches(Node n) {
        if (n instanceof Words w) {
            return !found.get(w.index()).isEmpty();
        }
        if (n instanceof All) {
            return true;
        }
        // As Lucene's BooleanWeight.matches: null when a required part does not match or a prohibited one does, when
        // fewer optional parts match than the minimum, or when no part's matches are kept.
        Bool b = (Bool) n;
        int should = 0;
        int kept = 0;
        for (Clause c : b.clauses()) {
            boolean m = matches(c.node());
            switch (c.occur()) {
                case MUST_NOT -> {
                    if (m) {
                        return false;
                    }
                }
                case MUST, FILTER -> {
                    if (!m) {
                        return false;
                    }
                    kept++;
                }
                case SHOULD -> {
                    if (m) {
                        should++;
                        kept++;
                    }
                }
            }
        }
        return should >= b.minimumShould() && kept > 0;
    }

    /** Marks the words whose matches a matching {@code n} shows: those of its matching parts, prohibited ones aside. */
    private void show(Node n) {
        if (n instanceof Words w) {
            shown[w.index()] = true;
        } else if (n instanceof Bool b) {
            for (Clause c : b.clauses()) {
                if (c.occur() != BooleanClause.Occur.MUST_NOT && matches(c.node())) {
                    show(c.node());
                }
            }
        }
    }

    /**
     * The shown matches of {@code field} in position order, or null when two different ones share a position (Lucene's
     * disjunction of matches then gives them in an order of its heap's, not known here).
     */
    private Found found(String field) {
        List<int[]> all = new ArrayList<>();
        List<BytesRef> names = new ArrayList<>();
        for (Words w : plan.words) {
            if (shown[w.index()] && w.field().equals(field)) {
                all.addAll(found.get(w.index()));
                names.addAll(foundTerms.get(w.index()));
            }
        }
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable: a word's own occurrences keep the text's order.
        Arrays.sort(order, (a, b) -> Integer.compare(all.get(a)[0], all.get(b)[0]));
        int[] starts = new int[order.length];
        int[] ends = new int[order.length];
        BytesRef[] named = new BytesRef[order.length];
        for (int i = 0; i < order.length; i++) {
            int[] at = all.get(order[i]);
            starts[i] = at[1];
            ends[i] = at[2];
            named[i] = names.get(order[i]);
            if (i > 0 && at[0] == all.get(order[i - 1])[0]
                    && (starts[i] != starts[i - 1] || ends[i] != ends[i - 1] || !named[i].bytesEquals(named[i - 1]))) {
                return null;
            }
        }
        return new Found(starts, ends, named);
    }

    /** A field's matches in one document for the highlighter: each with its offsets and name, a frequency of 1. */
    private static final class FoundOffsets extends OffsetsEnum {
        private final Found found;
        private int at = -1;

        FoundOffsets(Found found) {
            this.found = found;
        }

        @Override
        public boolean nextPosition() {
            return ++at < found.starts.length;
        }

        @Override
        public int freq() {
            return 1;
        }

        @Override
        public BytesRef getTerm() {
            return found.names[at];
        }

        @Override
        public int startOffset() {
            return found.starts[at];
        }

        @Override
        public int endOffset() {
            return found.ends[at];
        }
    }
}
