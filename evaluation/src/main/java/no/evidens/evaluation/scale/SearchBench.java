package no.evidens.evaluation.scale;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;

/**
 * The scale benchmark of search: builds an index of generated passages (see {@link PassageGenerator})
 * with the Evidens writer on all cores, then measures query latency through
 * {@link EvidenceSearcher#search} (which always counts facets and highlights the hits) for term, phrase,
 * filtered and broad faceted + highlighted queries, beside a bare Lucene {@link TermQuery} on the
 * same index in the same run.
 */
public final class SearchBench {
    /** Targets of issue 11 on the 2-core reference machine. */
    static final double TARGET_PASSAGES_PER_SECOND = 30_000;
    static final double TARGET_FACETED_P95_MS = 25;
    static final double TARGET_TERM_RATIO = 10;
    static final long TARGET_HEAP_MB = 1024;
    static final long SEED = 6;
    /** The figures before issue 11 (issue 11's "Figures", 1 M passages, 2 cores, ranges by machine load). */
    static final String BEFORE_TERM_RATIO = "26–38×";
    static final String BEFORE_FACETED_P95 = "49–71 ms";
    static final String BEFORE_INDEXING = "6–28 k/s";

    /**
     * One kind of query: its requests, and the latencies measured; {@code cpuP50} is the median of the CPU time a query
     * took on its thread and the searcher's threads, which a busy machine inflates far less than the time it waits for a
     * core.
     */
    public record Latencies(String name, int queries, long totalHitsMedian, double p50, double p95, double p99, double mean,
                            double cpuP50) {
    }

    /** What one run measured. */
    public record Report(long passages, long documents, double indexSeconds, double indexCpuSeconds, long indexBytes,
                         int segments, WarmUp.Result warmUp, List<Latencies> latencies, long maxHeapMb, long peakHeapMb) {
        public double passagesPerSecond() {
            return passages / indexSeconds;
        }

        public Latencies latency(String name) {
            return latencies.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** The baseline's name among the latencies: the bare TermQuery timed in the bench's own JVM, after Evidens's searches. */
    static final String BARE = "bare Lucene TermQuery (baseline)";

    private final int passages;
    private final int queriesPerKind;
    private final int rounds;
    private final int threads;
    private final int maxWarmUpPasses;
    /** Whether the baseline is also timed in a JVM of its own ({@link BareTermAlone}). */
    private final boolean bareAlone;

    /**
     * @param passages        how many passages to index (at least; the last documents may add a few)
     * @param queriesPerKind  distinct queries of each kind
     * @param rounds          how many times each query is measured (after the warm-up)
     * @param maxWarmUpPasses at most so many passes of the whole query mix before measuring (fewer once the JIT settles)
     */
    public SearchBench(int passages, int queriesPerKind, int rounds, int threads, int maxWarmUpPasses) {
        this(passages, queriesPerKind, rounds, threads, maxWarmUpPasses, false);
    }

    /**
     * As {@link #SearchBench(int, int, int, int, int)}; {@code bareAlone}: the bare TermQuery is also timed in a JVM of its
     * own, and the term search's target judged against both baselines.
     */
    public SearchBench(int passages, int queriesPerKind, int rounds, int threads, int maxWarmUpPasses, boolean bareAlone) {
        if (passages < 1 || queriesPerKind < 1 || rounds < 1 || threads < 1 || maxWarmUpPasses < 1) {
            throw new IllegalArgumentException("passages, queries, rounds, threads and warm-up passes must be at least 1");
        }
        this.passages = passages;
        this.queriesPerKind = queriesPerKind;
        this.rounds = rounds;
        this.threads = threads;
        this.maxWarmUpPasses = maxWarmUpPasses;
        this.bareAlone = bareAlone;
    }

    public Report run(Path dir, PrintWriter progress) throws Exception {
        CorpusVocabulary vocabulary = CorpusVocabulary.ofSampleBundle();
        PassageGenerator generator = new PassageGenerator(vocabulary, SEED);
        progress.printf(Locale.ROOT, "Indexing %,d generated passages (%d distinct words of the sample corpus) on %d threads …%n",
                passages, vocabulary.distinctWords(), threads);
        progress.flush();
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        Written written;
        try (EvidenceIndexWriter writer = new EvidenceIndexWriter(dir)) {
            written = write(generator, writer, passages, threads);
        }
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        double indexCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        long bytes = sizeOf(dir);
        int segments;
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            segments = reader.leaves().size();
        }

        List<String> content = contentWords(vocabulary);
        List<String> phrases = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.analyzer()) {
            for (String p : vocabulary.phrases(4)) {
                String[] two = p.split(" ");
                if (firstToken(analyzer, two[0]) != null && firstToken(analyzer, two[1]) != null) {
                    phrases.add("\"" + p + "\"");
                }
            }
        }
        List<String> broad = cycle(content.subList(0, Math.min(content.size(), 20)), queriesPerKind);
        List<String> terms = cycle(content.subList(Math.min(content.size() - 1, 20), content.size()), queriesPerKind);
        phrases = cycle(phrases, queriesPerKind);

        List<Latencies> latencies = new ArrayList<>();
        WarmUp.Result warmUp;
        List<TermQuery> bare = bareTermQueries(terms);
        try (EvidenceSearcher searcher = new EvidenceSearcher(dir);
             DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher bareSearcher = new IndexSearcher(reader);
            List<SearchRequest> termRequests = terms.stream().map(w -> new SearchRequest(w, null, null, 10)).toList();
            List<SearchRequest> phraseRequests = phrases.stream().map(p -> new SearchRequest(p, null, null, 10)).toList();
            List<SearchRequest> filtered = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                filtered.add(new SearchRequest(terms.get(i), PassageGenerator.caseId(i % PassageGenerator.CASES),
                        PassageGenerator.TYPES.get(i % PassageGenerator.TYPES.size()), 10));
            }
            List<SearchRequest> faceted = new ArrayList<>();
            for (int i = 0; i < broad.size(); i++) {
                String q = i % 2 == 0 ? broad.get(i) : broad.get(i) + " " + broad.get((i + 7) % broad.size());
                faceted.add(new SearchRequest(q, null, null, 20));
            }
            // Every kind is measured on code the JIT has compiled: before, the first kind measured (term) paid for
            // compiling what the later kinds and the baseline then found ready.
            progress.println("Warming up: the whole query mix, until the JIT settles …");
            progress.flush();
            warmUp = WarmUp.run(() -> {
                for (List<SearchRequest> kind : List.of(termRequests, phraseRequests, filtered, faceted)) {
                    for (SearchRequest r : kind) {
                        searcher.search(r);
                    }
                }
                for (TermQuery q : bare) {
                    bareSearcher.search(q, 10);
                }
            }, maxWarmUpPasses, progress);
            latencies.add(measure("term", termRequests, searcher));
            latencies.add(measure("phrase", phraseRequests, searcher));
            latencies.add(measure("filtered (case + type)", filtered, searcher));
            latencies.add(measure("broad, faceted + highlighted", faceted, searcher));
            latencies.add(time(BARE, bare, rounds, q -> bareSearcher.search(q, 10).totalHits.value));
        }
        if (bareAlone) {
            progress.println("Timing the bare TermQuery again in a JVM of its own …");
            progress.flush();
            latencies.add(BareTermAlone.time(dir, bare.stream().map(q -> q.getTerm().text()).toList(), rounds, maxWarmUpPasses));
        }
        latencies.addAll(SearchAblation.run(dir, terms, rounds));
        return new Report(written.passages(), written.documents(), indexSeconds, indexCpuSeconds, bytes, segments, warmUp,
                latencies, Runtime.getRuntime().maxMemory() >> 20, peakHeapMb());
    }

    private Latencies measure(String name, List<SearchRequest> requests, EvidenceSearcher searcher) throws IOException {
        return time(name, requests, rounds, r -> searcher.search(r).total());
    }

    /** One search of a benchmark, run for its time; answers how many hits it found. */
    interface TimedSearch<Q> {
        long run(Q query) throws IOException;
    }

    /** Every query once to warm up, then {@code rounds} timed rounds of them all. */
    static <Q> Latencies time(String name, List<Q> queries, int rounds, TimedSearch<Q> search) throws IOException {
        for (Q q : queries) {
            search.run(q);
        }
        double[] ms = new double[queries.size() * rounds];
        double[] cpuMs = new double[ms.length];
        long[] totals = new long[queries.size()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // A search's CPU is its own thread's and that of the searcher's threads, which do part of it on other cores.
        long[] searchThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(SEARCH_THREADS)).mapToLong(Thread::getId).toArray();
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < queries.size(); i++) {
                long cpu = threads.getCurrentThreadCpuTime() + cpu(threads, searchThreads);
                long t = System.nanoTime();
                totals[i] = search.run(queries.get(i));
                ms[k] = (System.nanoTime() - t) / 1e6;
                cpuMs[k++] = (threads.getCurrentThreadCpuTime() + cpu(threads, searchThreads) - cpu) / 1e6;
            }
        }
        return latencies(name, ms, cpuMs, totals);
    }

    /** The name of the threads on which the searcher does part of a search beside the searching thread. */
    private static final String SEARCH_THREADS = "evidens-search-";

    private static long cpu(ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** The baseline: the same term words, analysed as the index does, as a bare TermQuery on the text field. */
    private static List<TermQuery> bareTermQueries(List<String> words) throws IOException {
        List<TermQuery> queries = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.analyzer()) {
            for (String w : words) {
                String term = firstToken(analyzer, w);
                if (term != null) {
                    queries.add(new TermQuery(new Term(PassageSchema.TEXT, term)));
                }
            }
        }
        return queries;
    }

    /**
     * The vocabulary's content words, most frequent first, that the analyser keeps: the bench's broad words are the
     * first 20 and its term words those after them. Public for the one-file comparison programs in {@code scripts/}
     * ({@code SearchCompare}, {@code PageWalk}, {@code RatioSides}), so that they search the bench's own words.
     */
    public static List<String> contentWords(CorpusVocabulary vocabulary) throws IOException {
        List<String> content = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.analyzer()) {
            for (String w : vocabulary.wordsByFrequency()) {
                if (CorpusVocabulary.isContentWord(w, 5) && firstToken(analyzer, w) != null) {
                    content.add(w);
                }
            }
        }
        return content;
    }

    public static String firstToken(Analyzer analyzer, String word) throws IOException {
        try (TokenStream ts = analyzer.tokenStream(PassageSchema.TEXT, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String first = ts.incrementToken() ? term.toString() : null;
            ts.end();
            return first;
        }
    }

    static Latencies latencies(String name, double[] ms, double[] cpuMs, long[] totals) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double[] cpuSorted = cpuMs.clone();
        Arrays.sort(cpuSorted);
        long[] t = totals.clone();
        Arrays.sort(t);
        return new Latencies(name, totals.length, t.length == 0 ? 0 : t[t.length / 2], percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), Arrays.stream(ms).average().orElse(0), percentile(cpuSorted, 50));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static <T> List<T> cycle(List<T> from, int count) {
        if (from.isEmpty()) {
            throw new IllegalStateException("the corpus vocabulary has no words to query for");
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(from.get(i % from.size()));
        }
        return out;
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Processor time of the whole process so far (every thread, the collector's too), or 0 where not known. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** Prints the report with the targets of issue 11 and the figures before it. */
    public static void print(Report r, PrintWriter out) {
        out.printf(Locale.ROOT, "Indexed %,d passages in %,d documents in %.1f s: %,.0f passages/s (target ≥ %,.0f: %s; before: %s)%n",
                r.passages(), r.documents(), r.indexSeconds(), r.passagesPerSecond(), TARGET_PASSAGES_PER_SECOND,
                r.passagesPerSecond() >= TARGET_PASSAGES_PER_SECOND ? "met" : "MISSED", BEFORE_INDEXING);
        out.printf(Locale.ROOT, "Indexing used %.1f s of processor time (the whole process, the generator's share included):"
                + " %.2f CPU-s per 100,000 passages; less sensitive to other load than the rate above%n",
                r.indexCpuSeconds(), r.indexCpuSeconds() * 100_000 / r.passages());
        out.printf(Locale.ROOT, "Index size on disk: %,.1f MB (%,.0f bytes per passage, %d segments)%n",
                r.indexBytes() / 1e6, (double) r.indexBytes() / r.passages(), r.segments());
        out.printf(Locale.ROOT, "Warm-up before measuring: %s%n", r.warmUp().describe());
        out.printf(Locale.ROOT, "  %-44s %8s %12s %9s %9s %9s %9s %9s%n", "query latency (ms)", "queries", "median hits",
                "p50", "p95", "p99", "mean", "cpu p50");
        for (Latencies l : r.latencies()) {
            out.printf(Locale.ROOT, "  %-44s %8d %,12d %9.2f %9.2f %9.2f %9.2f %9.2f%n", l.name(), l.queries(),
                    l.totalHitsMedian(), l.p50(), l.p95(), l.p99(), l.mean(), l.cpuP50());
        }
        Latencies term = r.latency("term");
        Latencies bare = r.latency(BARE);
        Latencies alone = r.latencies().stream().filter(l -> l.name().equals(BareTermAlone.NAME)).findFirst().orElse(null);
        // judged against the faster baseline when there are two, so that a baseline slowed by what ran beside it never helps
        double ratio = term.p50() / Math.max(Math.min(bare.p50(), alone == null ? bare.p50() : alone.p50()), 1e-6);
        out.printf(Locale.ROOT, "Evidens term search ÷ bare TermQuery: %.1f× at p50 (%.2f ÷ %.2f ms; target ≤ %.0f×%s: %s; before: %s),"
                + " %.1f× at p95%n", term.p50() / Math.max(bare.p50(), 1e-6), term.p50(), bare.p50(), TARGET_TERM_RATIO,
                alone == null ? "" : String.format(Locale.ROOT, " against the faster baseline, %.1f×", ratio),
                ratio <= TARGET_TERM_RATIO ? "met" : "MISSED", BEFORE_TERM_RATIO, term.p95() / Math.max(bare.p95(), 1e-6));
        if (alone != null) {
            out.printf(Locale.ROOT, "Evidens term search ÷ bare TermQuery in a JVM of its own: %.1f× at p50 (%.2f ÷ %.2f ms),"
                    + " %.1f× at p95%n", term.p50() / Math.max(alone.p50(), 1e-6), term.p50(), alone.p50(),
                    term.p95() / Math.max(alone.p95(), 1e-6));
        }
        out.println("Where the time of a term search goes (p50, each step adds one part; ratio to the bare TermQuery):");
        double before = bare.p50();
        for (String step : SearchAblation.STEPS) {
            Latencies l = r.latency(step);
            out.printf(Locale.ROOT, "  %-45s %8.2f ms  %+8.2f ms  %6.1f×   cpu %6.2f ms%n", step, l.p50(), l.p50() - before,
                    l.p50() / Math.max(bare.p50(), 1e-6), l.cpuP50());
            before = l.p50();
        }
        double facetedP95 = r.latency("broad, faceted + highlighted").p95();
        out.printf(Locale.ROOT, "Faceted + highlighted p95: %.1f ms (target ≤ %.0f ms: %s; before: %s)%n", facetedP95,
                TARGET_FACETED_P95_MS, facetedP95 <= TARGET_FACETED_P95_MS ? "met" : "MISSED", BEFORE_FACETED_P95);
        out.printf(Locale.ROOT, "Machine: %d cores, load average %.2f (last minute, at the end of the run; figures"
                + " are comparable below 2.5 on 2 cores)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "Heap: max %,d MB, peak used %,d MB (target ≤ %,d MB: %s)%n", r.maxHeapMb(), r.peakHeapMb(),
                TARGET_HEAP_MB, r.maxHeapMb() <= TARGET_HEAP_MB ? "met" : "not measured: run with -Xmx1g");
        out.flush();
    }

    /**
     * Writes whole generated documents into the sink on {@code threads} threads until {@code passages}
     * passages are in, then commits (shared by this bench and the engine bench, so both index alike).
     */
    public static Written write(PassageGenerator generator, no.evidens.index.EvidenceSink sink, int passages, int threads) throws Exception {
        AtomicLong nextDoc = new AtomicLong();
        AtomicLong added = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(pool.submit(() -> {
                    while (added.get() < passages) {
                        PassageGenerator.Generated g = generator.document(nextDoc.getAndIncrement());
                        sink.add(g.document(), g.passages());
                        added.addAndGet(g.passages().size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        sink.commit();
        return new Written(added.get(), nextDoc.get());
    }

    /** How many passages, in how many documents, a bench wrote. */
    public record Written(long passages, long documents) {
    }
}
