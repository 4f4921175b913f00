package no.evidens.index;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;

/** TRIAL (round 61): a bonus for a passage holding at least k of the query's words within a window of w positions. */
final class TrialNear {
    private TrialNear() {
    }

    static Query added(List<String> words, Analyzer analyzer) {
        String weight = System.getProperty("evidens.trial.near");
        if (weight == null) {
            return null;
        }
        int width = Integer.getInteger("evidens.trial.nearwidth", 12);
        double share = Double.parseDouble(System.getProperty("evidens.trial.nearshare", "0.6"));
        int minWords = Integer.getInteger("evidens.trial.nearmin", 3);
        List<IntervalsSource> sources = new ArrayList<>();
        for (String w : words) {
            if (WeakWords.listed(w)) {
                continue;
            }
            try {
                IntervalsSource s = Intervals.analyzedText(w, analyzer, PassageSchema.TEXT, 0, true);
                if (s != null) {
                    sources.add(s);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (sources.size() < minWords) {
            return null;
        }
        int k = Math.max(2, (int) Math.ceil(sources.size() * share));
        IntervalsSource near = Intervals.maxwidth(width, Intervals.atLeast(k, sources.toArray(IntervalsSource[]::new)));
        Query q = new IntervalQuery(PassageSchema.TEXT, near);
        if (Boolean.getBoolean("evidens.trial.nearconst")) {
            q = new ConstantScoreQuery(q);
        }
        return new ScoreOnly(new BoostQuery(q, Float.parseFloat(weight)));
    }
}
