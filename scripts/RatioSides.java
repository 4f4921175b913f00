import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.FSDirectory;

import no.evidens.evaluation.scale.AnalysedWord;
import no.evidens.evaluation.scale.CorpusVocabulary;
import no.evidens.evaluation.scale.SearchBench;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchRequest;

/**
 * What the two sides of `bench search`'s ratio do, on a bench index (`evidens bench search --dir DIR` keeps one):
 *
 *   java -Xmx1g -cp "pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar" scripts/RatioSides.java DIR ROUNDS
 *
 * The bench's 200 term words (`SearchBench`: content words of the sample corpus by frequency, the 21st to the 220th),
 * searched in seven ways, the ways interleaved word by word in each round (after two warm-up rounds): the bench's bare
 * `TermQuery` (`IndexSearcher.search(q, 10)`: Lucene's top 10 by score, ties by entry, hits counted up to 1,000 and
 * then skipped by the word's block maxima), the same query with every hit counted (a threshold of
 * `Integer.MAX_VALUE`: Lucene then scores every hit), the word's hits only visited (no score, no top 10: a walk of its
 * postings), the word in its three fields as the bench's ablation asks them (text, compound parts at 0.4, heading at
 * 0.3) for Lucene's top 10 with Lucene's threshold, the same three fields in Evidens's order (score, file, place) with
 * the threshold at 10 (the page's walk without bonus or known hits), the same with every hit counted (Lucene then scores
 * every hit in every field it holds), and the Evidens term search itself. Prints per way
 * the thread CPU p50 and mean, the median of the hits each way reports (a lower bound where a way stops counting),
 * and for the Lucene ways the BM25 scores computed per search (a BM25 that counts its calls: the hits' field scores and the
 * block maxima computed from impacts alike) and the hits handed to the collector per search (means). Evidens scores
 * with its own searcher; a build whose snapshots score with a counting BM25 of its own ({@code
 * no.evidens.index.ScoreCount.calls}, a scratch class, not in the project) gets its scores counted too. Then, as the
 * bench times them, the term searches ROUNDS rounds in a row and the bare queries ROUNDS rounds in a row (one warm-up
 * round each): what the caches kept warm by a run of one kind give each side.
 */
public class RatioSides {
    /** The scores the counting BM25 computed in the way being run. */
    static long scoreCalls;

    /** BM25 as Lucene's default, counting every score it computes. */
    static final class CountingBM25 extends Similarity {
        private final BM25Similarity in = new BM25Similarity();

        @Override
        public long computeNorm(FieldInvertState state) {
            return in.computeNorm(state);
        }

        @Override
        public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
            SimScorer s = in.scorer(boost, collection, terms);
            return new SimScorer() {
                @Override
                public float score(float freq, long norm) {
                    scoreCalls++;
                    return s.score(freq, norm);
                }
            };
        }
    }

    /** The hits handed to the collectors of {@link #counting} in the way being run. */
    static long collected;

    interface Way {
        long run(int word) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        CorpusVocabulary vocabulary = CorpusVocabulary.ofSampleBundle();
        List<String> content = SearchBench.contentWords(vocabulary);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            words.add(content.subList(20, content.size()).get(i % (content.size() - 20)));
        }
        List<Query> bare = new ArrayList<>();
        List<Query> three = new ArrayList<>();
        List<SearchRequest> requests = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.analyzer(); Analyzer query = NorwegianAnalysis.queryAnalyzer(null)) {
            for (String w : words) {
                bare.add(new TermQuery(new Term(PassageSchema.TEXT, SearchBench.firstToken(analyzer, w))));
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                b.add(AnalysedWord.query(query, PassageSchema.TEXT, w, 1f), BooleanClause.Occur.SHOULD);
                Query parts = AnalysedWord.query(query, PassageSchema.PARTS, w, 0.4f);
                Query heading = AnalysedWord.query(query, PassageSchema.HEADING, w, 0.3f);
                if (parts != null) {
                    b.add(parts, BooleanClause.Occur.SHOULD);
                }
                if (heading != null) {
                    b.add(heading, BooleanClause.Occur.SHOULD);
                }
                three.add(b.build());
                requests.add(new SearchRequest(w, null, null, 10));
            }
        }
        String[] names = {"bare TermQuery, as the bench (top 10, hits counted to 1,000)", "bare TermQuery, every hit counted",
                "the word's hits visited only (no score)", "three fields, Lucene's top 10 (hits counted to 1,000)",
                "three fields, Evidens's order, threshold 10", "three fields, every hit counted (Evidens's order)",
                "the Evidens term search"};
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir)); EvidenceSearcher evidens = new EvidenceSearcher(dir)) {
            IndexSearcher lucene = new IndexSearcher(reader);
            lucene.setSimilarity(new CountingBM25());
            Way[] ways = {
                i -> hits(lucene.search(bare.get(i), counting(new TopScoreDocCollectorManager(10, null, 1000)))),
                i -> hits(lucene.search(bare.get(i), counting(new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE)))),
                i -> lucene.search(bare.get(i), new Visiting()),
                i -> hits(lucene.search(three.get(i), counting(new TopScoreDocCollectorManager(10, null, 1000)))),
                i -> hits(lucene.search(three.get(i), counting(new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null, 10,
                        false)))),
                i -> hits(lucene.search(three.get(i), counting(new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null,
                        Integer.MAX_VALUE, false)))),
                i -> evidens.search(requests.get(i)).total(),
            };
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            java.lang.reflect.Field evidensCalls = scoreCounter();
            double[][] cpu = new double[ways.length][rounds * words.size()];
            long[] scores = new long[ways.length];
            long[] handed = new long[ways.length];
            long[][] totals = new long[ways.length][words.size()];
            for (int round = -2; round < rounds; round++) {
                for (int i = 0; i < words.size(); i++) {
                    for (int k = 0; k < ways.length; k++) {
                        int w = (k + i + Math.max(round, 0)) % ways.length;
                        scoreCalls = 0;
                        collected = 0;
                        if (evidensCalls != null) {
                            evidensCalls.setLong(null, 0);
                        }
                        long t = threads.getCurrentThreadCpuTime();
                        long total = ways[w].run(i);
                        long took = threads.getCurrentThreadCpuTime() - t;
                        if (round >= 0) {
                            cpu[w][round * words.size() + i] = took / 1e6;
                            scores[w] += scoreCalls + (evidensCalls == null ? 0 : evidensCalls.getLong(null));
                            handed[w] += collected;
                            totals[w][i] = total;
                        }
                    }
                }
            }
            // As the bench times them: each kind's searches in a row, the bare query's after the term search's.
            double[][] inRow = new double[2][rounds * words.size()];
            int[] kinds = {ways.length - 1, 0};
            for (int j = 0; j < kinds.length; j++) {
                for (int round = -1; round < rounds; round++) {
                    for (int i = 0; i < words.size(); i++) {
                        long t = threads.getCurrentThreadCpuTime();
                        ways[kinds[j]].run(i);
                        if (round >= 0) {
                            inRow[j][round * words.size() + i] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
                        }
                    }
                }
            }
            int n = rounds * words.size();
            System.out.printf(Locale.ROOT, "%-64s %9s %9s %12s %12s %12s%n", "way (thread CPU ms)", "p50", "mean",
                    "scores/srch", "handed/srch", "median hits");
            for (int k = 0; k < ways.length; k++) {
                double[] sorted = cpu[k].clone();
                Arrays.sort(sorted);
                long[] t = totals[k].clone();
                Arrays.sort(t);
                System.out.printf(Locale.ROOT, "%-64s %9.3f %9.3f %,12d %,12d %,12d%n", names[k], sorted[n / 2],
                        Arrays.stream(sorted).average().orElse(0), scores[k] / n, handed[k] / n, t[t.length / 2]);
            }
            for (int j = 0; j < kinds.length; j++) {
                double[] sorted = inRow[j].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-64s %9.3f %9.3f%n", names[kinds[j]] + ", in a row", sorted[n / 2],
                        Arrays.stream(sorted).average().orElse(0));
            }
        }
    }

    /**
     * A build of Evidens that counts its own score calls (a scratch build whose snapshots score with a counting BM25,
     * {@code no.evidens.index.ScoreCount.calls}; not in the project), or null.
     */
    private static java.lang.reflect.Field scoreCounter() {
        try {
            return Class.forName("no.evidens.index.ScoreCount").getField("calls");
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static long hits(TopDocs top) {
        return top.totalHits.value;
    }

    /** The manager's collectors, each hit handed to them counted. */
    static <C extends Collector, T> CollectorManager<Collector, T> counting(CollectorManager<C, T> in) {
        return new CollectorManager<>() {
            final List<C> made = new ArrayList<>();

            @Override
            public Collector newCollector() throws IOException {
                C c = in.newCollector();
                made.add(c);
                return new Collector() {
                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                        LeafCollector leaf = c.getLeafCollector(context);
                        return new LeafCollector() {
                            @Override
                            public void setScorer(Scorable scorer) throws IOException {
                                leaf.setScorer(scorer);
                            }

                            @Override
                            public void collect(int doc) throws IOException {
                                collected++;
                                leaf.collect(doc);
                            }

                            @Override
                            public org.apache.lucene.search.DocIdSetIterator competitiveIterator() throws IOException {
                                return leaf.competitiveIterator();
                            }
                        };
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return c.scoreMode();
                    }

                    @Override
                    public void setWeight(org.apache.lucene.search.Weight weight) {
                        c.setWeight(weight);
                    }
                };
            }

            @Override
            public T reduce(java.util.Collection<Collector> collectors) throws IOException {
                return in.reduce(made);
            }
        };
    }

    /** Visits every hit without a score: a count that walks the postings (Lucene's own count reads the word's statistic). */
    static final class Visiting implements CollectorManager<Collector, Long> {
        long count;

        @Override
        public Collector newCollector() {
            return new Collector() {
                @Override
                public LeafCollector getLeafCollector(LeafReaderContext context) {
                    return new LeafCollector() {
                        @Override
                        public void setScorer(Scorable scorer) {
                        }

                        @Override
                        public void collect(int doc) {
                            count++;
                        }
                    };
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        @Override
        public Long reduce(java.util.Collection<Collector> collectors) {
            return count;
        }
    }
}
