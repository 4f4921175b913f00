package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;

/**
 * The hits of a query made only of words, as a bit set per segment: a term's postings without frequencies or
 * positions ({@link PostingsEnum#NONE}) ORed into the set ({@link #orDocs}), sets of alternatives ORed,
 * exclusions removed. No scorer, no heap of clauses, no window of buckets: for a search that
 * only counts, Lucene's disjunction scorer did the same union one document at a time (its bulk scorer sorts the
 * hits of each window of 2,048 documents through a bucket table), which was the larger part of counting a word's
 * hits. Deleted entries are left in the set: the caller skips them ({@link LeafReader#getLiveDocs()}).
 * <p>
 * What it reads: {@link TermQuery}, {@link SynonymQuery}, {@link BoostQuery} and {@link ConstantScoreQuery} around
 * them, and {@link BooleanQuery} of those with at most one required clause and no minimum of optional clauses.
 * Anything else (two required parts, phrases, prefixes, ranges, drill-downs) has no plan ({@link #of} gives null)
 * and is counted as before.
 */
final class TermSetHits {
    /** A part of the query, evaluated per segment into a fresh bit set. */
    private sealed interface Node permits Words, AllOf, AnyOf, Nothing {
    }

    /** Any of these terms. */
    private record Words(List<Term> terms) implements Node {
    }

    /** The one part of {@code required}, none of {@code excluded}. */
    private record AllOf(List<Node> required, List<Node> excluded) implements Node {
    }

    /** Any of {@code optional}, none of {@code excluded}. */
    private record AnyOf(List<Node> optional, List<Node> excluded) implements Node {
    }

    /** Matches nothing (a boolean query of exclusions only, as Lucene reads it). */
    private record Nothing() implements Node {
    }

    private final Node root;

    private TermSetHits(Node root) {
        this.root = root;
    }

    /** The plan of {@code query}, or null when it is not made of words only. */
    static TermSetHits of(Query query) {
        Node root = node(query);
        return root == null ? null : new TermSetHits(root);
    }

    private static Node node(Query q) {
        if (q instanceof TermQuery t) {
            return new Words(List.of(t.getTerm()));
        }
        if (q instanceof SynonymQuery s) {
            return new Words(s.getTerms());
        }
        if (q instanceof BoostQuery b) {
            return node(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return node(c.getQuery());
        }
        if (q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
            return booleanNode(b);
        }
        return null;
    }

    private static Node booleanNode(BooleanQuery b) {
        List<Node> required = new ArrayList<>();
        List<Node> optional = new ArrayList<>();
        List<Node> excluded = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            Node n = node(c.getQuery());
            if (n == null) {
                return null;
            }
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(n);
                case SHOULD -> optional.add(n);
                case MUST_NOT -> excluded.add(n);
            }
        }
        // An intersection is left to Lucene's conjunction, which leaps from hit to hit of the rarest part: ANDing
        // whole bit sets cost twice its time for the bench's two-word queries.
        if (required.size() > 1) {
            return null;
        }
        // Beside a required clause, optional ones only score (no minimum of them is asked): they match nothing more.
        if (!required.isEmpty()) {
            return new AllOf(required, excluded);
        }
        return optional.isEmpty() ? new Nothing() : new AnyOf(optional, excluded);
    }

    /** The segment's entries that match, deleted ones included. */
    FixedBitSet hits(LeafReader leaf) throws IOException {
        return hits(leaf, null);
    }

    /**
     * The segment's entries that match, deleted ones included; every word sought is noted in {@code sought} (null: not
     * noted) with its state in the segment, for the same search's highlighting.
     */
    FixedBitSet hits(LeafReaderContext leaf, SoughtTerms sought) throws IOException {
        return hits(leaf.reader(), sought == null ? null : new Noting(sought, leaf.ord));
    }

    private FixedBitSet hits(LeafReader leaf, Noting noting) throws IOException {
        FixedBitSet out = new FixedBitSet(Math.max(1, leaf.maxDoc()));
        evaluate(root, leaf, out, noting);
        return out;
    }

    /** Where the words sought in one segment are noted. */
    private record Noting(SoughtTerms sought, int ord) {
    }

    /**
     * Adds the entries that match {@code node} to {@code out}. A word's forms and fields, and the alternatives of a part
     * without exclusions, go straight into {@code out}: one bit set for the whole union, not a fresh one per form, field
     * or alternative that is then ORed in (for a word in text, parts and heading, that was three sets and two passes over
     * them per segment).
     */
    private static void or(Node node, LeafReader leaf, FixedBitSet out, Noting noting) throws IOException {
        if (node instanceof Words w) {
            orPostings(w.terms(), leaf, out, noting);
        } else if (node instanceof AnyOf a && a.excluded().isEmpty()) {
            for (Node n : a.optional()) {
                or(n, leaf, out, noting);
            }
        } else if (node instanceof AllOf a && a.excluded().isEmpty()) {
            or(a.required().get(0), leaf, out, noting);
        } else {
            FixedBitSet own = new FixedBitSet(out.length());
            evaluate(node, leaf, own, noting);
            out.or(own);
        }
    }

    /** Sets in {@code out}, which is empty, the entries that match {@code node}. */
    private static void evaluate(Node node, LeafReader leaf, FixedBitSet out, Noting noting) throws IOException {
        if (node instanceof AllOf a) {
            or(a.required().get(0), leaf, out, noting);
            without(out, a.excluded(), leaf, noting);
        } else if (node instanceof AnyOf a) {
            for (Node n : a.optional()) {
                or(n, leaf, out, noting);
            }
            without(out, a.excluded(), leaf, noting);
        } else if (node instanceof Words) {
            or(node, leaf, out, noting);
        }
        // Nothing: out stays empty
    }

    private static void without(FixedBitSet set, List<Node> excluded, LeafReader leaf, Noting noting) throws IOException {
        if (excluded.isEmpty()) {
            return;
        }
        FixedBitSet out = new FixedBitSet(set.length());
        for (Node n : excluded) {
            or(n, leaf, out, noting);
        }
        set.andNot(out);
    }

    /** ORs the postings of {@code terms} into {@code out}: without frequencies or positions. */
    private static void orPostings(List<Term> terms, LeafReader leaf, FixedBitSet out, Noting noting) throws IOException {
        String field = null;
        TermsEnum te = null;
        PostingsEnum postings = null;
        for (Term t : terms) {
            if (!t.field().equals(field)) {
                field = t.field();
                Terms inField = leaf.terms(field);
                te = inField == null ? null : inField.iterator();
            }
            if (te == null) {
                continue;
            }
            boolean found = te.seekExact(t.bytes());
            if (noting != null) {
                noting.sought().put(noting.ord(), t, found ? new SoughtTerms.Found(te.termState(), te.docFreq(), te.totalTermFreq()) : null);
            }
            if (found) {
                postings = te.postings(postings, PostingsEnum.NONE);
                orDocs(postings, out.getBits());
            }
        }
    }

    /**
     * Sets every entry of {@code postings} in {@code bits} (a bit set of the segment's size). {@link FixedBitSet#or} does
     * the same through {@code BitSet.or}, whose one loop serves every kind of iterator the process ORs (doc values, points,
     * other queries' hits), so its {@code nextDoc} call is seldom inlined; this loop sees the postings' iterators only.
     */
    private static void orDocs(PostingsEnum postings, long[] bits) throws IOException {
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            bits[doc >> 6] |= 1L << doc;
        }
    }
}
