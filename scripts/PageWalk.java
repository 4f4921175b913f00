import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

import no.evidens.evaluation.scale.AnalysedWord;
import no.evidens.evaluation.scale.CorpusVocabulary;
import no.evidens.evaluation.scale.SearchBench;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.PassageSchema;

/**
 * How Lucene's walk finds the top 10 of a one-word search on a bench index (`evidens bench search --dir DIR` keeps one),
 * and what knowing the page's lowest score before the walk would save:
 *
 *   java -Xmx1g -cp "pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar" scripts/PageWalk.java DIR ROUNDS
 *
 * The bench's term words (`SearchBench`: content words of the sample corpus by frequency, the 21st to the 220th), each
 * in its three fields as the bench's ablation asks them (text, compound parts at 0.4, heading at 0.3; no evidence
 * bonus), searched for their top 10 five ways, the ways interleaved in each round: ties by entry (Lucene's top 10 by
 * score, which may skip an entry that only equals the 10th score), by score alone with ties seen (a sort on the score
 * only, which sees an entry equal to the 10th score as Evidens's order must, without reading files and places), in
 * Evidens's order (score, then file, then place: an entry that equals the 10th score must be seen), in Evidens's order
 * with the final 10th score known from the start (what any floor found before the walk could save at most), and in
 * Evidens's order with the 10th score of the smallest segment found first and given as that floor (its own walk
 * included). Prints per way the thread CPU p50 over
 * ROUNDS measured rounds (after three warm-up rounds) and the hits the walk handed to the collector per search.
 */
public class PageWalk {
    private static final String[] WAYS = {"ties by entry", "score alone, ties seen", "Evidens's order",
            "Evidens's order, final floor known", "Evidens's order, floor of the smallest segment"};
    private static final Sort SCORE_ALONE = new Sort(SortField.FIELD_SCORE);

    /** Tells each segment's scorer {@code floor} as the lowest competitive score from the start; counts collected hits. */
    static final class Floor extends FilterCollector {
        private final float floor;
        long collected;

        Floor(Collector in, float floor) {
            super(in);
            this.floor = floor;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new FilterLeafCollector(super.getLeafCollector(context)) {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    in.setScorer(new FilterScorable(scorer) {
                        @Override
                        public void setMinCompetitiveScore(float minScore) throws IOException {
                            scorer.setMinCompetitiveScore(Math.max(minScore, floor));
                        }
                    });
                    if (floor > 0) {
                        scorer.setMinCompetitiveScore(floor);
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    collected++;
                    in.collect(doc);
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Query> queries = queries();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            LeafReaderContext smallest = reader.leaves().stream().min(Comparator.comparingInt(l -> l.reader().maxDoc())).orElseThrow();
            IndexSearcher small = new IndexSearcher(smallest.reader());
            small.setQueryCache(null);
            float[] finalFloor = new float[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                finalFloor[i] = tenth(searcher, queries.get(i));
            }
            double[][] p50 = new double[WAYS.length][rounds];
            long[] collected = new long[WAYS.length];
            for (int round = -3; round < rounds; round++) {
                for (int way = 0; way < WAYS.length; way++) {
                    double[] ms = new double[queries.size()];
                    for (int i = 0; i < queries.size(); i++) {
                        long t0 = threads.getCurrentThreadCpuTime();
                        Collector top = way == 0 ? new TopScoreDocCollectorManager(10, null, 10, false).newCollector()
                                : new TopFieldCollectorManager(way == 1 ? SCORE_ALONE : EvidenceSearcher.BY_RELEVANCE, 10, null, 10,
                                        false).newCollector();
                        float floor = way == 3 ? finalFloor[i] : way == 4 ? tenth(small, queries.get(i)) : 0;
                        Floor counted = new Floor(top, floor);
                        search(searcher, queries.get(i), counted);
                        ms[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
                        if (round >= 0) {
                            collected[way] += counted.collected;
                        }
                    }
                    if (round >= 0) {
                        Arrays.sort(ms);
                        p50[way][round] = ms[ms.length / 2];
                    }
                }
            }
            for (int way = 0; way < WAYS.length; way++) {
                System.out.printf(Locale.ROOT, "%-48s thread CPU p50 per round %s ms, hits collected per search %,d%n", WAYS[way],
                        Arrays.toString(Arrays.stream(p50[way]).map(v -> Math.round(v * 1000) / 1000.0).toArray()),
                        collected[way] / ((long) rounds * queries.size()));
            }
        }
    }

    /**
     * Searches with one collector: the searcher has no executor, so its one slice of segments asks for one collector.
     * The index's own {@code OneCollector} does the same but is package-private, and a one-file program shares no code.
     */
    private static void search(IndexSearcher searcher, Query query, Collector collector) throws IOException {
        searcher.search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return collector;
            }

            @Override
            public Void reduce(Collection<Collector> collectors) {
                return null;
            }
        });
    }

    /** The 10th score of {@code query}'s top 10 in Evidens's order (0 when it has fewer hits). */
    private static float tenth(IndexSearcher searcher, Query query) throws IOException {
        TopFieldCollector top = new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null, 10, false).newCollector();
        search(searcher, query, top);
        TopDocs docs = top.topDocs();
        return docs.scoreDocs.length < 10 ? 0 : (Float) ((FieldDoc) docs.scoreDocs[9]).fields[0];
    }

    /**
     * The bench's term words, each in its three fields as the bench's ablation asks them (the same query as
     * {@code SearchCompare.counting}: a one-file program cannot call another's method).
     */
    private static List<Query> queries() throws IOException {
        CorpusVocabulary vocabulary = CorpusVocabulary.ofSampleBundle();
        List<String> content = SearchBench.contentWords(vocabulary);
        List<Query> out = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null)) {
            for (String w : content.subList(20, Math.min(content.size(), 220))) {
                Query text = AnalysedWord.query(analyzer, PassageSchema.TEXT, w, 1f);
                Query parts = AnalysedWord.query(analyzer, PassageSchema.PARTS, w, 0.4f);
                Query heading = AnalysedWord.query(analyzer, PassageSchema.HEADING, w, 0.3f);
                if (text != null && parts != null && heading != null) {
                    out.add(new BooleanQuery.Builder().add(text, BooleanClause.Occur.SHOULD).add(parts, BooleanClause.Occur.SHOULD)
                            .add(heading, BooleanClause.Occur.SHOULD).build());
                }
            }
        }
        return out;
    }
}
