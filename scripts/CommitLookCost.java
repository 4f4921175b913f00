import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What a look for a newer commit costs on an index folder: Lucene's newest commit generation (a listing of the folder)
 * against the folder's modification time (one file attribute), thread CPU per look over loops of 20,000, five times:
 *
 *   java -cp "pipeline/target/lib/*" scripts/CommitLookCost.java DIR
 */
public class CommitLookCost {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        try (Directory d = FSDirectory.open(dir)) {
            for (int round = 0; round < 5; round++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 20_000; i++) {
                    sink += SegmentInfos.getLastCommitGeneration(d);
                }
                long c1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 20_000; i++) {
                    sink += Files.getLastModifiedTime(dir).toMillis();
                }
                long c2 = threads.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "listing %.2f µs, folder time %.2f µs a look%n", (c1 - c0) / 20_000e3, (c2 - c1) / 20_000e3);
            }
        }
        System.out.println(sink == 42 ? "" : "(" + Files.list(dir).count() + " files)");
    }
}
