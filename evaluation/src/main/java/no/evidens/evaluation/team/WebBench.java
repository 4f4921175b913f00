package no.evidens.evaluation.team;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import no.evidens.evaluation.scale.CorpusVocabulary;
import no.evidens.evaluation.scale.PassageGenerator;
import no.evidens.evaluation.scale.SearchBench;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.PassageSchema;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;

/**
 * {@code evidens bench web}: the workspace over HTTP on an index of generated passages (those of
 * {@code bench search}). Starts {@code evidens serve} on the home in a JVM of its own and measures the
 * first grouped, faceted search after it is ready, then users searching at once (grouped and faceted, with
 * filters) over HTTP; beside them, in the same run, the same searches by as many threads on the searcher in
 * this process (the baseline), and the ratio.
 */
public final class WebBench {
    /** Targets of issue 17 (2-core reference machine). */
    static final double TARGET_WARM_P95_MS = 100;
    static final double TARGET_FIRST_SECONDS = 1;
    private static final int MIX = 400;
    /** The JIT has settled when it takes at most this share of the processor time in so many windows of this length in a row. */
    private static final Duration SETTLE_WINDOW = Duration.ofSeconds(5);
    private static final double SETTLED_JIT_SHARE = 0.03;
    private static final int SETTLED_WINDOWS = 2;

    /**
     * @param passages how many generated passages the index holds (made when the home has no index)
     * @param home     the home to use and keep (an index already in it is reused), or null for a temporary one
     * @param jfr      a flight recording of the server to write, or null
     * @param warmup    warm-up at least (and all of it when {@code warmupMax} is not longer)
     * @param warmupMax warm-up at most: between the two, until the JIT of the process that answers has settled ({@link JitSettle})
     * @param inProcess whether the same searches are also made in this process after those over HTTP (the baseline)
     */
    public record Settings(int passages, int users, Duration warmup, Duration warmupMax, Duration measure, Path home, Path jfr,
                           boolean inProcess) {
        public Settings {
            if (passages < 1 || users < 1 || warmup.isNegative() || warmupMax.isNegative() || measure.isNegative() || measure.isZero()) {
                throw new IllegalArgumentException("--passages and --users must be at least 1, and --seconds more than 0");
            }
        }
    }

    /** What one run measured ({@code inProcess} null when it was not measured). */
    public record Report(long passages, double startSeconds, double firstSearchSeconds, SearchLoad.Result http,
                         SearchLoad.Result inProcess) {
    }

    private WebBench() {
    }

    public static Report run(Settings s, PrintWriter out) throws Exception {
        Path root = s.home() != null ? s.home() : Files.createTempDirectory("evidens-bench-web");
        try {
            EvidensHome home = new EvidensHome(root.toAbsolutePath());
            long passages = prepare(home, s, out);
            SearchMix mix = SearchMix.ofSampleVocabulary(MIX);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            double start;
            double first;
            SearchLoad.Result overHttp;
            out.println("Starting evidens serve on it (a JVM of its own) …");
            out.flush();
            try (ServerProcess server = ServerProcess.start(home.root(), s.jfr())) {
                // The first search: grouped, with a facet filter, as soon as the server says where it is.
                SearchMix.Search firstSearch = mix.of(SearchMix.Kind.GROUPED).get(1);
                HttpResponse<byte[]> r = get(http, server.url(), firstSearch);
                first = (System.nanoTime() - server.readyNanos()) / 1e9;
                start = server.startSeconds();
                if (r.statusCode() != 200) {
                    throw new IOException("the first search answered " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                out.printf(Locale.ROOT, "  started in %.2f s; the first grouped, faceted search answered %.3f s after%n", start, first);
                out.printf("Over HTTP: %d users searching for %d s (after %s) …%n", s.users(), s.measure().toSeconds(), warmupWords(s));
                out.flush();
                overHttp = SearchLoad.run(mix, s.users(), warming(s, server.pid()), s.measure(),
                        q -> get(http, server.url(), q).statusCode() == 200, server::cpuNanos, server.pid(), out);
            }
            SearchLoad.Result inProcess = s.inProcess() ? inProcess(home, mix, s, out) : null;
            Report report = new Report(passages, start, first, overHttp, inProcess);
            print(report, s, out);
            return report;
        } finally {
            if (s.home() == null) {
                TeamBench.delete(root);
            }
        }
    }

    private static SearchLoad.Result inProcess(EvidensHome home, SearchMix mix, Settings s, PrintWriter out) throws Exception {
        out.printf("In this process, on the searcher: %d threads, the same searches for %d s (after %s) …%n", s.users(),
                s.measure().toSeconds(), warmupWords(s));
        out.flush();
        long self = ProcessHandle.current().pid();
        try (EvidenceIndex searcher = IndexBackend.of(home).open()) {
            return SearchLoad.run(mix, s.users(), warming(s, self), s.measure(), q -> q.on(searcher) != null, WebBench::ownCpuNanos, self, out);
        }
    }

    private static JitSettle warming(Settings s, long pid) {
        return s.warmupMax().compareTo(s.warmup()) <= 0 ? JitSettle.fixed(pid, s.warmup())
                : new JitSettle(pid, s.warmup(), s.warmupMax(), SETTLE_WINDOW, SETTLED_JIT_SHARE, SETTLED_WINDOWS);
    }

    private static String warmupWords(Settings s) {
        return s.warmupMax().compareTo(s.warmup()) <= 0 ? s.warmup().toSeconds() + " s of warm-up"
                : String.format(Locale.ROOT, "a warm-up of %d to %d s, until %s", s.warmup().toSeconds(), s.warmupMax().toSeconds(),
                warming(s, 0).criterion());
    }

    /** Makes the index of generated passages, or reuses the one in the home; answers how many passages it holds. */
    private static long prepare(EvidensHome home, Settings s, PrintWriter out) throws Exception {
        if (Files.isDirectory(home.index())) {
            long n = countPassages(home.index());
            out.printf(Locale.ROOT, "Reusing the index in %s: %,d passages%n", home.root(), n);
            out.flush();
            return n;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "Indexing %,d generated passages into %s on %d threads …%n", s.passages(), home.root(), threads);
        out.flush();
        long t0 = System.nanoTime();
        SearchBench.Written w;
        try (EvidenceIndexWriter writer = new EvidenceIndexWriter(home.index())) {
            w = SearchBench.write(new PassageGenerator(CorpusVocabulary.ofSampleBundle(), 6), writer, s.passages(), threads);
        }
        out.printf(Locale.ROOT, "  %,d passages in %,d documents in %.0f s%n", w.passages(), w.documents(), (System.nanoTime() - t0) / 1e9);
        return w.passages();
    }

    private static long countPassages(Path index) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)));
        }
    }

    /** This process's processor time so far (every thread), nanoseconds; -1 when the JVM does not say. */
    private static long ownCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static HttpResponse<byte[]> get(HttpClient http, String base, SearchMix.Search s) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + s.path())).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static void print(Report r, Settings s, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "bench web: %,d passages, %d users searching at once for %d s, %d cores, load average %.2f at the end%n",
                r.passages(), s.users(), s.measure().toSeconds(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "  first grouped, faceted search after the server was ready: %.3f s (target < %.0f s: %s); server start %.2f s%n",
                r.firstSearchSeconds(), TARGET_FIRST_SECONDS, r.firstSearchSeconds() < TARGET_FIRST_SECONDS ? "met" : "MISSED",
                r.startSeconds());
        out.printf(Locale.ROOT, "  %-42s %9s %8s %8s %8s %8s %7s%n", "searches", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors");
        for (SearchMix.Kind k : SearchMix.Kind.values()) {
            rows(out, k.label, r.http().byKind().get(k), r.inProcess() == null ? null : r.inProcess().byKind().get(k));
        }
        rows(out, "all", r.http().all(), r.inProcess() == null ? null : r.inProcess().all());
        out.printf(Locale.ROOT, "  processor time per search (whole process, every thread): server %.2f ms over HTTP, %s in-process%n",
                r.http().cpuMsPerRequest(), r.inProcess() == null ? "not measured"
                        : String.format(Locale.ROOT, "%.2f ms", r.inProcess().cpuMsPerRequest()));
        out.printf(Locale.ROOT, "  %-42s %9s %8s %8s %8s %8s %8s%n", "processor time per search by thread, ms", "requests", "JIT", "GC",
                "trail", "other", "ended");
        groups(out, "server over HTTP", r.http());
        if (r.inProcess() != null) {
            groups(out, "in-process (requests: the bench's threads)", r.inProcess());
        }
        double p95 = r.http().all().p95();
        out.printf(Locale.ROOT, "  warm p95 over HTTP, all searches: %.1f ms (target ≤ %.0f ms with 20 users: %s)%n", p95,
                TARGET_WARM_P95_MS, p95 <= TARGET_WARM_P95_MS ? "met" : "MISSED");
        out.flush();
    }

    /** One row of processor time per search by group of threads; "ended" is what threads that ended meanwhile took. */
    private static void groups(PrintWriter out, String name, SearchLoad.Result r) {
        double counted = 0;
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-42s", name));
        for (ThreadCpu.Group g : ThreadCpu.Group.values()) {
            row.append(String.format(Locale.ROOT, " %8.2f", r.cpuMsPerRequest(g)));
            counted += r.cpuMsPerRequest(g);
        }
        row.append(String.format(Locale.ROOT, " %8.2f", Math.max(0, r.cpuMsPerRequest() - counted)));
        out.println(row);
    }

    private static void rows(PrintWriter out, String name, Latencies http, Latencies local) {
        row(out, name + ", HTTP", http);
        if (local == null) {
            return;
        }
        row(out, name + ", in-process", local);
        out.printf(Locale.ROOT, "  %-42s %9s %8.2f %8.2f %8.2f %8.2f%n", name + ", HTTP / in-process", "",
                ratio(http.perSecond(), local.perSecond()), ratio(http.p50(), local.p50()), ratio(http.p95(), local.p95()),
                ratio(http.p99(), local.p99()));
    }

    private static void row(PrintWriter out, String name, Latencies l) {
        out.printf(Locale.ROOT, "  %-42s %9d %8.1f %8.1f %8.1f %8.1f %7d%n", name, l.requests(), l.perSecond(), l.p50(), l.p95(), l.p99(),
                l.errors());
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
