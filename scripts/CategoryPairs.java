import java.nio.file.Path;
import java.util.*;
import no.evidens.corpus.EvalDevRelevance;
import no.evidens.evaluation.relevance.*;
import no.evidens.index.*;
import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.*;
import no.evidens.models.eval.GoldFolder;
import no.evidens.models.indicator.*;
import no.evidens.models.tag.*;
/**
 * For the real-text dev questions the codebook gives an indicator category (run over the question's text), how often the
 * passages of Evidens' top 20 carry that category, by grade and by rank band; and the pairs of a passage graded 0 above one
 * graded 2–3: how many a tier (100 points) or more apart, and within a tier, which of the two carries the category. Round 62's
 * measure of whether a bonus for the question's category could reorder the first twenty for the better. Usage:
 * {@code java -Devidens.gold=gold -cp pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar
 * scripts/CategoryPairs.java DIR/real} on the indexes {@code evidens eval search --keep DIR} keeps (dev only).
 */
public class CategoryPairs {
  public static void main(String[] args) throws Exception {
    List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(GoldFolder.file(EvalDevRelevance.FILE)).stream().filter(q -> q.split().equals("dev")).toList();
    Path[] indexes = SearchEval.kept(Path.of(args[0]));
    EvalDevCollection collection = EvalDevCollection.read(indexes[0]);
    var resolved = EvalDevSearchEval.resolve(queries, collection).stream().filter(r -> !r.relevant().isEmpty()).toList();
    Codebook book = Codebook.defaults();
    IndicatorTagger tagger = new IndicatorTagger(book, NorwegianModels.shared());
    ParagraphIndicators pi = new ParagraphIndicators(book, null);
    Map<String, List<String>> idsOf = new HashMap<>();
    for (IndicatorDefinition d : book.indicators()) idsOf.computeIfAbsent(d.category(), k -> new ArrayList<>()).add(d.id().toLowerCase(Locale.ROOT));
    // [band][class][with,total]: band 0 = ranks 1-10, 1 = 11-20; class 0 = grade 0, 1 = grade 1, 2 = grade 2-3
    int[][][] c = new int[2][3][2]; int[] pairs = new int[5];
    try (EvidenceSearcher s = new EvidenceSearcher(indexes[0])) {
      for (var r : resolved) {
        Set<String> ids = new HashSet<>();
        for (var v : pi.categorise(r.query().text(), tagger.tag(r.query().text()))) ids.addAll(idsOf.getOrDefault(v.category(), List.of()));
        if (ids.isEmpty()) continue;
        var res = s.search(new SearchRequest(r.query().text(), EvalDevCollection.CASE_ID, null, 20));
        List<SearchHit> hl = res.hits();
        for (int x = 0; x < hl.size(); x++) for (int y = x + 1; y < hl.size(); y++) {
          Integer gx = r.judged().get(hl.get(x).passageId()), gy = r.judged().get(hl.get(y).passageId());
          if (gx == null || gy == null || !(gx == 0 && gy >= 2)) continue;
          if (hl.get(x).score() - hl.get(y).score() >= 100) { pairs[2]++; continue; }
          boolean wx = hl.get(x).indicators().stream().anyMatch(i -> ids.contains(i.toLowerCase(Locale.ROOT)));
          boolean wy = hl.get(y).indicators().stream().anyMatch(i -> ids.contains(i.toLowerCase(Locale.ROOT)));
          if (wy && !wx) pairs[0]++; else if (wx && !wy) pairs[1]++; else pairs[3]++;
        }
        // pairs now in the right order (good above bad) within one tier that a bonus would swap
        for (int x = 0; x < hl.size(); x++) for (int y = x + 1; y < hl.size(); y++) {
          Integer gx = r.judged().get(hl.get(x).passageId()), gy = r.judged().get(hl.get(y).passageId());
          if (gx == null || gy == null || !(gx >= 2 && gy == 0) || hl.get(x).score() - hl.get(y).score() >= 100) continue;
          boolean wx = hl.get(x).indicators().stream().anyMatch(i -> ids.contains(i.toLowerCase(Locale.ROOT)));
          boolean wy = hl.get(y).indicators().stream().anyMatch(i -> ids.contains(i.toLowerCase(Locale.ROOT)));
          if (wy && !wx) pairs[4]++;
        }
        int rank = 0;
        for (SearchHit h : res.hits()) {
          Integer g = r.judged().get(h.passageId()); if (g == null) { rank++; continue; }
          boolean with = h.indicators().stream().anyMatch(i -> ids.contains(i.toLowerCase(Locale.ROOT)));
          int cl = g == 0 ? 0 : g == 1 ? 1 : 2; int band = rank < 10 ? 0 : 1;
          c[band][cl][1]++; if (with) c[band][cl][0]++; rank++;
        }
      }
    }
    System.out.printf("bad-above-good pairs (grade 0 above grade 2-3, top 20): a tier or more apart %d; within a tier: only the good one carries the category %d, only the bad one %d, both or neither %d; good-above-bad pairs within a tier a bonus would swap: %d%n", pairs[2], pairs[0], pairs[1], pairs[3], pairs[4]);
    String[] bn = {"ranks 1-10", "ranks 11-20"}, cn = {"grade 0", "grade 1", "grade 2-3"};
    for (int b = 0; b < 2; b++) for (int k = 0; k < 3; k++) System.out.printf(Locale.ROOT, "%s %s: %d of %d carry the question's category (%.0f%%)%n", bn[b], cn[k], c[b][k][0], c[b][k][1], 100.0 * c[b][k][0] / Math.max(1, c[b][k][1]));
  }
}
