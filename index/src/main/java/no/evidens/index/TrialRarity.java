package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * TRIAL (round 61): a question's words weighed by their rarity within the question. Each tier word's tier is scaled by
 * {@code 1 - a * (1 - idf / maxIdf)} (evidens.trial.idf = a), or (evidens.trial.common = s) only the question's commonest
 * word scaled by s; for questions of evidens.trial.idfmin or more tier words.
 */
final class TrialRarity {
    private TrialRarity() {
    }

    static Query tiered(Query q, Set<String> weak, Set<Query> split, Map<Query, Query> own, Set<Query> frame, List<Query> words,
                        IndexReader reader, String text, org.apache.lucene.analysis.Analyzer analyzer) {
        String verb = System.getProperty("evidens.trial.verb");
        if (verb != null && reader != null && words.size() >= Integer.getInteger("evidens.trial.verbmin", 3)) {
            return verbs(q, weak, split, own, frame, words, reader, text, analyzer, Float.parseFloat(verb));
        }
        String a = System.getProperty("evidens.trial.idf");
        String common = System.getProperty("evidens.trial.common");
        int min = Integer.getInteger("evidens.trial.idfmin", 4);
        if ((a == null && common == null) || reader == null || words.size() < min) {
            return QueryReader.tiered(q, weak, split, own, frame);
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        int n = Math.max(1, reader.numDocs());
        Map<Query, Float> idf = new IdentityHashMap<>();
        float max = 0, lowest = Float.MAX_VALUE;
        Query commonest = null;
        try {
            for (Query w : words) {
                int df = searcher.count(w);
                float v = (float) Math.log(1 + (double) n / (1 + df));
                idf.put(w, v);
                max = Math.max(max, v);
                if (v < lowest) {
                    lowest = v;
                    commonest = w;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Query, Float> scale = new IdentityHashMap<>();
        if (a != null) {
            float alpha = Float.parseFloat(a);
            for (Map.Entry<Query, Float> e : idf.entrySet()) {
                scale.put(e.getKey(), 1f - alpha * (1f - e.getValue() / max));
            }
        } else {
            scale.put(commonest, Float.parseFloat(common));
        }
        return QueryReader.tiered(q, weak, split, own, frame, scale);
    }

    /** A question's verbs (a word whose noun of action the index holds: vurderer, vurdering) at share s of a tier. */
    private static Query verbs(Query q, Set<String> weak, Set<Query> split, Map<Query, Query> own, Set<Query> frame,
                               List<Query> words, IndexReader reader, String text, org.apache.lucene.analysis.Analyzer analyzer,
                               float share) {
        Set<String> verbStems = new java.util.HashSet<>();
        try {
            for (String w : QueryLanguage.SPACES.split(text.strip())) {
                boolean isVerb = false;
                for (String noun : WordForms.actionNouns(w)) {
                    String stem = WordForms.oneStem(analyzer, PassageSchema.TEXT, noun);
                    if (stem != null && reader.docFreq(new org.apache.lucene.index.Term(PassageSchema.TEXT, stem)) > 0) {
                        isVerb = true;
                    }
                }
                String own1 = WordForms.oneStem(analyzer, PassageSchema.TEXT, w);
                if (isVerb && own1 != null) {
                    verbStems.add(own1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Boolean.getBoolean("evidens.trial.verbshow")) {
            System.err.println("VERBS " + verbStems + " <- " + text);
        }
        Map<Query, Float> scale = new IdentityHashMap<>();
        for (Query w : words) {
            boolean[] hit = {false};
            w.visit(new org.apache.lucene.search.QueryVisitor() {
                @Override
                public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                    for (org.apache.lucene.index.Term t : terms) {
                        if (t.field().equals(PassageSchema.TEXT) && verbStems.contains(t.text())) {
                            hit[0] = true;
                        }
                    }
                }
            });
            if (hit[0]) {
                scale.put(w, share);
            }
        }
        if (scale.size() == words.size()) {
            return QueryReader.tiered(q, weak, split, own, frame);
        }
        return QueryReader.tiered(q, weak, split, own, frame, scale);
    }
}
