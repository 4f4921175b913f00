package no.evidens.evaluation.team;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * Users who search and nothing else, each on a thread of its own, picking searches of a {@link SearchMix}
 * at random, one after the other, through a {@link Call} (over HTTP, or the searcher in this process):
 * warm-up, then the measured time; the latencies are kept per kind of search.
 */
public final class SearchLoad {
    /** One search made one way; answers whether it was answered. */
    interface Call {
        boolean run(SearchMix.Search search) throws Exception;
    }

    /**
     * What a phase measured: all searches, and each kind apart.
     *
     * @param cpuNanos the processor time the process that answered spent during the measured time (every
     *                 thread, JIT and GC included), or -1 when not known
     * @param cpuMsByGroup the same time by group of threads, milliseconds (empty when not known)
     * @param warmup   what the warm-up before the measured time was
     */
    public record Result(Latencies all, Map<SearchMix.Kind, Latencies> byKind, long cpuNanos, Map<ThreadCpu.Group, Double> cpuMsByGroup,
                         JitSettle.Outcome warmup) {
        /** Processor time per answered search, milliseconds (0 when not known). */
        public double cpuMsPerRequest() {
            return cpuNanos < 0 || all.requests() == 0 ? 0 : cpuNanos / 1e6 / all.requests();
        }

        /** A group's processor time per answered search, milliseconds (0 when not known). */
        public double cpuMsPerRequest(ThreadCpu.Group g) {
            return all.requests() == 0 ? 0 : cpuMsByGroup.getOrDefault(g, 0.0) / all.requests();
        }
    }

    private SearchLoad() {
    }

    /**
     * @param warmup   how long the users search before the measured time (on the process that answers)
     * @param cpuNanos the processor time so far of the process that answers (sampled when the measured time
     *                 starts and ends; negative when not known)
     * @param pid      the process that answers, whose threads' processor time is split by group
     */
    static Result run(SearchMix mix, int users, JitSettle warmup, java.time.Duration measure, Call call, LongSupplier cpuNanos, long pid,
                      PrintWriter out) throws InterruptedException {
        BenchPhase phase = new BenchPhase();
        List<User> loads = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        LongAdder answered = new LongAdder();
        for (int i = 0; i < users; i++) {
            User u = new User(mix, new Random(2000L + i), phase, call, answered);
            loads.add(u);
            Thread t = new Thread(u, "bench-searcher-" + (i + 1));
            threads.add(t);
            t.start();
        }
        JitSettle.Outcome warmed = warmup.await(out, answered::sum);
        out.println("  " + warmed.describe());
        out.flush();
        ThreadCpu.Snapshot threads0 = ThreadCpu.read(pid);
        long cpu0 = cpuNanos.getAsLong();
        phase.measuring = true;
        long t0 = System.nanoTime();
        Thread.sleep(measure.toMillis());
        phase.measuring = false;
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu1 = cpuNanos.getAsLong();
        Map<ThreadCpu.Group, Double> byGroup = ThreadCpu.read(pid).since(threads0);
        phase.running = false;
        for (Thread t : threads) {
            t.join();
        }
        long errors = loads.stream().mapToLong(u -> u.errors).sum();
        Map<SearchMix.Kind, Latencies> byKind = new EnumMap<>(SearchMix.Kind.class);
        for (SearchMix.Kind k : SearchMix.Kind.values()) {
            long[] nanos = loads.stream().flatMapToLong(u -> LongStream.of(u.latencies(k))).toArray();
            byKind.put(k, Latencies.of(nanos, loads.stream().mapToLong(u -> u.errorsOf[k.ordinal()]).sum(), seconds));
        }
        long[] all = loads.stream().flatMapToLong(u -> Arrays.stream(SearchMix.Kind.values()).flatMapToLong(k -> LongStream.of(u.latencies(k))))
                .toArray();
        return new Result(Latencies.of(all, errors, seconds), byKind, cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0, byGroup, warmed);
    }

    /** One user: searches until told to stop. */
    private static final class User implements Runnable {
        private final SearchMix mix;
        private final Random random;
        private final BenchPhase phase;
        private final Call call;
        /** Searches answered by every user, warm-up included. */
        private final LongAdder answered;
        private final long[][] nanos = new long[SearchMix.Kind.values().length][1024];
        private final int[] counts = new int[SearchMix.Kind.values().length];
        private final long[] errorsOf = new long[SearchMix.Kind.values().length];
        private long errors;
        private String firstFailure;

        User(SearchMix mix, Random random, BenchPhase phase, Call call, LongAdder answered) {
            this.mix = mix;
            this.random = random;
            this.phase = phase;
            this.call = call;
            this.answered = answered;
        }

        @Override
        public void run() {
            while (phase.running) {
                SearchMix.Search s = mix.searches().get(random.nextInt(mix.searches().size()));
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    ok = call.run(s);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (firstFailure == null) {
                        firstFailure = e.toString();
                        System.err.println("bench web: a search failed: " + firstFailure);
                    }
                    ok = false;
                }
                long took = System.nanoTime() - t0;
                if (ok) {
                    answered.increment();
                }
                if (phase.measuring) {
                    int k = s.kind().ordinal();
                    if (ok) {
                        if (counts[k] == nanos[k].length) {
                            nanos[k] = Arrays.copyOf(nanos[k], counts[k] * 2);
                        }
                        nanos[k][counts[k]++] = took;
                    } else {
                        errors++;
                        errorsOf[k]++;
                    }
                }
            }
        }

        long[] latencies(SearchMix.Kind k) {
            return Arrays.copyOf(nanos[k.ordinal()], counts[k.ordinal()]);
        }
    }
}
