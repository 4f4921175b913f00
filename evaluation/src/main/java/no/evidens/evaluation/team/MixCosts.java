package no.evidens.evaluation.team;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.OperatingSystemMXBean;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;

/**
 * What each kind of search in {@code bench web}'s mix costs the searcher, apart: every search of the mix made
 * on the searcher in this process as the web layer makes it ({@link SearchMix.Search#on}), one at a time,
 * timed with the thread's processor time, and the times summed per row: kind (grouped or plain), filters
 * (none, a type, an indicator, a case and a type) and query (one word, two words, a phrase). Beside each row
 * the share of the mix's processor time it takes, how many hits its searches have, and how many were widened
 * (searched again with any word enough). Tells which searches the mix's processor time goes to, where
 * {@code bench web} gives only the whole.
 *
 * <pre>java -cp pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar no.evidens.evaluation.team.MixCosts HOME [rounds]</pre>
 *
 * The first round warms up and is not counted. Nothing is written to the home.
 *
 * <p>With a number of threads, they make the mix at once instead, in {@code rounds} phases, each phase letting a
 * given number of them search at once, the numbers taking turns (for instance {@code 20 20,2}: twenty threads,
 * phases of twenty and of two searching at once, as a gate of two places on two cores would):
 *
 * <pre>... MixCosts HOME phases threads places[,places...]</pre>
 */
public final class MixCosts {
    private static final String[] FILTERS = {"no filter", "type", "indicator", "case+type"};

    private MixCosts() {
    }

    /** One row's sums. */
    private static final class Row {
        long nanos;
        long searches;
        long hits;
        long widened;
    }

    public static void main(String[] args) throws Exception {
        EvidensHome home = new EvidensHome(Path.of(args[0]).toAbsolutePath());
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (threads > 1) {
            // rounds: how many phases; places: each phase's searches at once, taking turns
            List<Integer> places = Arrays.stream(args.length > 3 ? args[3].split(",") : new String[] {String.valueOf(threads)})
                    .map(Integer::valueOf).toList();
            List<Integer> phases = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                phases.add(places.get(i % places.size()));
            }
            together(home, threads, phases);
            return;
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<SearchMix.Search> mix = SearchMix.ofSampleVocabulary(400).searches();
        Map<String, Row> rows = new TreeMap<>();
        long all = 0;
        long n = 0;
        try (EvidenceIndex searcher = IndexBackend.of(home).open()) {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < mix.size(); i++) {
                    SearchMix.Search s = mix.get(i);
                    long t0 = cpu.getCurrentThreadCpuTime();
                    SearchResult r = s.on(searcher);
                    long t = cpu.getCurrentThreadCpuTime() - t0;
                    if (round == 0) {
                        continue;
                    }
                    for (String key : keys(s, i)) {
                        Row row = rows.computeIfAbsent(key, k -> new Row());
                        row.nanos += t;
                        row.searches++;
                        row.hits += r.total();
                        row.widened += r.relaxed() ? 1 : 0;
                    }
                    all += t;
                    n++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "mix costs: %d searches of the bench web mix on %s, one at a time (thread CPU)%n", n, home.root());
        System.out.printf(Locale.ROOT, "  %-44s %8s %9s %8s %12s %8s%n", "searches", "count", "ms each", "share", "hits each", "widened");
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            System.out.printf(Locale.ROOT, "  %-44s %8d %9.2f %7.1f%% %,12d %8d%n", e.getKey(), r.searches, r.nanos / 1e6 / r.searches,
                    100.0 * r.nanos / all, r.hits / r.searches, r.widened);
        }
        System.out.printf(Locale.ROOT, "  %-44s %8d %9.2f%n", "all", n, all / 1e6 / n);
    }

    /**
     * {@code threads} threads making the mix at once (each in an order of its own), in phases one after the other in
     * this process: each phase lets {@code places} of them search at once (the others wait in a fair queue, as
     * a gate in the server would make its requests wait), the places taking turns phase by phase, so that the JIT
     * and the machine's load weigh alike on each. Per phase: the searching threads' own processor time per search,
     * and the whole process's (JIT and GC included) in the same time.
     */
    private static void together(EvidensHome home, int threads, List<Integer> phases) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<SearchMix.Search> mix = SearchMix.ofSampleVocabulary(400).searches();
        CyclicBarrier barrier = new CyclicBarrier(threads + 1);
        AtomicLong own = new AtomicLong();
        AtomicLong count = new AtomicLong();
        AtomicReference<Semaphore> gate = new AtomicReference<>();
        try (EvidenceIndex searcher = IndexBackend.of(home).open()) {
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<SearchMix.Search> shuffled = new ArrayList<>(mix);
                Collections.shuffle(shuffled, new Random(t));
                List<SearchMix.Search> order = shuffled.subList(0, Math.max(40, Math.min(shuffled.size(), 800 / threads)));
                Thread th = new Thread(() -> {
                    try {
                        for (SearchMix.Search s : order) {
                            s.on(searcher);
                        }
                        for (int phase = 0; phase < phases.size(); phase++) {
                            barrier.await();
                            long c0 = cpu.getCurrentThreadCpuTime();
                            Semaphore places = gate.get();
                            for (SearchMix.Search s : order) {
                                places.acquire();
                                try {
                                    s.on(searcher);
                                } finally {
                                    places.release();
                                }
                            }
                            own.addAndGet(cpu.getCurrentThreadCpuTime() - c0);
                            count.addAndGet(order.size());
                            barrier.await();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                th.start();
                running.add(th);
            }
            for (int places : phases) {
                gate.set(new Semaphore(places, true));
                own.set(0);
                count.set(0);
                barrier.await();
                Map<String, Long> k0 = threadTicks();
                long p0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                barrier.await();
                long p1 = os.getProcessCpuTime();
                Map<String, Long> k1 = threadTicks();
                double wall = (System.nanoTime() - w0) / 1e9;
                Map<String, Long> byKind = new TreeMap<>();
                k1.forEach((key, v) -> byKind.merge(key.substring(key.indexOf(' ') + 1), v - k0.getOrDefault(key, 0L), Long::sum));
                StringBuilder kinds = new StringBuilder();
                byKind.forEach((kind, ticks) -> {
                    if (ticks * 10.0 / count.get() >= 0.05) {
                        kinds.append(String.format(Locale.ROOT, " %s %.2f", kind, ticks * 10.0 / count.get()));
                    }
                });
                System.out.printf(Locale.ROOT, "mix costs: %d threads, %2d searching at once, %d searches in %.1f s: the searching threads' own CPU "
                        + "%.2f ms a search, the whole process's %.2f ms a search (by thread, /proc:%s)%n", threads, places, count.get(), wall,
                        own.get() / 1e6 / count.get(), (p1 - p0) / 1e6 / count.get(), kinds);
            }
            for (Thread th : running) {
                th.join();
            }
        }
    }

    /** Every thread of this process (Linux): "tid kind" → user + system clock ticks. */
    private static Map<String, Long> threadTicks() throws java.io.IOException {
        Map<String, Long> out = new TreeMap<>();
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N").replace(' ', '_');
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(t.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        }
        return out;
    }

    /** The rows a search counts in: by kind, by filters, by query, and by all three. */
    private static List<String> keys(SearchMix.Search s, int i) {
        String kind = s.kind() == SearchMix.Kind.GROUPED ? "grouped" : "plain";
        String filters = FILTERS[i % 4];
        String query = s.query().startsWith("\"") ? "phrase" : s.query().contains(" ") ? "two words" : "word";
        return List.of("1 " + kind, "2 " + filters, "3 " + query, "4 " + kind + " / " + filters + " / " + query);
    }
}
