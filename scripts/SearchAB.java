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
 *   java -Xmx1g scripts/SearchAB.java DIR WORDS ROUNDS TARGET_A TARGET_B
 *
 * DIR a bench index (`evidens bench search --dir DIR`), WORDS a file of one query a line (the term words of
 * `SearchCompare.java dump`'s term lines), TARGET_A and TARGET_B two builds' `pipeline/target` folders (evidens.jar and
 * lib/*.jar, each build in a class loader of its own). After two warm-up rounds, ROUNDS measured rounds; prints each
 * build's thread CPU p50, p95 and mean, the median of the per-search ratios A ÷ B and how often A was the cheaper.
 */
public class SearchAB {
    /** One build's searcher, called through reflection (its classes are its loader's own). */
    record Build(Object searcher, Method search, Constructor<?> request) {
        Object run(String query) throws Exception {
            return search.invoke(searcher, request.newInstance(query, null, null, 10));
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> words = Files.readAllLines(Path.of(args[1])).stream().filter(w -> !w.isBlank()).toList();
        int rounds = Integer.parseInt(args[2]);
        Build a = build(Path.of(args[3]), dir);
        Build b = build(Path.of(args[4]), dir);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 2; warm++) {
            for (String w : words) {
                a.run(w);
                b.run(w);
            }
        }
        int n = words.size() * rounds;
        double[] msA = new double[n];
        double[] msB = new double[n];
        double[] ratio = new double[n];
        int aCheaper = 0;
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < words.size(); i++) {
                boolean aFirst = (round + i) % 2 == 0;
                double first = timed(threads, aFirst ? a : b, words.get(i));
                double second = timed(threads, aFirst ? b : a, words.get(i));
                msA[k] = aFirst ? first : second;
                msB[k] = aFirst ? second : first;
                ratio[k] = msA[k] / msB[k];
                aCheaper += msA[k] < msB[k] ? 1 : 0;
                k++;
            }
        }
        System.out.printf(Locale.ROOT, "A %s%nB %s%n", args[3], args[4]);
        System.out.printf(Locale.ROOT, "A: %d searches  thread CPU p50 %6.3f ms  p95 %6.3f ms  mean %6.3f ms%n", n, p(msA, 0.5),
                p(msA, 0.95), Arrays.stream(msA).average().orElse(0));
        System.out.printf(Locale.ROOT, "B: %d searches  thread CPU p50 %6.3f ms  p95 %6.3f ms  mean %6.3f ms%n", n, p(msB, 0.5),
                p(msB, 0.95), Arrays.stream(msB).average().orElse(0));
        System.out.printf(Locale.ROOT, "A / B: p50 %.3f  mean %.3f  per-search ratio median %.3f  A cheaper in %d of %d%n",
                p(msA, 0.5) / p(msB, 0.5), Arrays.stream(msA).sum() / Arrays.stream(msB).sum(), p(ratio, 0.5), aCheaper, n);
    }

    private static double timed(ThreadMXBean threads, Build build, String word) throws Exception {
        long c = threads.getCurrentThreadCpuTime();
        build.run(word);
        return (threads.getCurrentThreadCpuTime() - c) / 1e6;
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
