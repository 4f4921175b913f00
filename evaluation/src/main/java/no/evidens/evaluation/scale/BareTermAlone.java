package no.evidens.evaluation.scale;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import no.evidens.evaluation.ChildJava;
import no.evidens.index.PassageSchema;

/**
 * The search bench's baseline timed in a JVM of its own: the same bare {@link TermQuery}s on the same index, warmed and
 * timed as the bench times them, with nothing of Evidens run before them. Timed in the bench's own JVM after Evidens's
 * searches, the bare query's p50 moved with the code measured beside it (0.11–0.12 ms against 0.16–0.18 ms, 2026-12-05:
 * the compiled Lucene code it shares with Evidens's searches is shaped by all the calls made through it), so a ratio could
 * fall because its baseline rose; alone, it is Lucene as a user of Lucene alone would see it, as the ingest bench runs
 * Tika alone in a process of its own.
 */
public final class BareTermAlone {
    /** The name of its line among the bench's latencies. */
    public static final String NAME = "bare Lucene TermQuery, a JVM of its own";
    /** How many times a warm-up pass runs the queries: a pass of one run of 200 bare queries lasts a few milliseconds. */
    private static final int REPEATS_PER_PASS = 20;
    private static final String PREFIX = "bare-alone ";

    private BareTermAlone() {
    }

    /** In the child: {@code INDEX_DIR TERMS_FILE ROUNDS MAX_WARM_UP_PASSES}; prints one line of figures. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<TermQuery> queries = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .map(t -> new TermQuery(new Term(PassageSchema.TEXT, t))).toList();
        int rounds = Integer.parseInt(args[2]);
        int maxPasses = Integer.parseInt(args[3]);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            WarmUp.run(() -> {
                for (int i = 0; i < REPEATS_PER_PASS; i++) {
                    for (TermQuery q : queries) {
                        searcher.search(q, 10);
                    }
                }
            }, maxPasses, new PrintWriter(Writer.nullWriter()));
            SearchBench.Latencies l = SearchBench.time(NAME, queries, rounds, q -> searcher.search(q, 10).totalHits.value);
            System.out.printf(Locale.ROOT, "%s%d %d %s %s %s %s %s%n", PREFIX, l.queries(), l.totalHitsMedian(), l.p50(), l.p95(),
                    l.p99(), l.mean(), l.cpuP50());
        }
    }

    /**
     * Times {@code terms} (analysed terms of the text field) on the index in {@code dir} in a child JVM with this one's
     * largest heap, and answers its latencies.
     */
    static SearchBench.Latencies time(Path dir, List<String> terms, int rounds, int maxPasses) throws IOException, InterruptedException {
        Path termsFile = Files.createTempFile("evidens-bare-terms", ".txt");
        try {
            Files.write(termsFile, terms, StandardCharsets.UTF_8);
            List<String> cmd = ChildJava.command(List.of(ChildJava.sameHeap()), BareTermAlone.class.getName(),
                    List.of(dir.toString(), termsFile.toString(), String.valueOf(rounds), String.valueOf(maxPasses)));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = null;
            for (String l : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (l.startsWith(PREFIX)) {
                    line = l;
                }
            }
            int exit = p.waitFor();
            if (exit != 0 || line == null) {
                throw new IOException("the bare TermQuery's own JVM ended with exit code " + exit + " and no figures");
            }
            String[] f = line.substring(PREFIX.length()).split(" ");
            return new SearchBench.Latencies(NAME, Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        } finally {
            Files.deleteIfExists(termsFile);
        }
    }
}
