package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TaskExecutor;

/**
 * The threads that let one search use every core: a search's work per segment (counting its hits, finding its page) is
 * split into one slice of segments per core ({@link #slices}), of about equal size, and the slices are run by Lucene's
 * {@link TaskExecutor}, which hands all but one to these threads and runs the rest on the searching thread itself,
 * taking back any slice no thread has started by then. So a search never waits for a thread that is busy with another
 * search: on a machine whose cores are all taken it does the work alone, as before, at the cost of handing the slices
 * over (a queue entry each). Whatever a search knows on its own thread ({@link KnownHits}) is known where its slices
 * run. Searches on small snapshots stay on one thread: there handing work over costs more than it saves.
 * <p>
 * {@code -Devidens.search.threads=1} keeps every search on its own thread.
 */
final class SearchThreads {
    /**
     * Snapshots of fewer entries are searched on one thread. At a million entries a term search's counting and page take
     * about 2 ms of a core (thirty-third round); they grow with the hits, so below 100,000 entries they would take a tenth
     * of that or less, where handing a slice over saves little (an estimate: not measured below a million).
     */
    static final int MIN_ENTRIES = 100_000;
    /** Up to this many segments the two slices are the best split; above it, each segment goes to the lighter slice. */
    private static final int EXACT_SPLIT_UP_TO = 16;
    /** How many threads a search may use, its own included. */
    private static final int THREADS = threads();
    /** Null when a search uses its own thread only. */
    private static final TaskExecutor TASKS = THREADS < 2 ? null : new TaskExecutor(withKnownHits(pool(THREADS - 1)));

    private SearchThreads() {
    }

    private static int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        String set = System.getProperty("evidens.search.threads");
        if (set == null || set.isBlank()) {
            return cores;
        }
        try {
            return Math.max(1, Math.min(cores, Integer.parseInt(set.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("evidens.search.threads is not a number: " + set, e);
        }
    }

    /** How many slices a snapshot is split into (tests split small snapshots, on one thread too). */
    static volatile int parts = THREADS;
    /** From how many entries on a snapshot is split (tests split small snapshots). */
    static volatile int splitFrom = MIN_ENTRIES;

    /**
     * Runs {@code tasks}, the answers in their order: on these threads and this one when a search may use more than one,
     * else one after the other on this thread.
     */
    static <T> List<T> invokeAll(List<Callable<T>> tasks) throws IOException {
        if (TASKS != null) {
            return TASKS.invokeAll(tasks);
        }
        List<T> out = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            try {
                out.add(task.call());
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * The slices a search of {@code leaves} is split into: one per thread a search may use, each of about the same
     * number of entries; one slice of every segment when the snapshot is small, has one segment, or a search uses one
     * thread.
     */
    static IndexSearcher.LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return slices(leaves, parts, splitFrom);
    }

    /** {@link #slices(List)} for {@code threads} threads, split from {@code minEntries} entries on. */
    static IndexSearcher.LeafSlice[] slices(List<LeafReaderContext> leaves, int threads, int minEntries) {
        long entries = leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum();
        int parts = Math.min(threads, leaves.size());
        if (parts < 2 || entries < minEntries) {
            return new IndexSearcher.LeafSlice[] {new IndexSearcher.LeafSlice(new ArrayList<>(leaves))};
        }
        int[] partOf = parts == 2 && leaves.size() <= EXACT_SPLIT_UP_TO ? bestHalves(leaves) : lighterFirst(leaves, parts);
        List<IndexSearcher.LeafSlice> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<LeafReaderContext> part = new ArrayList<>();
            for (int i = 0; i < leaves.size(); i++) {
                if (partOf[i] == p) {
                    part.add(leaves.get(i));
                }
            }
            if (!part.isEmpty()) {
                out.add(new IndexSearcher.LeafSlice(part));
            }
        }
        return out.toArray(IndexSearcher.LeafSlice[]::new);
    }

    /** The split of the segments into two parts whose larger one holds the fewest entries (every split tried). */
    private static int[] bestHalves(List<LeafReaderContext> leaves) {
        int n = leaves.size();
        long total = leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum();
        long best = Long.MAX_VALUE;
        int bestMask = 1;
        // The last segment stays in part 0, so that each split is tried once.
        for (int mask = 1; mask < 1 << (n - 1); mask++) {
            long one = 0;
            for (int i = 0; i < n - 1; i++) {
                if ((mask & 1 << i) != 0) {
                    one += leaves.get(i).reader().maxDoc();
                }
            }
            long larger = Math.max(one, total - one);
            if (larger < best) {
                best = larger;
                bestMask = mask;
            }
        }
        int[] partOf = new int[n];
        for (int i = 0; i < n - 1; i++) {
            partOf[i] = (bestMask & 1 << i) != 0 ? 1 : 0;
        }
        return partOf;
    }

    /** Each segment, largest first, to the part with the fewest entries so far. */
    private static int[] lighterFirst(List<LeafReaderContext> leaves, int parts) {
        Integer[] bySize = new Integer[leaves.size()];
        Arrays.setAll(bySize, i -> i);
        Arrays.sort(bySize, Comparator.comparingInt((Integer i) -> leaves.get(i).reader().maxDoc()).reversed());
        long[] load = new long[parts];
        int[] partOf = new int[leaves.size()];
        for (int i : bySize) {
            int lightest = 0;
            for (int p = 1; p < parts; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            partOf[i] = lightest;
            load[lightest] += leaves.get(i).reader().maxDoc();
        }
        return partOf;
    }

    /** Daemon threads waiting for slices; they never end on their own (a search may come at any time). */
    private static Executor pool(int threads) {
        AtomicInteger made = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "evidens-search-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code pool}, running each task with what the handing thread's search knows ({@link KnownHits}). */
    private static Executor withKnownHits(Executor pool) {
        return task -> {
            KnownHits.Known known = KnownHits.current();
            pool.execute(() -> KnownHits.runWith(known, task));
        };
    }
}
