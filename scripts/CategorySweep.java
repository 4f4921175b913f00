import java.nio.file.Path;
import java.util.*;
import no.evidens.corpus.EvalDevRelevance;
import no.evidens.evaluation.relevance.EvalDevCollection;
import no.evidens.evaluation.relevance.EvalDevSearchEval;
import no.evidens.evaluation.relevance.SearchEval;
import no.evidens.index.EvidenceSearcher;
import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.models.eval.GoldFolder;
import no.evidens.models.indicator.*;
import no.evidens.models.tag.*;

/**
 * Round 62 trial: the real-text dev queries with a bonus for passages carrying an indicator of the question's own category
 * (the codebook run over the question, optionally the bundled classifier at threshold t), read by the trial code in
 * EvidencePrior ({@code evidens.trial.cats}, {@code evidens.trial.catw}). Settings: {@code w} or {@code w:t}; {@code -Donly=CAT,…}
 * limits the categories, {@code -Dchanges=true} lists the queries that moved. Usage: {@code java -Devidens.gold=gold -cp
 * pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar scripts/CategorySweep.java DIR/real 0 20 250 …} (dev only).
 */
public class CategorySweep {
    public static void main(String[] args) throws Exception {
        Path real = Path.of(args[0]);
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(GoldFolder.file(EvalDevRelevance.FILE)).stream()
                .filter(q -> q.split().equals("dev")).toList();
        Path[] indexes = SearchEval.kept(real);
        EvalDevCollection collection = EvalDevCollection.read(indexes[0]);
        List<EvalDevSearchEval.Resolved> resolved = EvalDevSearchEval.resolve(queries, collection).stream()
                .filter(r -> !r.relevant().isEmpty()).toList();
        Codebook book = Codebook.defaults();
        IndicatorTagger tagger = new IndicatorTagger(book, NorwegianModels.shared());
        IndicatorClassifier model = IndicatorClassifier.bundled();
        Map<String, List<String>> idsOf = new HashMap<>();
        for (IndicatorDefinition d : book.indicators()) idsOf.computeIfAbsent(d.category(), k -> new ArrayList<>()).add(d.id().toLowerCase(Locale.ROOT));
        Set<String> only = System.getProperty("only") == null ? null : Set.of(System.getProperty("only").split(","));
        double[] baseN = null, baseR = null;
        for (int a = 1; a < args.length; a++) {
            String[] st = args[a].split(":");
            String w = st[0];
            double th = st.length > 1 ? Double.parseDouble(st[1]) : -1;
            ParagraphIndicators pi = new ParagraphIndicators(book, th < 0 ? null : model, th < 0 ? 0.4 : th, 0.0);
            System.setProperty("evidens.trial.catw", w);
            double[] n = new double[resolved.size()], r = new double[resolved.size()];
            int withCat = 0;
            try (EvidenceSearcher s = new EvidenceSearcher(indexes[0])) {
                for (int i = 0; i < resolved.size(); i++) {
                    EvalDevSearchEval.Resolved q = resolved.get(i);
                    Set<String> ids = new TreeSet<>();
                    for (var v : pi.categorise(q.query().text(), tagger.tag(q.query().text()))) {
                        if (only == null || only.contains(v.category())) ids.addAll(idsOf.getOrDefault(v.category(), List.of()));
                    }
                    if (!ids.isEmpty()) withCat++;
                    System.setProperty("evidens.trial.cats", String.join(",", ids));
                    SearchEval.Score sc = SearchEval.score(s, q.query().text(), q.relevant(), EvalDevCollection.CASE_ID);
                    n[i] = sc.ndcg(); r[i] = sc.recall();
                }
            }
            System.clearProperty("evidens.trial.cats");
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
            int up = 0, down = 0, upO = 0, downO = 0; StringBuilder ch = new StringBuilder();
            if (baseN != null) for (int i = 0; i < n.length; i++) {
                double d = n[i] - baseN[i], dr = r[i] - baseR[i];
                boolean odd = Integer.parseInt(resolved.get(i).query().id().replaceAll("\\D", "")) % 2 == 1;
                if (Math.abs(d) > 1e-4 || Math.abs(dr) > 1e-4) {
                    if (d > 1e-4) { up++; if (odd) upO++; } else if (d < -1e-4) { down++; if (odd) downO++; }
                    ch.append(String.format(Locale.ROOT, "    %s %.3f→%.3f R %.3f→%.3f %s%n", resolved.get(i).query().id(), baseN[i], n[i], baseR[i], r[i], resolved.get(i).query().text()));
                }
            }
            System.out.printf(Locale.ROOT, "%-10s cat-queries %d nDCG %.4f (odd %.4f even %.4f) R@20 %.4f (odd %.4f even %.4f) up %d down %d (odd %d/%d) |%s%n",
                    args[a], withCat, Arrays.stream(n).average().orElse(0), sn[1] / c[1], sn[0] / c[0], Arrays.stream(r).average().orElse(0),
                    sr[1] / c[1], sr[0] / c[0], up, down, upO, downO, ks);
            if (Boolean.getBoolean("changes")) System.out.print(ch);
            if (baseN == null) { baseN = n; baseR = r; }
        }
    }
}
