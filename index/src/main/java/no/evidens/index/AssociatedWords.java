package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;

/**
 * Words the searched case's own sentences associate with a natural query's words, as a tie-break (global co-occurrence
 * analysis; not feedback from the first hits, {@link FeedbackWords}, whose words drift to the first hits' reports). The
 * passages of the search holding any of the query's words are read (at most {@code sample}, in index order, so not
 * chosen by the ranking) and cut into sentences; for each of the query's content stems, every other word standing in a
 * sentence with it is weighed by its share of mutual information with the stem against all those sentences,
 * {@code p(t|q) log(p(t|q) / p(t))}: the background is the query's own passages, so the topic every query word's passages
 * share weighs nothing, and what stands beside one word more than beside the others counts. The words associated so with
 * at least {@code minWords} of the query's stems, in at least {@code minCo} sentences with each, and standing in at most
 * {@code maxShare} of the index's entries, the best {@code m} by their summed weight, are added to the ranking part as
 * constant bonuses worth {@code weight} of a word's tier together: a few points, so that they only order passages the
 * tiers and BM25 leave (nearly) tied. The matching part is unchanged: no passage becomes a hit by an associated word.
 * Only a widened search of at least {@code minQueryWords} words (a question or a statement) is touched.
 * <p>
 * Measured on the real-text dev queries (docs/relevance-rounds.md, fortieth round): nDCG@10 0.8525 → 0.8534, both halves
 * up, five queries up and none down; within passages instead of sentences, or at 0.005 of a tier and more, queries went
 * down. The index keeps no term vectors, so the passages' stored text is analysed again with the chain that wrote it, as
 * {@link FeedbackWords} does; Lucene has no co-occurrence statistics of its own.
 */
final class AssociatedWords {
    /** The settings in use: {@code sample:m:weight[:minWords:minCo:maxShare:minQueryWords]}. */
    static final String DEFAULT = "200:10:0.002";
    /**
     * The settings, or null for none: {@link #DEFAULT} unless the system property {@code evidens.assoc} gives others
     * ({@code off}: none), for measuring.
     */
    static final Settings SETTINGS = Settings.parse(System.getProperty("evidens.assoc", DEFAULT));
    /**
     * A sentence's end, or a list bullet or line break: report passages hold lists of findings, one a line, which a
     * sentence splitter (the JDK's {@code BreakIterator}) keeps in one sentence, and the index module holds no sentence
     * model (the pipeline's OpenNLP tagger is not on its class path).
     */
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?:;])\\s+|\\s*[\u2022\\n]\\s*");

    record Settings(int sample, int m, float weight, int minWords, int minCo, float maxShare, int minQueryWords) {
        static Settings parse(String s) {
            if (s == null || s.isBlank() || s.strip().equals("off")) {
                return null;
            }
            String[] p = s.strip().split(":");
            return new Settings(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Float.parseFloat(p[2]),
                    p.length > 3 ? Integer.parseInt(p[3]) : 2, p.length > 4 ? Integer.parseInt(p[4]) : 2,
                    p.length > 5 ? Float.parseFloat(p[5]) : 0.05f,
                    p.length > 6 ? Integer.parseInt(p[6]) : HeadingOnly.MIN_WORDS);
        }
    }

    private AssociatedWords() {
    }

    /**
     * The read relaxed query {@code read} of {@code text} with the words associated with it added to its ranking part, or
     * {@code read} itself when there are none. {@code base} is the search as it runs (the query with its filters).
     */
    static Query added(IndexSearcher s, Query read, Query base, String text, Analyzer analyzer, Settings settings)
            throws IOException {
        if (!(read instanceof ScoredQuery scored)
                || QueryLanguage.SPACES.split(text.strip()).length < settings.minQueryWords()) {
            return read;
        }
        Analyzer indexed = FeedbackWords.indexed(analyzer);
        IndexReader reader = s.getIndexReader();
        int n = reader.numDocs();
        Set<String> weak = WeakWords.stems(indexed, text);
        Set<String> stems = new LinkedHashSet<>();
        for (String t : FeedbackWords.terms(indexed, text).keySet()) {
            int df = reader.docFreq(new Term(PassageSchema.TEXT, t));
            if (!weak.contains(t) && df > 0 && df <= n * settings.maxShare()) {
                stems.add(t);
            }
        }
        if (stems.size() < settings.minWords()) {
            return read;
        }
        Set<String> own = FeedbackWords.textTerms(read);
        own.addAll(stems);
        List<Set<String>> sentences = sentences(s, base, indexed, settings.sample());
        Map<String, Integer> background = new HashMap<>();
        for (Set<String> terms : sentences) {
            for (String t : terms) {
                background.merge(t, 1, Integer::sum);
            }
        }
        Map<String, Double> weight = new HashMap<>();
        Map<String, Integer> words = new HashMap<>();
        Map<String, Boolean> rare = new HashMap<>();
        for (String q : stems) {
            Map<String, Integer> beside = new HashMap<>();
            int holding = 0;
            for (Set<String> terms : sentences) {
                if (terms.contains(q)) {
                    holding++;
                    for (String t : terms) {
                        beside.merge(t, 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<String, Integer> e : beside.entrySet()) {
                String t = e.getKey();
                if (e.getValue() < settings.minCo() || own.contains(t) || weak.contains(t)
                        || !rare.computeIfAbsent(t, x -> rare(reader, x, n * settings.maxShare()))) {
                    continue;
                }
                double given = (double) e.getValue() / holding;
                double prior = (double) background.get(t) / sentences.size();
                if (given > prior) {
                    weight.merge(t, given * Math.log(given / prior), Double::sum);
                    words.merge(t, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Double>> candidates = new ArrayList<>();
        for (Map.Entry<String, Double> e : weight.entrySet()) {
            if (words.get(e.getKey()) >= settings.minWords()) {
                candidates.add(e);
            }
        }
        candidates.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
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
     * The first {@code sample} passages of {@code base} in index order, cut into sentences, each as the terms it holds
     * (longer than two letters, as {@link FeedbackWords#terms}). Each passage is analysed once, its tokens put in their
     * sentence by their offsets. The passages are found by the query's matching part alone: its ranking part, run a
     * second time, cost as much as the search itself.
     */
    private static List<Set<String>> sentences(IndexSearcher s, Query base, Analyzer indexed, int sample) throws IOException {
        List<Set<String>> out = new ArrayList<>();
        for (ScoreDoc sd : s.search(ScoredQuery.matching(base), sample, Sort.INDEXORDER).scoreDocs) {
            String stored = s.storedFields().document(sd.doc, Set.of(PassageSchema.TEXT)).get(PassageSchema.TEXT);
            if (stored == null) {
                continue;
            }
            List<Integer> starts = new ArrayList<>();
            Matcher m = SENTENCES.matcher(stored);
            while (m.find()) {
                starts.add(m.end());
            }
            List<Set<String>> passage = new ArrayList<>();
            for (int i = 0; i <= starts.size(); i++) {
                passage.add(new HashSet<>());
            }
            try (TokenStream ts = indexed.tokenStream(PassageSchema.TEXT, stored)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                int sentence = 0;
                while (ts.incrementToken()) {
                    while (sentence < starts.size() && offset.startOffset() >= starts.get(sentence)) {
                        sentence++;
                    }
                    if (term.length() > 2) {
                        passage.get(sentence).add(term.toString());
                    }
                }
                ts.end();
            }
            for (Set<String> terms : passage) {
                if (!terms.isEmpty()) {
                    out.add(terms);
                }
            }
        }
        return out;
    }

    /** Whether {@code term} stands in the text of at least one and at most {@code most} of the index's entries. */
    private static boolean rare(IndexReader reader, String term, float most) {
        try {
            int df = reader.docFreq(new Term(PassageSchema.TEXT, term));
            return df > 0 && df <= most;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
