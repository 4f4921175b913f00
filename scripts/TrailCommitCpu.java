import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.findings.trail.AuditTrail;

/**
 * Processor time of one commit of one trail line in one process, its statements prepared for every commit (a trail
 * made anew each time, as the writer did before) or once (one trail kept), alternated 8 times on a store in /dev/shm
 * (no disk in the figure); the first three rounds are the JIT's warm-up and not printed. Run from the repository root
 * after a build:
 * <pre>
 * java -cp "pipeline/target/evidens.jar:pipeline/target/lib/*" scripts/TrailCommitCpu.java
 * </pre>
 */
public class TrailCommitCpu {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "prep");
        var t = ManagementFactory.getThreadMXBean();
        int n = 3000;
        try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
            Path chain = dir.resolve("audit-chain.log");
            AuditTrail kept = store.trail(chain);
            for (int round = 0; round < 8; round++) {
                for (int side = 0; side < 2; side++) {
                    long c0 = t.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        AuditTrail trail = side == 0 ? store.trail(chain) : kept;
                        trail.recordAll(List.of(new AuditEvent("bruker" + (i % 20), "search", "sak-" + (i % 4), null, null,
                                "«tiltak» type:plan, " + i + " treff")));
                    }
                    double us = (t.getCurrentThreadCpuTime() - c0) / 1e3 / n;
                    if (round >= 3) System.out.printf("round %d %s %.1f us a commit of one line%n", round,
                            side == 0 ? "prepared per commit" : "prepared once", us);
                }
            }
        }
    }
}
