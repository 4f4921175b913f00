package no.evidens.evaluation.relevance;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import no.evidens.corpus.EvalDevRelevance;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.QuerySyntaxException;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;

/**
 * Search relevance on real report text: the queries of {@link EvalDevRelevance} on the eval-dev excerpts
 * ({@link EvalDevCollection}), Evidens beside the plain NorwegianAnalyzer baseline, nDCG@10 and recall@20
 * per split and per query kind. Also makes the pool a judge grades: the passages either system ranks in
 * its top k that are not judged yet, shuffled, without saying which system found them.
 */
public final class EvalDevSearchEval {
    /** One query resolved: graded passage ids (grade 0 included: judged not relevant), and judgements that missed. */
    public record Resolved(EvalDevRelevance.Query query, Map<String, Integer> judged, List<String> problems) {
        /** The relevant passages (grade 1–3), as the metrics take them. */
        public Map<String, Integer> relevant() {
            Map<String, Integer> out = new HashMap<>();
            judged.forEach((id, g) -> {
                if (g > 0) {
                    out.put(id, g);
                }
            });
            return out;
        }
    }

    /** How both systems did on one query. */
    public record QueryResult(Resolved resolved, SearchEval.Score evidens, SearchEval.Score baseline) {
    }

    private EvalDevSearchEval() {
    }

    /** Resolves each judgement to the passage at its offset; a passage holding two judgements keeps the highest grade. */
    public static List<Resolved> resolve(List<EvalDevRelevance.Query> queries, EvalDevCollection collection) {
        List<Resolved> out = new ArrayList<>();
        for (EvalDevRelevance.Query q : queries) {
            Map<String, Integer> judged = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (EvalDevRelevance.Judgement j : q.judgements()) {
                EvalDevCollection.IndexedPassage p = collection.at(j.file(), j.offset());
                if (p == null) {
                    problems.add(j.file() + " @" + j.offset() + ": no passage there");
                    continue;
                }
                if (!collection.check(j.file(), j.offset()).equals(j.check())) {
                    problems.add(j.file() + " @" + j.offset() + ": the text there changed (check " + j.check() + ")");
                }
                judged.merge(p.id(), j.grade(), Math::max);
            }
            out.add(new Resolved(q, judged, problems));
        }
        return out;
    }

    public static List<QueryResult> run(List<Resolved> resolved, EvidenceSearcher evidens, EvidenceSearcher baseline)
            throws IOException {
        List<QueryResult> out = new ArrayList<>();
        for (Resolved r : resolved) {
            out.add(new QueryResult(r, SearchEval.score(evidens, r.query().text(), r.relevant(), EvalDevCollection.CASE_ID),
                    SearchEval.score(baseline, r.query().text(), r.relevant(), EvalDevCollection.CASE_ID)));
        }
        return out;
    }

    /** Means per split, and per kind within each split. */
    public static List<SearchEval.Summary> summarise(List<QueryResult> results) {
        List<SearchEval.Summary> out = new ArrayList<>();
        for (String split : List.of("dev", "test")) {
            out.add(summary(split + ", all", results, r -> r.resolved().query().split().equals(split)));
            for (String kind : EvalDevRelevance.KINDS) {
                out.add(summary(split + ", " + kind, results,
                        r -> r.resolved().query().split().equals(split) && r.resolved().query().kind().equals(kind)));
            }
        }
        out.add(summary("all", results, r -> true));
        return out;
    }

    private static SearchEval.Summary summary(String name, List<QueryResult> results, Predicate<QueryResult> which) {
        List<QueryResult> rs = results.stream().filter(which).filter(r -> !r.resolved().relevant().isEmpty()).toList();
        return new SearchEval.Summary(name, rs.size(),
                rs.stream().mapToDouble(r -> r.evidens().ndcg()).average().orElse(0),
                rs.stream().mapToDouble(r -> r.baseline().ndcg()).average().orElse(0),
                rs.stream().mapToDouble(r -> r.evidens().recall()).average().orElse(0),
                rs.stream().mapToDouble(r -> r.baseline().recall()).average().orElse(0));
    }

    public static void print(List<QueryResult> results, int passages, boolean perQuery, PrintWriter out) {
        long judged = results.stream().mapToLong(r -> r.resolved().judged().size()).sum();
        long relevant = results.stream().mapToLong(r -> r.resolved().relevant().size()).sum();
        out.printf(Locale.ROOT, "%d queries, %d judged (query, passage) pairs, %d of them relevant; %d passages indexed%n",
                results.size(), judged, relevant, passages);
        out.printf(Locale.ROOT, "  %-16s %5s   %-22s   %-22s%n", "", "", "nDCG@" + SearchEval.NDCG_AT, "recall@" + SearchEval.RECALL_AT);
        out.printf(Locale.ROOT, "  %-16s %5s   %9s %12s   %9s %12s%n", "queries", "count", "Evidens", "baseline", "Evidens", "baseline");
        for (SearchEval.Summary s : summarise(results)) {
            out.printf(Locale.ROOT, "  %-16s %5d   %9.3f %12.3f   %9.3f %12.3f%n", s.name(), s.queries(), s.ndcgEvidens(),
                    s.ndcgBaseline(), s.recallEvidens(), s.recallBaseline());
        }
        out.println("  (kinds: keyword = the words an auditor types; natural = a phrase or question;"
                + " variant = Nynorsk, synonym or abbreviation)");
        for (QueryResult r : results) {
            for (String p : r.resolved().problems()) {
                out.printf(Locale.ROOT, "  warning: %s: %s%n", r.resolved().query().id(), p);
            }
        }
        if (perQuery) {
            out.println();
            out.printf(Locale.ROOT, "  %-4s %-7s %-4s %-44s %6s %6s %6s %6s %6s %6s%n", "id", "kind", "", "query", "nDCG",
                    "base", "R@20", "base", "hits", "base");
            for (QueryResult r : results) {
                EvalDevRelevance.Query q = r.resolved().query();
                out.printf(Locale.ROOT, "  %-4s %-7s %-4s %-44s %6.3f %6.3f %6.3f %6.3f %6s %6s%n", q.id(), q.kind(), q.split(),
                        q.text(), r.evidens().ndcg(), r.baseline().ndcg(), r.evidens().recall(), r.baseline().recall(),
                        hits(r.evidens()), hits(r.baseline()));
            }
        }
        out.flush();
    }

    private static String hits(SearchEval.Score s) {
        return s.error() != null ? "error" : String.valueOf(s.total());
    }

    /** Both systems' top {@code depth} for one query, each hit with its grade ({@code ?} when not judged) and where it is. */
    public static void printRanking(Resolved r, EvalDevCollection collection, EvidenceSearcher evidens, EvidenceSearcher baseline,
                                    int depth, PrintWriter out) throws IOException {
        Map<String, EvalDevCollection.IndexedPassage> byId = new HashMap<>();
        for (EvalDevCollection.IndexedPassage p : collection.passages()) {
            byId.put(p.id(), p);
        }
        out.println("## " + r.query().id() + " | " + r.query().text());
        for (EvidenceSearcher s : List.of(evidens, baseline)) {
            out.println(s == evidens ? "Evidens:" : "baseline:");
            int n = 1;
            for (SearchHit h : s.search(new SearchRequest(r.query().text(), EvalDevCollection.CASE_ID, null, depth)).hits()) {
                Integer g = r.judged().get(h.passageId());
                EvalDevCollection.IndexedPassage p = byId.get(h.passageId());
                String text = p.text().replaceAll("\\s+", " ");
                out.printf(Locale.ROOT, "%3d %s %8.2f %s@%d  %s | %s%n", n++, g == null ? "?" : g, h.score(), p.file(), p.start(),
                        h.heading() == null ? "" : h.heading().substring(0, Math.min(40, h.heading().length())),
                        text.substring(0, Math.min(150, text.length())));
            }
        }
        out.flush();
    }

    /**
     * The passages graded {@code minGrade} or higher that Evidens ranks below {@code depth}, per query: each with its rank
     * among all hits ({@code -} when it is no hit at all), grade, place, heading and the start of its text, to see why
     * it is missed.
     */
    public static void printMissed(List<Resolved> resolved, EvalDevCollection collection, EvidenceSearcher evidens,
                                   int depth, int minGrade, PrintWriter out) throws IOException {
        Map<String, EvalDevCollection.IndexedPassage> byId = new HashMap<>();
        for (EvalDevCollection.IndexedPassage p : collection.passages()) {
            byId.put(p.id(), p);
        }
        int missed = 0;
        for (Resolved r : resolved) {
            Map<String, Integer> rank = new HashMap<>();
            Map<String, String> heading = new HashMap<>();
            int n = 1;
            for (SearchHit h : evidens.search(new SearchRequest(r.query().text(), EvalDevCollection.CASE_ID, null,
                    collection.passages().size())).hits()) {
                rank.put(h.passageId(), n++);
                heading.put(h.passageId(), h.heading() == null ? "" : h.heading());
            }
            List<String> ids = r.judged().entrySet().stream()
                    .filter(e -> e.getValue() >= minGrade && rank.getOrDefault(e.getKey(), Integer.MAX_VALUE) > depth)
                    .map(Map.Entry::getKey)
                    .sorted(java.util.Comparator.comparing(id -> rank.getOrDefault(id, Integer.MAX_VALUE)))
                    .toList();
            if (ids.isEmpty()) {
                continue;
            }
            out.println("## " + r.query().id() + " | " + r.query().text() + " (" + n + " hits)");
            for (String id : ids) {
                missed++;
                EvalDevCollection.IndexedPassage p = byId.get(id);
                String text = p.text().replaceAll("\\s+", " ");
                Integer at = rank.get(id);
                out.printf(Locale.ROOT, "%5s %d %s@%d  [%s] %s%n", at == null ? "-" : at.toString(), r.judged().get(id), p.file(),
                        p.start(), heading.getOrDefault(id, ""), text.substring(0, Math.min(300, text.length())));
            }
        }
        out.println(missed + " passages graded " + minGrade + " or higher below Evidens' top " + depth);
        out.flush();
    }

    /**
     * The judge's pool: for each query, the passages in the top {@code depth} of either system not judged yet,
     * in an order shuffled per query (seeded by its id), with nothing that tells which system found them.
     * Each line: {@code file | offset | check | text}, ready to be graded by putting a grade in front.
     */
    public static void printPool(List<Resolved> resolved, EvalDevCollection collection, EvidenceSearcher evidens,
                                 EvidenceSearcher baseline, int depth, PrintWriter out) throws IOException {
        Map<String, EvalDevCollection.IndexedPassage> byId = new HashMap<>();
        for (EvalDevCollection.IndexedPassage p : collection.passages()) {
            byId.put(p.id(), p);
        }
        for (Resolved r : resolved) {
            Set<String> pool = new LinkedHashSet<>();
            for (EvidenceSearcher s : List.of(evidens, baseline)) {
                try {
                    for (SearchHit h : s.search(new SearchRequest(r.query().text(), EvalDevCollection.CASE_ID, null, depth)).hits()) {
                        pool.add(h.passageId());
                    }
                } catch (QuerySyntaxException e) {
                    out.println("# " + r.query().id() + ": " + e.getMessage());
                }
            }
            pool.removeAll(r.judged().keySet());
            List<String> order = new ArrayList<>(pool);
            Collections.shuffle(order, new Random(r.query().id().hashCode()));
            out.println("## " + r.query().id() + " | " + r.query().text());
            out.println("need: " + r.query().need());
            for (String id : order) {
                EvalDevCollection.IndexedPassage p = byId.get(id);
                out.println(p.file() + " | " + p.start() + " | " + collection.check(p.file(), p.start()) + " | "
                        + p.text().replaceAll("\\s+", " "));
            }
        }
        out.flush();
    }
}
