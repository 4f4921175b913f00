import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Two builds of Evidens searching one index in one process, each term search run by both back to back (which goes
 * first alternates), so that a loaded machine's drift falls on both alike:
 *
 *   java -Xmx1g scripts/SearchAB.java DIR WORDS ROUNDS TARGET_A TARGET_B [DIR_B]
 *
 * DIR a bench index (`evidens bench search --dir DIR`), WORDS a file of one query a line (the term words of
 * `SearchCompare.java dump`'s term lines; a line may add a case and a document type after tabs, as a search narrowed to
 * them), TARGET_A and TARGET_B two builds' `pipeline/target` folders (evidens.jar and
 * lib/*.jar, each build in a class loader of its own). DIR_B, when given, is the index B searches (the same passages
 * written otherwise, e.g. by B's own code); without it both search DIR. After two warm-up rounds, ROUNDS measured
 * rounds; prints each build's thread CPU p50, p95 and mean, the median of the per-search ratios A ÷ B and how often A
 * was the cheaper; then the same for wall time and for the CPU of every thread a search used (its own and the
 * searcher's threads named evidens-search-*, which a build that splits a search over cores has).
 */
public class SearchAB {
    /** One build's searcher, called through reflection (its classes are its loader's own). */
    record Build(Object searcher, Method search, Constructor<?> request) {
        /** {@code line}: the query, or the query, case and type separated by tabs (an empty one: none). */
        Object run(String line) throws Exception {
            String[] parts = line.split("\t", -1);
            return search.invoke(searcher, request.newInstance(parts[0], part(parts, 1), part(parts, 2), 10));
        }

        private static String part(String[] parts, int i) {
            return parts.length > i && !parts[i].isEmpty() ? parts[i] : null;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> words = Files.readAllLines(Path.of(args[1])).stream().filter(w -> !w.isBlank()).toList();
        int rounds = Integer.parseInt(args[2]);
        Build a = build(Path.of(args[3]), dir);
        Build b = build(Path.of(args[4]), args.length > 5 ? Path.of(args[5]) : dir);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 2; warm++) {
            for (String w : words) {
                a.run(w);
                b.run(w);
            }
        }
        // The searchers' own threads, started by now (their CPU is a search's too).
        long[] searchThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("evidens-search-")).mapToLong(Thread::getId).toArray();
        int n = words.size() * rounds;
        double[][] msA = new double[3][n];
        double[][] msB = new double[3][n];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < words.size(); i++) {
                boolean aFirst = (round + i) % 2 == 0;
                int k = round * words.size() + i;
                double[] first = timed(threads, searchThreads, aFirst ? a : b, words.get(i));
                double[] second = timed(threads, searchThreads, aFirst ? b : a, words.get(i));
                for (int m = 0; m < 3; m++) {
                    msA[m][k] = aFirst ? first[m] : second[m];
                    msB[m][k] = aFirst ? second[m] : first[m];
                }
            }
        }
        System.out.printf(Locale.ROOT, "A %s%nB %s%n", args[3], args[4]);
        System.out.printf(Locale.ROOT, "%d searches each; threads of the searchers: %d%n", n, searchThreads.length);
        String[] names = {"thread CPU", "wall time", "CPU, all threads"};
        for (int m = 0; m < 3; m++) {
            print(names[m], msA[m], msB[m]);
        }
    }

    private static void print(String what, double[] msA, double[] msB) {
        int n = msA.length;
        double[] ratio = new double[n];
        int aCheaper = 0;
        for (int k = 0; k < n; k++) {
            ratio[k] = msA[k] / msB[k];
            aCheaper += msA[k] < msB[k] ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%s%n", what);
        System.out.printf(Locale.ROOT, "  A: p50 %6.3f ms  p95 %6.3f ms  mean %6.3f ms%n", p(msA, 0.5), p(msA, 0.95),
                Arrays.stream(msA).average().orElse(0));
        System.out.printf(Locale.ROOT, "  B: p50 %6.3f ms  p95 %6.3f ms  mean %6.3f ms%n", p(msB, 0.5), p(msB, 0.95),
                Arrays.stream(msB).average().orElse(0));
        System.out.printf(Locale.ROOT, "  A / B: p50 %.3f  mean %.3f  per-search ratio median %.3f  A cheaper in %d of %d%n",
                p(msA, 0.5) / p(msB, 0.5), Arrays.stream(msA).sum() / Arrays.stream(msB).sum(), p(ratio, 0.5), aCheaper, n);
    }

    /** A search's thread CPU, wall time and CPU of its thread and the searchers' threads, in ms. */
    private static double[] timed(ThreadMXBean threads, long[] searchThreads, Build build, String word) throws Exception {
        long others = cpu(threads, searchThreads);
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        build.run(word);
        long wall = System.nanoTime() - t;
        long own = threads.getCurrentThreadCpuTime() - c;
        long all = own + cpu(threads, searchThreads) - others;
        return new double[] {own / 1e6, wall / 1e6, all / 1e6};
    }

    private static long cpu(ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private static double p(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * q)];
    }

    private static Build build(Path target, Path dir) throws Exception {
        List<URL> jars = new ArrayList<>();
        jars.add(target.resolve("evidens.jar").toUri().toURL());
        try (Stream<Path> lib = Files.list(target.resolve("lib"))) {
            for (Path jar : lib.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        ClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Class<?> searcherClass = loader.loadClass("no.evidens.index.EvidenceSearcher");
        Class<?> requestClass = loader.loadClass("no.evidens.index.SearchRequest");
        Object searcher = searcherClass.getConstructor(Path.class).newInstance(dir);
        return new Build(searcher, searcherClass.getMethod("search", requestClass),
                requestClass.getConstructor(String.class, String.class, String.class, int.class));
    }
}
