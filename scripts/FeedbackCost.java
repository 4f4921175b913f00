import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;

/**
 * What a relaxed search costs in thread CPU on a kept real-text index, with or without pseudo-relevance feedback (the
 * system property evidens.prf, read once per process, so the two are two runs, alternated by the caller):
 *
 *   java -Devidens.prf=20:20:0.02 -cp pipeline/target/evidens.jar:pipeline/target/lib/* scripts/FeedbackCost.java DIR/real/home/index QUERIES ROUNDS
 *
 * QUERIES a file of one query a line (the dev queries of the judgements file). After two warm-up rounds, ROUNDS measured
 * rounds; prints the thread CPU p50 and mean of the searches that widened.
 */
public class FeedbackCost {
    public static void main(String[] args) throws Exception {
        List<String> queries = Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
        int rounds = Integer.parseInt(args[2]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> cpu = new ArrayList<>();
        try (EvidenceSearcher searcher = new EvidenceSearcher(Path.of(args[0]))) {
            for (int round = 0; round < rounds + 2; round++) {
                for (String q : queries) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    SearchResult r = searcher.search(new SearchRequest(q, "eval-dev", null, 20));
                    long t = threads.getCurrentThreadCpuTime() - t0;
                    if (round >= 2 && r.relaxed()) {
                        cpu.add(t);
                    }
                }
            }
        }
        long[] sorted = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "evidens.prf=%s: %d widened searches, thread CPU p50 %.2f ms, mean %.2f ms%n",
                System.getProperty("evidens.prf", "unset"), sorted.length, sorted[sorted.length / 2] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }
}
