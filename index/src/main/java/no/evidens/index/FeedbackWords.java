package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Pseudo-relevance feedback for a relaxed search (RM3-like query expansion): the words that stand often in the first
 * {@code k} passages of the query's own ranking (as a share of each passage's words, in at least two of them) and
 * seldom in the index (at most 5% of its entries; weighed by idf) are added to its ranking part, each as a constant
 * bonus in proportion to that weight, all of them together {@code weight} of a word's tier. The query's matching part
 * is unchanged, so no passage becomes a hit by expansion words alone, and a passage holding one more of the query's
 * words always stays ahead: the bonus orders passages within what the tiers leave, as a tie-break. It costs a second
 * search of the first {@code k} hits, reading and analysing their text, and is made only for a search that widened
 * (two or more words, too few passages holding all of them).
 * <p>
 * Lucene's core and queries module have no RM3-style expansion (Anserini, a research toolkit on Lucene, has one; too
 * large a dependency for one bonus), and the index keeps no term vectors, so the first passages' stored text is
 * analysed again here, with the chain that wrote it.
 */
final class FeedbackWords {
    /**
     * The settings, or null: no feedback (the default). Measured on the real-text dev queries and not made the default,
     * since it cost the sample set (docs/relevance-rounds.md, thirty-fifth round); the system property {@code evidens.prf}
     * turns it on for measuring: {@code k:m:weight[:least query terms:least passages:greatest share of the index[:gap]]},
     * such as {@code 20:20:0.02}, or {@code 20:20:0.02:2:2:0.05:0.5} to read only the first tier's passages.
     */
    static final Settings SETTINGS = Settings.parse(System.getProperty("evidens.prf"));

    /**
     * How many first passages are read, how many words are added, their bonus together as a share of a tier, the
     * fewest text terms the query must seek, the fewest first passages a word must stand in, the greatest share of
     * the index's entries that may hold it, and how far below the first passage (as a share of a word's tier) a passage
     * may score and still be read: with a gap below one, only passages holding as many of the query's words as the
     * first (its tier) give words, so that a passage holding part of the question does not drift the query to its
     * report's topic (unset: no limit, every one of the first {@code k}).
     */
    record Settings(int k, int m, float weight, int minTerms, int minPassages, float maxShare, float gap) {
        /** The settings written as {@code k:m:weight[:minTerms:minPassages:maxShare[:gap]]}, or null for {@code off}. */
        static Settings parse(String s) {
            if (s == null || s.isBlank() || s.strip().equals("off")) {
                return null;
            }
            String[] p = s.strip().split(":");
            return new Settings(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Float.parseFloat(p[2]),
                    p.length > 3 ? Integer.parseInt(p[3]) : 2, p.length > 4 ? Integer.parseInt(p[4]) : 2,
                    p.length > 5 ? Float.parseFloat(p[5]) : 0.05f,
                    p.length > 6 ? Float.parseFloat(p[6]) : Float.POSITIVE_INFINITY);
        }
    }

    private FeedbackWords() {
    }

    /**
     * The read relaxed query {@code read} with the feedback words of its first passages added to its ranking part, or
     * {@code read} itself when there are none. {@code base} is the search as it runs (the query with its filters).
     */
    static Query added(IndexSearcher s, Query read, Query base, Analyzer analyzer, Settings settings) throws IOException {
        Set<String> own = textTerms(read);
        if (own.size() < settings.minTerms() || !(read instanceof ScoredQuery scored)) {
            return read;
        }
        ScoreDoc[] top = firstTier(first(s, base, settings.k()), settings.gap());
        if (top.length < settings.minPassages()) {
            return read;
        }
        IndexReader reader = s.getIndexReader();
        int n = reader.numDocs();
        Map<String, Double> weight = new HashMap<>();
        Map<String, Integer> passages = new HashMap<>();
        for (ScoreDoc sd : top) {
            String text = s.storedFields().document(sd.doc, Set.of(PassageSchema.TEXT)).get(PassageSchema.TEXT);
            if (text == null) {
                continue;
            }
            Map<String, Integer> tf = terms(indexed(analyzer), text);
            int length = tf.values().stream().mapToInt(Integer::intValue).sum();
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                if (own.contains(e.getKey())) {
                    continue;
                }
                weight.merge(e.getKey(), (double) e.getValue() / Math.max(1, length), Double::sum);
                passages.merge(e.getKey(), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Double>> candidates = new ArrayList<>();
        for (Map.Entry<String, Double> e : weight.entrySet()) {
            if (passages.get(e.getKey()) < settings.minPassages()) {
                continue;
            }
            int df = reader.docFreq(new Term(PassageSchema.TEXT, e.getKey()));
            if (df == 0 || df > n * settings.maxShare()) {
                continue;
            }
            candidates.add(Map.entry(e.getKey(), e.getValue() * Math.log((double) n / df)));
        }
        candidates.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<Map.Entry<String, Double>> chosen = candidates.subList(0, Math.min(settings.m(), candidates.size()));
        if (chosen.isEmpty()) {
            return read;
        }
        double sum = chosen.stream().mapToDouble(Map.Entry::getValue).sum();
        BooleanQuery.Builder bonus = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> e : chosen) {
            bonus.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(PassageSchema.TEXT, e.getKey()))),
                    (float) (QueryReader.WORD_TIER * settings.weight() * e.getValue() / sum)), BooleanClause.Occur.SHOULD);
        }
        Query ranking = new BooleanQuery.Builder()
                .add(scored.scoring(), BooleanClause.Occur.MUST)
                .add(new ScoreOnly(bonus.build()), BooleanClause.Occur.SHOULD)
                .build();
        return ScoredQuery.of(scored.matching(), ranking);
    }

    /**
     * The first {@code k} passages of {@code base} in the order of a relevance page: by score, ties in file order, then by
     * place ({@link EvidenceSearcher#BY_RELEVANCE}), so that the same reports give the same feedback however parallel
     * ingestion ordered their entries (by score alone, ties go by entry number). With their scores: Lucene's {@code
     * search(Query, int, Sort)} leaves a hit's {@code score} NaN and keeps it among the sort values only, and {@link
     * #firstTier}'s comparisons with NaN are all false, so it kept no passage (round 36's "the relevance sort found none").
     */
    static ScoreDoc[] first(IndexSearcher s, Query base, int k) throws IOException {
        return s.search(base, k, EvidenceSearcher.BY_RELEVANCE, true).scoreDocs;
    }

    /** The first of {@code top} (best first) scoring at most {@code gap} of a word's tier below the first one. */
    static ScoreDoc[] firstTier(ScoreDoc[] top, float gap) {
        int n = 0;
        while (n < top.length && top[n].score >= top[0].score - gap * QueryReader.WORD_TIER) {
            n++;
        }
        return n == top.length ? top : java.util.Arrays.copyOf(top, n);
    }

    /** The terms of the text field that {@code q} seeks. */
    static Set<String> textTerms(Query q) {
        Set<String> out = new HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    if (t.field().equals(PassageSchema.TEXT)) {
                        out.add(t.text());
                    }
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return out;
    }

    /**
     * The analyzer that wrote the text field of an index searched with {@code analyzer}: the Evidens chain for its query
     * analyzer (which adds synonyms and other forms a passage's entry does not hold), the analyzer itself otherwise.
     */
    private static Analyzer indexed(Analyzer analyzer) {
        return analyzer instanceof NorwegianAnalysis.QueryAnalyzer ? Indexed.ANALYZER : analyzer;
    }

    /** The Evidens index chain, made on first use. */
    private static final class Indexed {
        static final Analyzer ANALYZER = NorwegianAnalysis.analyzer();
    }

    /** How often each term of the text field stands in {@code text}: the terms its entry holds, as a term vector would give. */
    static Map<String, Integer> terms(Analyzer analyzer, String text) {
        Map<String, Integer> out = new HashMap<>();
        try (TokenStream ts = analyzer.tokenStream(PassageSchema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 2) {
                    out.merge(term.toString(), 1, Integer::sum);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
