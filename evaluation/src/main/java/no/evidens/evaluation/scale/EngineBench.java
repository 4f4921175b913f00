package no.evidens.evaluation.scale;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.EvidenceSink;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.SearchRequest;
import no.evidens.solr.SolrEvidenceIndex;
import no.evidens.solr.SolrEvidenceSink;
import no.evidens.solr.SolrSetup;
import no.evidens.solr.SolrTarget;

/**
 * {@code evidens bench search --solr …}: the same generated passages indexed into the embedded index and
 * into a SolrCloud collection in one run, each through the engine seam (EvidenceSink, EvidenceIndex), and
 * the same searches timed on both: indexing passages/s, and p50/p95 of faceted + highlighted searches and
 * of searches filtered to a case and a type.
 */
public final class EngineBench {
    /** What one engine measured. */
    public record Figures(String engine, long passages, double indexSeconds, SearchBench.Latencies faceted,
                          SearchBench.Latencies filtered) {
        public double passagesPerSecond() {
            return passages / indexSeconds;
        }
    }

    private final int passages;
    private final int queries;
    private final int rounds;
    private final int threads;

    public EngineBench(int passages, int queries, int rounds, int threads) {
        this.passages = passages;
        this.queries = queries;
        this.rounds = rounds;
        this.threads = threads;
    }

    /** Both engines: the embedded index in {@code dir}, and a new collection on the SolrCloud at {@code solr}. */
    public List<Figures> run(Path dir, SolrTarget solr, PrintWriter progress) throws Exception {
        CorpusVocabulary vocabulary = CorpusVocabulary.ofSampleBundle();
        List<String> words = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.analyzer()) {
            for (String w : vocabulary.wordsByFrequency()) {
                if (CorpusVocabulary.isContentWord(w, 5) && SearchBench.firstToken(analyzer, w) != null && words.size() < 40) {
                    words.add(w);
                }
            }
        }
        List<SearchRequest> faceted = new ArrayList<>();
        List<SearchRequest> filtered = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            String w = words.get(i % words.size());
            faceted.add(new SearchRequest(i % 2 == 0 ? w : w + " " + words.get((i + 7) % words.size()), null, null, 20));
            filtered.add(new SearchRequest(words.get((i + 20) % words.size()), PassageGenerator.caseId(i % PassageGenerator.CASES),
                    PassageGenerator.TYPES.get(i % PassageGenerator.TYPES.size()), 10));
        }
        List<Figures> out = new ArrayList<>();
        progress.printf(Locale.ROOT, "Embedded index: indexing %,d generated passages on %d threads …%n", passages, threads);
        progress.flush();
        double seconds;
        try (EvidenceIndexWriter sink = new EvidenceIndexWriter(dir)) {
            seconds = index(vocabulary, sink);
        }
        try (EvidenceIndex index = new EvidenceSearcher(dir)) {
            out.add(figures("embedded Lucene", seconds, index, faceted, filtered));
        }
        SolrSetup.Outcome o = SolrSetup.init(solr, 2, 2);
        progress.printf(Locale.ROOT, "SolrCloud %s (%d nodes, collection %s%s): indexing the same passages …%n", solr,
                o.liveNodes().size(), o.collection(), o.created() ? ", 2 shards × 2 replicas" : ", as it was");
        progress.flush();
        try (SolrEvidenceSink sink = new SolrEvidenceSink(solr)) {
            seconds = index(vocabulary, sink);
        }
        try (EvidenceIndex index = new SolrEvidenceIndex(solr, NorwegianAnalysis.queryAnalyzer(null))) {
            out.add(figures("SolrCloud", seconds, index, faceted, filtered));
        }
        return out;
    }

    private Figures figures(String engine, double seconds, EvidenceIndex index, List<SearchRequest> faceted,
                            List<SearchRequest> filtered) throws Exception {
        return new Figures(engine, passages, seconds,
                SearchBench.time("broad, faceted + highlighted", faceted, rounds, r -> index.search(r).total()),
                SearchBench.time("filtered (case + type)", filtered, rounds, r -> index.search(r).total()));
    }

    /** Writes the generated passages (the same ones for every engine: one seed) and commits; the seconds taken. */
    private double index(CorpusVocabulary vocabulary, EvidenceSink sink) throws Exception {
        long t0 = System.nanoTime();
        SearchBench.write(new PassageGenerator(vocabulary, SearchBench.SEED), sink, passages, threads);
        return (System.nanoTime() - t0) / 1e9;
    }

    public static void print(List<Figures> figures, PrintWriter out) {
        out.printf(Locale.ROOT, "  %-16s %12s %14s %22s %22s%n", "engine", "passages", "indexing /s", "faceted p50 / p95 ms",
                "filtered p50 / p95 ms");
        for (Figures f : figures) {
            out.printf(Locale.ROOT, "  %-16s %,12d %,14.0f %10.1f / %-10.1f %10.1f / %-10.1f%n", f.engine(), f.passages(),
                    f.passagesPerSecond(), f.faceted().p50(), f.faceted().p95(), f.filtered().p50(), f.filtered().p95());
        }
        out.flush();
    }
}
