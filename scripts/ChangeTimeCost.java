import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * What noting a file's change time costs beside hashing it (ChangedWhileRead.hash): thread CPU per read of
 * {@code unix:ctime} over 20,000 reads against a SHA-256 of the whole file (read into memory) over 2,000, alternated in
 * five rounds, on a file of 20 kB written into DIR:
 *
 *   java scripts/ChangeTimeCost.java DIR
 */
public class ChangeTimeCost {
    public static void main(String[] args) throws Exception {
        Path file = Files.writeString(Path.of(args[0]).resolve("notat.txt"), "x".repeat(20_000));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 20_000; i++) {
                sink += Files.getAttribute(file, "unix:ctime").hashCode();
            }
            long c1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000; i++) {
                sink += MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)).length;
            }
            long c2 = threads.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "change time %.2f µs, hashing the file %.1f µs%n", (c1 - c0) / 20_000e3, (c2 - c1) / 2_000e3);
        }
        System.out.println(sink == 42 ? "" : ".");
    }
}
