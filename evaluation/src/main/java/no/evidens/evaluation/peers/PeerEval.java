package no.evidens.evaluation.peers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import no.evidens.index.EvidenceSearcher;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * Ingests a folder of files (Tika's own test documents, say) and reads each file with Tika alone in the
 * same run: per file, the words Tika gives over the file and all it embeds beside the words Evidens
 * indexed from the file and all it holds, and whether every archive entry and every failure is
 * accounted for with a plain reason.
 */
public final class PeerEval {
    /** Tika reading at least this many words where Evidens indexes nothing is text lost. */
    public static final int LOST_WORDS = 50;
    private static final String CASE = "peers";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]*\\p{L}[\\p{L}\\p{N}]*");

    /**
     * One file of the folder; {@code tikaProblem} is why Tika alone gave up on it ({@code timed out}, an exception's
     * name), or null: its words then count only what it gave before (none after a time limit).
     */
    public record FileResult(String path, int tikaWords, int evidensWords, int evidensDocuments, String status,
                             String reason, List<String> missingEntries, String tikaProblem) {
        /** Tika reads text from it, and Evidens indexes none from it or anything inside it. */
        public boolean lost() {
            return tikaWords >= LOST_WORDS && evidensDocuments == 0;
        }
    }

    /** The whole run. */
    public record Result(List<FileResult> files, Receipt receipt, int rawReasons, long millis) {
        public int lostFiles() {
            return (int) files.stream().filter(FileResult::lost).count();
        }

        public int missingEntries() {
            return files.stream().mapToInt(f -> f.missingEntries().size()).sum();
        }

        public long tikaWords() {
            return files.stream().mapToLong(FileResult::tikaWords).sum();
        }

        public long evidensWords() {
            return files.stream().mapToLong(FileResult::evidensWords).sum();
        }

        /** Files Tika alone gave up on (a time limit met, or an exception), whose words it counts short. */
        public List<FileResult> tikaProblems() {
            return files.stream().filter(f -> f.tikaProblem() != null).toList();
        }
    }

    public Result run(Path dir, Path home) throws Exception {
        long start = System.nanoTime();
        EvidensHome h = new EvidensHome(home);
        Receipt receipt = new Ingestion(h).ingest(CASE, dir, ProgressListener.NONE);
        Map<String, ReceiptFile> rows = new HashMap<>();
        receipt.files().forEach(f -> rows.put(f.path(), f));
        List<FileResult> out = new ArrayList<>();
        try (TikaAlone tika = new TikaAlone(); EvidenceSearcher searcher = new EvidenceSearcher(h.index());
             Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = dir.relativize(file).toString().replace('\\', '/');
                ReceiptFile own = rows.get(path);
                int words = 0;
                int documents = 0;
                for (ReceiptFile f : receipt.files()) {
                    if ((f.path().equals(path) || f.path().startsWith(path + "!/")) && ReceiptFile.INDEXED.equals(f.status())) {
                        String text = searcher.document(CASE, docId(rows, f)).map(d -> d.text()).orElse("");
                        words += words(text);
                        documents++;
                    }
                }
                TikaAlone.Result alone = tika.read(file);
                List<String> missing = new ArrayList<>();
                // A duplicate's entries are accounted for under the file it duplicates.
                if (ArchiveEntries.isArchive(alone.mediaType()) && own != null && !ReceiptFile.DUPLICATE.equals(own.status())) {
                    for (String entry : ArchiveEntries.of(file)) {
                        if (!listed(rows.keySet(), path, entry)) {
                            missing.add(entry);
                        }
                    }
                }
                out.add(new FileResult(path, words(alone.text()), words, documents,
                        own == null ? "missing" : own.status(), own == null ? null : own.reason(), missing,
                        alone.problem()));
            }
        }
        int raw = (int) receipt.files().stream()
                .filter(f -> ReceiptFile.FAILED.equals(f.status()) && !Reason.isFixed(f.reason())).count();
        return new Result(out, receipt, raw, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Whether the receipt lists the entry: as {@code path!/entry}, or one level further down when the
     * archive is compressed as a whole ({@code a.tgz!/a.tar!/entry}).
     */
    private static boolean listed(java.util.Set<String> paths, String path, String entry) {
        if (paths.contains(path + "!/" + entry)) {
            return true;
        }
        for (String p : paths) {
            if (p.startsWith(path + "!/") && p.endsWith("!/" + entry)
                    && p.substring(path.length() + 2, p.length() - entry.length() - 2).indexOf("!/") < 0) {
                return true;
            }
        }
        return false;
    }

    /** The document id a receipt row was indexed under, as the ingest route derives it. */
    private static String docId(Map<String, ReceiptFile> rows, ReceiptFile row) {
        int cut = row.path().lastIndexOf("!/");
        if (cut < 0) {
            return row.sha256().substring(0, 16);
        }
        ReceiptFile parent = rows.get(row.path().substring(0, cut));
        String name = row.path().substring(cut + 2);
        return Sha256.ofText(docId(rows, parent) + "!/" + name + "#" + row.sha256()).substring(0, 16);
    }

    static int words(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    public static void print(Result r, PrintWriter out) {
        out.printf("%-70s %7s %7s %4s  %-9s %s%n", "file", "tika", "evidens", "docs", "status", "reason");
        for (FileResult f : r.files()) {
            out.printf("%-70s %7d %7d %4d  %-9s %s%s%s%s%n", f.path(), f.tikaWords(), f.evidensWords(), f.evidensDocuments(),
                    f.status(), f.reason() == null ? "" : f.reason(), f.lost() ? "  << LOST" : "",
                    f.missingEntries().isEmpty() ? "" : "  << entries missing: " + f.missingEntries(),
                    f.tikaProblem() == null ? "" : "  (Tika alone: " + f.tikaProblem() + ")");
        }
        Receipt.Counts c = r.receipt().counts();
        out.printf("%nFiles: %d. Receipt: %d indexed, %d containers, %d duplicate, %d failed (%d rows).%n",
                r.files().size(), c.indexed(), c.containers(), c.duplicate(), c.failed(), r.receipt().files().size());
        // The totals, so that a README figure is printed rather than summed by hand; and the files Tika alone gave up on,
        // since a time limit met on a busy machine lowers Tika alone's total without a word about it otherwise.
        out.printf("Words over all files: Tika alone %d, Evidens %d.%n", r.tikaWords(), r.evidensWords());
        List<FileResult> gaveUp = r.tikaProblems();
        out.printf("Files Tika alone gave up on (its words there may be short): %d%s%n", gaveUp.size(),
                gaveUp.isEmpty() ? "" : " " + gaveUp.stream().map(f -> f.path() + " (" + f.tikaProblem() + ")").toList());
        out.printf("Files where Tika reads >= %d words and Evidens indexes no passage: %d (target 0)%n", LOST_WORDS, r.lostFiles());
        out.printf("Archive entries missing from the receipt: %d (target 0)%n", r.missingEntries());
        out.printf("Failure reasons holding raw library text: %d (target 0)%n", r.rawReasons());
        out.printf(java.util.Locale.ROOT, "Time: %.1f s%n", r.millis() / 1000.0);
        out.flush();
    }

    /** Deletes a folder tree (the run's own home). */
    public static void deleteTree(Path top) throws IOException {
        org.apache.commons.io.file.PathUtils.deleteDirectory(top);
    }
}
