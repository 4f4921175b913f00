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
 * hit is left to the postings (null). One highlighting call, one thread.
 */
final class AnalysedMatches {
    /** The analyzer the index is written with, shared: its chains are made once per thread. */
    private static final Analyzer INDEX_ANALYZER = NorwegianAnalysis.analyzer();
    /** The fields analysed, in the order the index writes them (the parts field replays the text's first steps). */
    private static final List<String> FIELDS = List.of(PassageSchema.TEXT, PassageSchema.PARTS);

    /** A part of the query, as its Weight decides whether it matches a document. */
    private sealed interface Node permits Words, All, Bool {
    }

    /** A term or synonym query of one field: matches where one of its terms occurs. */
    private static final class Words implements Node {
        final String field;
        final List<BytesRef> terms;
        /** In the document analysed last: its terms' occurrences (position, start, end), in the order of the text. */
        final List<int[]> found = new ArrayList<>();
        /** The term of each occurrence in {@link #found}: what Lucene's highlighter names the match by. */
        final List<BytesRef> foundTerms = new ArrayList<>();
        /** Whether its matches are shown (it matches, and so does every part above it that decides). */
        boolean shown;

        Words(String field, List<BytesRef> terms) {
            this.field = field;
            this.terms = terms;
        }
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

    private final Node root;
    private final List<Words> words;
    /** Per field, its terms sought, by term. */
    private final Map<String, Map<BytesRef, Sought>> byTerm = new HashMap<>();

    /** The document analysed last, and its matches per field (null: left to the postings). */
    private LeafReader lastLeaf;
    private int lastDoc = -1;
    private Map<String, Found> last;

    private AnalysedMatches(Node root, List<Words> words) {
        this.root = root;
        this.words = words;
        for (String f : FIELDS) {
            byTerm.put(f, new HashMap<>());
        }
        for (Words w : words) {
            for (BytesRef term : w.terms) {
                byTerm.get(w.field).computeIfAbsent(term, t -> new Sought(t, new ArrayList<>(1))).words().add(w);
            }
        }
    }

    /**
     * The matches of {@code query} (as the highlighter is given it) by analysis, or null when its hits are left to the
     * postings: a query of other parts, or an index whose analysis is not known ({@code analyzer}: the searcher's).
     */
    static AnalysedMatches of(Query query, IndexSearcher searcher, Analyzer analyzer) throws IOException {
        if (!NorwegianAnalysis.searchesEvidensAnalysis(analyzer) || !RewriteReadsNoIndex.test(query)) {
            return null;
        }
        // The query as its Weight is made from it: rewriting merges equal clauses and unwraps single ones.
        Query rewritten = searcher.rewrite(query);
        List<Words> words = new ArrayList<>();
        Node root = node(rewritten, words);
        return root == null ? null : new AnalysedMatches(root, words);
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
        Words w = new Words(field, terms.stream().map(Term::bytes).toList());
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
        for (Words w : words) {
            w.found.clear();
            w.foundTerms.clear();
            w.shown = false;
        }
        for (String field : FIELDS) {
            Map<BytesRef, Sought> sought = byTerm.get(field);
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
                            w.found.add(new int[] {position, offset.startOffset(), offset.endOffset()});
                            w.foundTerms.add(of.term());
                        }
                    }
                }
                ts.end();
            }
        }
        if (!matches(root)) {
            // A hit of the query that its text as analysed does not match: the postings decide.
            return null;
        }
        show(root);
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
    private static boolean matches(Node n) {
        if (n instanceof Words w) {
            return !w.found.isEmpty();
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
    private static void show(Node n) {
        if (n instanceof Words w) {
            w.shown = true;
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
        for (Words w : words) {
            if (w.shown && w.field.equals(field)) {
                all.addAll(w.found);
                names.addAll(w.foundTerms);
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
