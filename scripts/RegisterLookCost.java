import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.ingest.CaseVersions;
import no.evidens.pipeline.search.CurrentVersions;

/**
 * What the look at a case's version register costs a search, thread CPU per look over loops of 20,000, five rounds
 * alternated: the look of the code before round 46 (is the file there, its time, its size: three stats), the look now on
 * a settled register ({@code CurrentVersions.leftOut}: is it there, its attributes in one stat), and a reading of the
 * register (what a look costs in the 2 s after a write, and once every 5 s). The register has N earlier versions
 * (default 800), its time set an hour back:
 *
 *   java -cp "pipeline/target/lib/*:pipeline/target/evidens.jar" scripts/RegisterLookCost.java HOME [N]
 */
public class RegisterLookCost {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        Map<String, CaseVersions.Replaced> superseded = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            superseded.put(String.format(Locale.ROOT, "%064x", i), new CaseVersions.Replaced(String.format(Locale.ROOT, "%064x", i + n),
                    "journaler/notat-" + i + ".txt", "bunke"));
        }
        CaseVersions versions = new CaseVersions(home);
        Path file = versions.file("sak");
        Json.write(new CaseVersions.Register(Map.of(), superseded), file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        CurrentVersions current = new CurrentVersions(null, home);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 20_000; i++) {
                if (Files.isRegularFile(file)) {
                    sink += Files.getLastModifiedTime(file).toMillis() + Files.size(file);
                }
            }
            long c1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 20_000; i++) {
                sink += current.leftOut("sak").size();
            }
            long c2 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                sink += versions.of("sak").superseded().size();
            }
            long c3 = threads.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "before %.2f µs, now (settled) %.2f µs a look; a reading %.0f µs%n",
                    (c1 - c0) / 20_000e3, (c2 - c1) / 20_000e3, (c3 - c2) / 200e3);
        }
        System.out.println(sink == 42 ? "" : "(" + n + " earlier versions, " + Files.size(file) + " bytes)");
    }
}
