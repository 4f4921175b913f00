import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.*;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import no.evidens.corpus.EvalDevRelevance;
import no.evidens.evaluation.relevance.EvalDevCollection;
import no.evidens.evaluation.relevance.EvalDevSearchEval;
import no.evidens.evaluation.relevance.SearchEval;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.models.eval.GoldFolder;

/**
 * Where a relaxed search's tiers hold back good passages, on the real-text dev queries and the indexes {@code evidens eval
 * search --keep DIR} keeps: for each multi-word dev query, the passages graded 2–3 that rank 11–30 a tier or more (100 points)
 * below the tenth hit, with the query stems (Lucene's plain Norwegian stems) their text and heading lack; then the
 * missing stems by count. Usage: {@code java -Devidens.gold=gold -cp pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar
 * scripts/TierMiss.java DIR/real}. The stems are an approximation: the ranking counts synonyms, forms and compound parts too.
 */
public class TierMiss {
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
        int n = 30;
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(GoldFolder.file(EvalDevRelevance.FILE)).stream()
                .filter(q -> q.split().equals("dev")).toList();
        Path[] indexes = SearchEval.kept(real);
        EvalDevCollection collection = EvalDevCollection.read(indexes[0]);
        List<EvalDevSearchEval.Resolved> resolved = EvalDevSearchEval.resolve(queries, collection);
        Map<String, Integer> missCount = new TreeMap<>();
        Map<String, Set<String>> missQueries = new TreeMap<>();
        try (EvidenceSearcher s = new EvidenceSearcher(indexes[0])) {
            // document frequency of stems over top-300 hits of a catch-all? use the passages we see
            for (EvalDevSearchEval.Resolved r : resolved) {
                List<String> qStems = new ArrayList<>(new LinkedHashSet<>(stems(r.query().text())));
                if (qStems.size() < 2) continue;
                List<SearchHit> hits = s.search(new SearchRequest(r.query().text(), EvalDevCollection.CASE_ID, null, n)).hits();
                if (hits.size() < 11) continue;
                double tenth = hits.get(9).score();
                StringBuilder sb = new StringBuilder();
                for (int i = 10; i < hits.size(); i++) {
                    SearchHit h = hits.get(i);
                    Integer g = r.judged().get(h.passageId());
                    if (g == null || g < 2) continue;
                    if (tenth - h.score() < 100) continue;
                    Set<String> has = new HashSet<>(stems(h.text() == null ? "" : h.text()));
                    has.addAll(stems(h.heading() == null ? "" : h.heading()));
                    List<String> miss = new ArrayList<>();
                    for (String q : qStems) if (!has.contains(q)) miss.add(q);
                    for (String m : miss) { missCount.merge(m, 1, Integer::sum); missQueries.computeIfAbsent(m, k -> new TreeSet<>()).add(r.query().id()); }
                    sb.append(String.format(Locale.ROOT, "   rank %d g%d %.0f (10th %.0f) miss %s | %s%n", i + 1, g, h.score(), tenth, miss,
                        (h.text() == null ? "" : h.text()).substring(0, Math.min(160, h.text() == null ? 0 : h.text().length())).replace('\n', ' ')));
                }
                if (sb.length() > 0) System.out.println(r.query().id() + " " + r.query().kind() + " | " + r.query().text() + " stems=" + qStems + "\n" + sb);
            }
        }
        System.out.println("== missing stems (passages, queries)");
        missCount.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
            .forEach(e -> System.out.println(e.getValue() + " " + missQueries.get(e.getKey()).size() + " " + e.getKey() + " " + missQueries.get(e.getKey())));
    }
}
