package no.evidens.evaluation.relevance;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

import no.evidens.corpus.RelevanceJudgements;
import no.evidens.corpus.SampleBundle;
import no.evidens.corpus.SampleDocument;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.IndexedDocument;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;
import no.evidens.index.QuerySyntaxException;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;

/**
 * The relevance evaluation of search: the judged queries of {@link RelevanceJudgements} run against
 * the sample bundle indexed with the Evidens analysis chain, and against the same passages indexed
 * with Lucene's plain NorwegianAnalyzer (the baseline), through the same {@link EvidenceSearcher}.
 * Prints nDCG@10 and recall@20 per split and per language.
 */
public final class SearchEval {
    public static final int NDCG_AT = 10;
    public static final int RECALL_AT = 20;

    /** A passage as indexed: what a judgement is resolved against. */
    public record IndexedPassage(String id, String file, String text) {
    }

    /** One query's relevant passages (id → grade), and the judgements that matched no passage. */
    public record Resolved(RelevanceJudgements.Query query, Map<String, Integer> grades,
                           List<RelevanceJudgements.Judgement> unresolved) {
    }

    /** How one system did on one query; {@code error} is the message of a rejected query, else null. */
    public record Score(double ndcg, double recall, long total, String error) {
    }

    /** One query's scores for Evidens and for the baseline. */
    public record QueryResult(Resolved resolved, Score evidens, Score baseline) {
    }

    /** A mean over some of the queries. */
    public record Summary(String name, int queries, double ndcgEvidens, double ndcgBaseline, double recallEvidens,
                          double recallBaseline) {
    }

    private SearchEval() {
    }

    /**
     * Writes the sample bundle under {@code work}, ingests it with the Evidens chain (in-process Tika,
     * all cores) into {@code work/home}, and builds the baseline index from its passages in {@code work/baseline}.
     *
     * @return the folders of the two indexes: [Evidens, baseline]
     */
    public static Path[] prepare(Path work) throws Exception {
        Path bundle = work.resolve("bundle");
        SampleBundle.writeTo(bundle);
        return ingestTwice(work, bundle, SampleBundle.CASE_ID);
    }

    /** The two indexes an earlier run left in {@code work} ({@link #ingestTwice}), or null when it holds none. */
    public static Path[] kept(Path work) {
        Path index = new EvidensHome(work.resolve("home")).index();
        Path baseline = work.resolve("baseline");
        return java.nio.file.Files.isDirectory(index) && java.nio.file.Files.isDirectory(baseline) ? new Path[] {index, baseline} : null;
    }

    /**
     * Ingests {@code bundle} as case {@code caseId} with the Evidens chain into {@code work/home}, and builds
     * the baseline index from its passages in {@code work/baseline}.
     *
     * @return the folders of the two indexes: [Evidens, baseline]
     */
    public static Path[] ingestTwice(Path work, Path bundle, String caseId) throws Exception {
        EvidensHome home = new EvidensHome(work.resolve("home"));
        int cores = Runtime.getRuntime().availableProcessors();
        new Ingestion(home, new DocumentAnalyser(), cores).ingest(caseId, bundle, ProgressListener.NONE);
        Path baseline = work.resolve("baseline");
        copyWithPlainAnalyzer(home.index(), baseline);
        return new Path[] {home.index(), baseline};
    }

    /**
     * Re-adds every document and passage stored in the index at {@code from} into a new index at
     * {@code to} written with {@link NorwegianAnalysis#plain()}: the same passages, only the analysis differs.
     */
    public static void copyWithPlainAnalyzer(Path from, Path to) throws IOException {
        Map<String, IndexedDocument> docs = new LinkedHashMap<>();
        Map<String, List<Passage>> passages = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(from))) {
            forEachStored(reader, d -> {
                String key = d.get(PassageSchema.CASE) + "/" + d.get(PassageSchema.DOC);
                if (d.get(PassageSchema.DOC_TEXT) != null) {
                    docs.put(key, document(d));
                } else if (d.get(PassageSchema.TEXT) != null) {
                    passages.computeIfAbsent(key, k -> new ArrayList<>()).add(passage(d));
                }
            });
        }
        try (EvidenceIndexWriter writer = new EvidenceIndexWriter(to, NorwegianAnalysis.plain())) {
            for (Map.Entry<String, IndexedDocument> e : docs.entrySet()) {
                List<Passage> ps = new ArrayList<>(passages.getOrDefault(e.getKey(), List.of()));
                ps.sort(Comparator.comparingInt(Passage::start));
                writer.add(e.getValue(), ps);
            }
            writer.commit();
        }
    }

    /** Every passage stored in the index. */
    public static List<IndexedPassage> passages(Path index) throws IOException {
        List<IndexedPassage> out = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            forEachStored(reader, d -> {
                if (d.get(PassageSchema.TEXT) != null && d.get(PassageSchema.DOC_TEXT) == null) {
                    out.add(new IndexedPassage(d.get(PassageSchema.ID), d.get(PassageSchema.FILE), d.get(PassageSchema.TEXT)));
                }
            });
        }
        return out;
    }

    private interface StoredDocumentConsumer {
        void accept(Document d) throws IOException;
    }

    private static void forEachStored(DirectoryReader reader, StoredDocumentConsumer consumer) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    consumer.accept(stored.document(i));
                }
            }
        }
    }

    private static IndexedDocument document(Document d) {
        List<Integer> pageStarts = new ArrayList<>();
        for (String s : d.get(PassageSchema.PAGE_STARTS).split(",")) {
            pageStarts.add(Integer.valueOf(s));
        }
        return new IndexedDocument(d.get(PassageSchema.DOC), d.get(PassageSchema.CASE), d.get(PassageSchema.FILE),
                d.get(PassageSchema.TYPE), d.get(PassageSchema.TITLE), d.get(PassageSchema.SHA256),
                d.get(PassageSchema.MEDIA_TYPE), d.get(PassageSchema.DOC_TEXT), pageStarts);
    }

    private static Passage passage(Document d) {
        String heading = d.get(PassageSchema.HEADING);
        return new Passage(d.get(PassageSchema.ID), d.get(PassageSchema.CASE), d.get(PassageSchema.DOC),
                d.get(PassageSchema.FILE), d.get(PassageSchema.TYPE), d.get(PassageSchema.TITLE),
                heading == null ? "" : heading, intValue(d, PassageSchema.PAGE), intValue(d, PassageSchema.START),
                intValue(d, PassageSchema.END), d.get(PassageSchema.TEXT), values(d, PassageSchema.QUOTE),
                values(d, PassageSchema.INDICATOR), values(d, PassageSchema.LAW));
    }

    private static int intValue(Document d, String field) {
        for (IndexableField f : d.getFields(field)) {
            if (f.numericValue() != null) {
                return f.numericValue().intValue();
            }
        }
        throw new IllegalStateException("passage " + d.get(PassageSchema.ID) + " has no stored " + field);
    }

    private static List<String> values(Document d, String field) {
        List<String> out = new ArrayList<>();
        for (IndexableField f : d.getFields(field)) {
            if (f.stringValue() != null) {
                out.add(f.stringValue());
            }
        }
        return out;
    }

    /**
     * Files of the sample bundle with the same text stand for each other: of two identical copies only
     * one is indexed (the other is a duplicate), and which one depends on the order ingestion met them.
     */
    public static Function<String, String> sampleBundleAliases() {
        Map<String, String> firstWithText = new HashMap<>();
        Map<String, String> alias = new HashMap<>();
        for (SampleDocument d : SampleBundle.documents()) {
            alias.put(d.path(), firstWithText.computeIfAbsent(d.expectedText(), t -> d.path()));
        }
        return f -> alias.getOrDefault(f, f);
    }

    /**
     * Resolves each judgement to the indexed passage of its file (or an identical copy) that contains
     * its excerpt; a passage's grade is the highest grade of the judgements it contains.
     */
    public static List<Resolved> resolve(List<RelevanceJudgements.Query> queries, List<IndexedPassage> passages,
                                         Function<String, String> aliases) {
        Map<String, List<IndexedPassage>> byFile = new HashMap<>();
        for (IndexedPassage p : passages) {
            byFile.computeIfAbsent(aliases.apply(p.file()), k -> new ArrayList<>()).add(p);
        }
        List<Resolved> out = new ArrayList<>();
        for (RelevanceJudgements.Query q : queries) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            List<RelevanceJudgements.Judgement> unresolved = new ArrayList<>();
            for (RelevanceJudgements.Judgement j : q.judgements()) {
                List<IndexedPassage> matches = byFile.getOrDefault(aliases.apply(j.file()), List.of()).stream()
                        .filter(p -> p.text().contains(j.excerpt())).toList();
                if (matches.isEmpty()) {
                    unresolved.add(j);
                }
                for (IndexedPassage p : matches) {
                    grades.merge(p.id(), j.grade(), Math::max);
                }
            }
            out.add(new Resolved(q, grades, unresolved));
        }
        return out;
    }

    /** Runs one query on one index and scores its top {@value #RECALL_AT} hits. */
    public static Score score(EvidenceSearcher searcher, Resolved r, String caseId) throws IOException {
        return score(searcher, r.query().text(), r.grades(), caseId);
    }

    /** Runs one query on one index and scores its top {@value #RECALL_AT} hits against graded passage ids. */
    public static Score score(EvidenceSearcher searcher, String queryText, Map<String, Integer> grades, String caseId)
            throws IOException {
        List<String> ranked = new ArrayList<>();
        long total;
        try {
            var result = searcher.search(new SearchRequest(queryText, caseId, null, Math.max(NDCG_AT, RECALL_AT)));
            for (SearchHit h : result.hits()) {
                ranked.add(h.passageId());
            }
            total = result.total();
        } catch (QuerySyntaxException e) {
            return new Score(0, 0, 0, e.getMessage());
        }
        return new Score(RankingMetrics.ndcg(ranked, grades, NDCG_AT), RankingMetrics.recall(ranked, grades, RECALL_AT),
                total, null);
    }

    /** Every query on both indexes. */
    public static List<QueryResult> run(List<Resolved> resolved, EvidenceSearcher evidens, EvidenceSearcher baseline,
                                        String caseId) throws IOException {
        List<QueryResult> out = new ArrayList<>();
        for (Resolved r : resolved) {
            out.add(new QueryResult(r, score(evidens, r, caseId), score(baseline, r, caseId)));
        }
        return out;
    }

    /** Means per group: all, each split, each language. */
    public static List<Summary> summarise(List<QueryResult> results) {
        List<Summary> out = new ArrayList<>();
        out.add(summary("all", results, r -> true));
        for (String split : List.of("dev", "test")) {
            out.add(summary("split " + split, results, r -> r.resolved().query().split().equals(split)));
        }
        for (String language : List.of("nb", "nn")) {
            out.add(summary(language.equals("nb") ? "Bokmål (nb)" : "Nynorsk (nn)", results,
                    r -> r.resolved().query().language().equals(language)));
        }
        return out;
    }

    static Summary summary(String name, List<QueryResult> results, Predicate<QueryResult> which) {
        List<QueryResult> rs = results.stream().filter(which).filter(r -> !r.resolved().grades().isEmpty()).toList();
        return new Summary(name, rs.size(),
                rs.stream().mapToDouble(r -> r.evidens().ndcg()).average().orElse(0),
                rs.stream().mapToDouble(r -> r.baseline().ndcg()).average().orElse(0),
                rs.stream().mapToDouble(r -> r.evidens().recall()).average().orElse(0),
                rs.stream().mapToDouble(r -> r.baseline().recall()).average().orElse(0));
    }

    /** The table of means and, with {@code perQuery}, one line per query. */
    public static void print(List<QueryResult> results, int passages, boolean perQuery, PrintWriter out) {
        long judgements = results.stream().mapToLong(r -> r.resolved().query().judgements().size()).sum();
        long judged = results.stream().mapToLong(r -> r.resolved().grades().size()).sum();
        out.printf(Locale.ROOT, "%d queries, %d judgements, resolved to %d graded (query, passage) pairs; %d passages indexed%n",
                results.size(), judgements, judged, passages);
        out.printf(Locale.ROOT, "  %-14s %7s   %-22s   %-22s%n", "", "", "nDCG@" + NDCG_AT, "recall@" + RECALL_AT);
        out.printf(Locale.ROOT, "  %-14s %7s   %9s %12s   %9s %12s%n", "queries", "count", "Evidens", "baseline",
                "Evidens", "baseline");
        for (Summary s : summarise(results)) {
            out.printf(Locale.ROOT, "  %-14s %7d   %9.3f %12.3f   %9.3f %12.3f%n", s.name(), s.queries(), s.ndcgEvidens(),
                    s.ndcgBaseline(), s.recallEvidens(), s.recallBaseline());
        }
        out.println("  (baseline: the same passages indexed and searched with Lucene's plain NorwegianAnalyzer)");
        for (QueryResult r : results) {
            for (RelevanceJudgements.Judgement j : r.resolved().unresolved()) {
                out.printf(Locale.ROOT, "  warning: %s: no indexed passage of %s contains \"%s\"%n",
                        r.resolved().query().id(), j.file(), j.excerpt());
            }
        }
        if (perQuery) {
            out.println();
            out.printf(Locale.ROOT, "  %-4s %-2s %-4s %-38s %6s %6s %6s %6s %7s %7s%n", "id", "", "", "query", "nDCG", "base",
                    "R@20", "base", "hits", "base");
            for (QueryResult r : results) {
                RelevanceJudgements.Query q = r.resolved().query();
                out.printf(Locale.ROOT, "  %-4s %-2s %-4s %-38s %6.3f %6.3f %6.3f %6.3f %7s %7s%n", q.id(), q.language(),
                        q.split(), q.text(), r.evidens().ndcg(), r.baseline().ndcg(), r.evidens().recall(),
                        r.baseline().recall(), hits(r.evidens()), hits(r.baseline()));
            }
        }
        out.flush();
    }

    private static String hits(Score s) {
        return s.error() != null ? "error" : String.valueOf(s.total());
    }
}
