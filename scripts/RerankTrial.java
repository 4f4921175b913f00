import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import no.evidens.corpus.EvalDevRelevance;
import no.evidens.evaluation.relevance.EvalDevCollection;
import no.evidens.evaluation.relevance.EvalDevSearchEval;
import no.evidens.evaluation.relevance.RankingMetrics;
import no.evidens.evaluation.relevance.SearchEval;
import no.evidens.index.DocumentCap;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.TextRange;
import no.evidens.models.eval.GoldFolder;

/**
 * A trial of a learned re-ranking of a multi-word query's first N hits on the real-text dev queries: features per hit
 * from what a hit carries, a linear model fitted by coordinate ascent on nDCG@10, k-fold cross-validation (folds by
 * query number mod k), on the indexes {@code evidens eval search --keep DIR} keeps. Usage (the gold folder given as for
 * {@code ./evidens}):
 * <pre>
 * java -Devidens.gold=gold [-DmaxW=0.005] [-DminGain=0.001] [-Dcondensed=true] \
 *      -cp pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar scripts/RerankTrial.java DIR/real [N] [folds] [split]
 * </pre>
 * {@code maxW} bounds each weight (in relaxed-search tiers: 0.005 is 5 points, a tie-break), {@code minGain} is the least
 * gain a step must bring on the training folds, {@code condensed} leaves unjudged passages out of a re-ranked list before
 * scoring it (for N beyond the judged depth of 20). One-word queries keep their order. The features are what a hit
 * carries: its score in tiers, its rank, its length, the share of the query's stems it holds in their own form, the
 * share of its matches that are not a query stem (compound parts, synonyms, other forms), the narrowest window holding
 * one match of each matched stem, the query's stems in its heading, its place among its document's hits, whether it
 * carries an indicator, and its matches per 50 characters.
 *
 * Coordinate ascent is written here: no well-kept Java learning-to-rank library is on Maven Central (RankLib is
 * unmaintained; Lucene's LTR module lives in Solr and only applies a model, it does not fit one).
 */
public class RerankTrial {
    static final String[] NAMES = {"tier", "rank", "len", "own", "other", "prox", "heading", "docrank", "indicator", "density"};
    static final double[] STEPS = {-1, -0.5, -0.25, -0.1, -0.05, -0.02, -0.01, -0.005, -0.002, -0.001, 0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1};
    static final int TIER = 1000;

    record Hit(String id, String doc, double[] f) {}
    record Q(String id, String kind, Map<String, Integer> grades, List<Hit> hits, boolean multi) {}

    static double MAX_W = Double.parseDouble(System.getProperty("maxW", "1"));
    static boolean CONDENSED = Boolean.getBoolean("condensed");
    static double MIN_GAIN = Double.parseDouble(System.getProperty("minGain", "0"));
    static Analyzer stemmer = NorwegianAnalysis.plain();

    static List<String> stems(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = stemmer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(t.toString());
            ts.end();
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path real = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int folds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String split = args.length > 3 ? args[3] : "dev";
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(GoldFolder.file(EvalDevRelevance.FILE)).stream()
                .filter(q -> q.split().equals(split)).toList();
        Path[] indexes = SearchEval.kept(real);
        EvalDevCollection collection = EvalDevCollection.read(indexes[0]);
        List<EvalDevSearchEval.Resolved> resolved = EvalDevSearchEval.resolve(queries, collection);
        List<Q> qs = new ArrayList<>();
        try (EvidenceSearcher s = new EvidenceSearcher(indexes[0])) {
            for (EvalDevSearchEval.Resolved r : resolved) {
                List<String> qStems = new ArrayList<>(new java.util.LinkedHashSet<>(stems(r.query().text())));
                List<SearchHit> hits = s.search(new SearchRequest(r.query().text(), EvalDevCollection.CASE_ID, null, n)).hits();
                List<Hit> out = new ArrayList<>();
                double top = hits.isEmpty() ? 1 : hits.get(0).score();
                Map<String, Integer> perDoc = new HashMap<>();
                for (int i = 0; i < hits.size(); i++) {
                    SearchHit h = hits.get(i);
                    out.add(new Hit(h.passageId(), h.caseId() + "/" + h.docId(), features(h, i, qStems, perDoc)));
                }
                Map<String, Integer> grades = new HashMap<>(r.judged());
                qs.add(new Q(r.query().id(), r.query().kind(), grades, out, qStems.size() > 1));
            }
        }
        System.out.printf(Locale.ROOT, "%d %s queries, %d multi-word; N=%d, %d folds%n", qs.size(), split,
                qs.stream().filter(Q::multi).count(), n, folds);
        double[] base = new double[NAMES.length];
        base[0] = 1;
        System.out.printf(Locale.ROOT, "original order (re-ranked as the model with only the tier feature): %.4f; as searched: %.4f%n",
                mean(qs, base), meanAsSearched(qs));
        // k-fold cross-validation: folds by query number
        double cvSum = 0, baseSum = 0;
        int cvN = 0;
        for (int k = 0; k < folds; k++) {
            List<Q> train = new ArrayList<>(), test = new ArrayList<>();
            for (Q q : qs) {
                int num = Integer.parseInt(q.id().substring(1));
                (num % folds == k ? test : train).add(q);
            }
            double[] w = fit(train);
            double tr = mean(train, w), te = mean(test, w), teBase = mean(test, base);
            System.out.printf(Locale.ROOT, "fold %d: train %.4f (orig %.4f), held out %.4f (orig %.4f), n=%d; w=%s%n", k, tr,
                    mean(train, base), te, teBase, test.size(), show(w));
            cvSum += te * test.size();
            baseSum += teBase * test.size();
            cvN += test.size();
        }
        System.out.printf(Locale.ROOT, "CV nDCG@10 held out: %.4f against %.4f%n", cvSum / cvN, baseSum / cvN);
        double[] w = fit(qs);
        System.out.printf(Locale.ROOT, "all dev: %.4f (orig %.4f) recall@20 %.4f (orig %.4f); w=%s%n", mean(qs, w), mean(qs, base),
                meanRecall(qs, w), meanRecall(qs, base), show(w));
        int unjudged = 0;
        for (Q q : qs) {
            List<String> r = rerank(q, w);
            for (int i = 0; i < Math.min(20, r.size()); i++) if (!q.grades().containsKey(r.get(i))) unjudged++;
        }
        System.out.println("unjudged passages in re-ranked top 20s: " + unjudged);
    }

    static String show(double[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < w.length; i++) if (w[i] != 0) b.append(NAMES[i]).append('=').append(w[i]).append(' ');
        return b.toString().trim();
    }

    static double[] features(SearchHit h, int rank, List<String> qStems, Map<String, Integer> perDoc) throws IOException {
        double[] f = new double[NAMES.length];
        f[0] = h.score() / TIER;
        f[1] = 1.0 / (1 + rank);
        int len = Math.max(1, h.end() - h.start());
        f[2] = Math.log(len) / Math.log(2000);
        String text = h.text() == null ? "" : h.text();
        Set<String> own = new HashSet<>();
        int other = 0;
        Map<String, List<Integer>> at = new HashMap<>();
        for (TextRange m : h.matches()) {
            int a = m.start(), e = m.end();
            if (a < 0 || e > text.length() || a >= e) continue;
            List<String> st = stems(text.substring(a, e));
            boolean mine = false;
            for (String s : st) if (qStems.contains(s)) { own.add(s); mine = true; at.computeIfAbsent(s, x -> new ArrayList<>()).add(a); }
            if (!mine) other++;
        }
        f[3] = qStems.isEmpty() ? 0 : own.size() / (double) qStems.size();
        f[4] = h.matches().isEmpty() ? 0 : other / (double) h.matches().size();
        f[5] = at.size() < 2 ? 0 : 1.0 / (1 + window(at) / 100.0);
        String heading = h.heading() == null ? "" : h.heading();
        Set<String> hs = new HashSet<>(stems(heading));
        int inHeading = 0;
        for (String s : qStems) if (hs.contains(s)) inHeading++;
        f[6] = qStems.isEmpty() ? 0 : inHeading / (double) qStems.size();
        int d = perDoc.merge(h.caseId() + "/" + h.docId(), 1, Integer::sum) - 1;
        f[7] = 1.0 / (1 + d);
        f[8] = h.indicators().isEmpty() ? 0 : 1;
        f[9] = Math.min(1, h.matches().size() * 50.0 / len);
        return f;
    }

    /** The smallest span (in characters) holding one match of each matched query stem. */
    static int window(Map<String, List<Integer>> at) {
        List<int[]> all = new ArrayList<>();
        List<String> keys = new ArrayList<>(at.keySet());
        for (int k = 0; k < keys.size(); k++) for (int p : at.get(keys.get(k))) all.add(new int[]{p, k});
        all.sort((x, y) -> x[0] - y[0]);
        int[] count = new int[keys.size()];
        int have = 0, best = Integer.MAX_VALUE, lo = 0;
        for (int hi = 0; hi < all.size(); hi++) {
            if (count[all.get(hi)[1]]++ == 0) have++;
            while (have == keys.size()) {
                best = Math.min(best, all.get(hi)[0] - all.get(lo)[0]);
                if (--count[all.get(lo)[1]] == 0) have--;
                lo++;
            }
        }
        return best;
    }

    static List<String> rerank(Q q, double[] w) {
        if (!q.multi()) return q.hits().stream().map(Hit::id).toList();
        List<Hit> hits = new ArrayList<>(q.hits());
        Map<Hit, Double> s = new HashMap<>();
        for (Hit h : hits) { double v = 0; for (int i = 0; i < w.length; i++) v += w[i] * h.f()[i]; s.put(h, v); }
        hits.sort((a, b) -> Double.compare(s.get(b), s.get(a)));
        List<String> out = DocumentCap.apply(hits, Hit::doc, h -> s.get(h) * TIER).stream().map(Hit::id).toList();
        return CONDENSED ? out.stream().filter(q.grades()::containsKey).toList() : out;
    }

    static Map<String, Integer> relevant(Q q) {
        Map<String, Integer> out = new HashMap<>();
        q.grades().forEach((k, v) -> { if (v > 0) out.put(k, v); });
        return out;
    }

    static double mean(List<Q> qs, double[] w) {
        double s = 0;
        for (Q q : qs) s += RankingMetrics.ndcg(rerank(q, w), relevant(q), 10);
        return s / Math.max(1, qs.size());
    }

    static double meanAsSearched(List<Q> qs) {
        double s = 0;
        for (Q q : qs) s += RankingMetrics.ndcg(q.hits().stream().map(Hit::id).toList(), relevant(q), 10);
        return s / Math.max(1, qs.size());
    }

    static double meanRecall(List<Q> qs, double[] w) {
        double s = 0;
        for (Q q : qs) s += RankingMetrics.recall(rerank(q, w), relevant(q), 20);
        return s / Math.max(1, qs.size());
    }

    /** Coordinate ascent: the tier weight fixed at 1, each other weight in turn set to the step that scores best. */
    static double[] fit(List<Q> train) {
        double[] w = new double[NAMES.length];
        w[0] = 1;
        double best = mean(train, w);
        for (int pass = 0; pass < 3; pass++) {
            boolean moved = false;
            for (int i = 1; i < w.length; i++) {
                double keep = w[i], bestV = keep;
                for (double v : STEPS) {
                    if (Math.abs(v) > MAX_W) continue;
                    w[i] = v;
                    double m = mean(train, w);
                    if (m > best + MIN_GAIN + 1e-9) { best = m; bestV = v; moved = true; }
                }
                w[i] = bestV;
            }
            if (!moved) break;
        }
        return w;
    }
}
