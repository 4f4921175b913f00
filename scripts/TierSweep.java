import java.nio.file.Path;
import java.util.*;
import no.evidens.corpus.EvalDevRelevance;
import no.evidens.evaluation.relevance.EvalDevCollection;
import no.evidens.evaluation.relevance.EvalDevSearchEval;
import no.evidens.evaluation.relevance.SearchEval;
import no.evidens.index.EvidenceSearcher;
import no.evidens.models.eval.GoldFolder;

/**
 * The real-text dev queries searched under several settings in one JVM, on the indexes {@code evidens eval search --keep DIR}
 * keeps: per setting nDCG@10 and recall@20 (as the eval computes them), each half (odd and even query numbers), per kind,
 * and the queries that moved against the first setting ({@code -Dchanges=true}). Each argument after DIR/real is a setting,
 * {@code name=value,name=value} set as {@code evidens.trial.name} system properties (read by trial code only; {@code -}: none).
 * Usage: {@code java -Devidens.gold=gold -cp pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar
 * scripts/TierSweep.java DIR/real - name=0.5 …} (dev only).
 */
public class TierSweep {
    public static void main(String[] args) throws Exception {
        Path real = Path.of(args[0]);
        String split = "dev";
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(GoldFolder.file(EvalDevRelevance.FILE)).stream()
                .filter(q -> q.split().equals(split)).toList();
        Path[] indexes = SearchEval.kept(real);
        EvalDevCollection collection = EvalDevCollection.read(indexes[0]);
        List<EvalDevSearchEval.Resolved> resolved = EvalDevSearchEval.resolve(queries, collection).stream()
                .filter(r -> !r.relevant().isEmpty()).toList();
        double[] baseN = null, baseR = null;
        for (int a = 1; a < args.length; a++) {
            Set<String> set = new HashSet<>();
            if (!args[a].equals("-")) for (String kv : args[a].split(",")) {
                String[] p = kv.split("="); System.setProperty("evidens.trial." + p[0], p[1]); set.add(p[0]);
            }
            double[] n = new double[resolved.size()], r = new double[resolved.size()];
            try (EvidenceSearcher s = new EvidenceSearcher(indexes[0])) {
                for (int i = 0; i < resolved.size(); i++) {
                    EvalDevSearchEval.Resolved q = resolved.get(i);
                    SearchEval.Score sc = SearchEval.score(s, q.query().text(), q.relevant(), EvalDevCollection.CASE_ID);
                    n[i] = sc.ndcg(); r[i] = sc.recall();
                }
            }
            double[] sn = new double[2], sr = new double[2]; int[] c = new int[2];
            Map<String, double[]> kind = new TreeMap<>();
            for (int i = 0; i < n.length; i++) {
                int num = Integer.parseInt(resolved.get(i).query().id().replaceAll("\\D", ""));
                int h = num % 2; sn[h] += n[i]; sr[h] += r[i]; c[h]++;
                double[] k = kind.computeIfAbsent(resolved.get(i).query().kind(), x -> new double[3]);
                k[0] += n[i]; k[1] += r[i]; k[2]++;
            }
            StringBuilder ks = new StringBuilder();
            kind.forEach((k, v) -> ks.append(String.format(Locale.ROOT, " %s %.4f/%.4f", k, v[0] / v[2], v[1] / v[2])));
            int up = 0, down = 0; StringBuilder ch = new StringBuilder();
            if (baseN != null) for (int i = 0; i < n.length; i++) {
                double d = n[i] - baseN[i], dr = r[i] - baseR[i];
                if (Math.abs(d) > 1e-4 || Math.abs(dr) > 1e-4) {
                    if (d > 1e-4) up++; else if (d < -1e-4) down++;
                    ch.append(String.format(Locale.ROOT, "    %s %.3f→%.3f R %.3f→%.3f %s%n", resolved.get(i).query().id(), baseN[i], n[i], baseR[i], r[i], resolved.get(i).query().text()));
                }
            }
            System.out.printf(Locale.ROOT, "%-40s nDCG %.4f (odd %.4f even %.4f) R@20 %.4f (odd %.4f even %.4f) up %d down %d |%s%n",
                    args[a], Arrays.stream(n).average().orElse(0), sn[1] / c[1], sn[0] / c[0], Arrays.stream(r).average().orElse(0),
                    sr[1] / c[1], sr[0] / c[0], up, down, ks);
            if (Boolean.getBoolean("changes")) System.out.print(ch);
            if (baseN == null) { baseN = n; baseR = r; }
            for (String k : set) System.clearProperty("evidens.trial." + k);
        }
    }
}
