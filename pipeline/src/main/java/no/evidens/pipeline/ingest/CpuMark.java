package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The processor time an ingest has used so far, as the text of an {@link IngestMarks} mark: the main process (every
 * thread, ended ones too), its JIT compiler threads and its collector (the VM thread, where the serial collector runs,
 * and any GC threads), the collections and their time, and the Tika workers (the processes this one started). Marked
 * every {@link #EVERY} documents indexed, the marks show which part's cost per document grows over the course of one
 * ingest ({@code scripts/ingest-marks.py} prints them as windows). Read from {@code /proc} (Linux); a part that cannot
 * be read is given as -1. A measuring aid: nothing reads it but that script.
 */
final class CpuMark {
    /** Documents indexed between two marks. */
    static final int EVERY = 1000;
    /** Clock ticks per second of /proc's times (USER_HZ, 100 on every Linux architecture). */
    private static final double TICKS_PER_SECOND = 100;

    private CpuMark() {
    }

    /** Marks the time used so far when {@code indexed} is a multiple of {@link #EVERY} and marks are on. */
    static void indexed(int indexed) {
        if (indexed % EVERY == 0 && System.getProperty(IngestMarks.PROPERTY) != null) {
            IngestMarks.mark(text(indexed));
        }
    }

    /** {@code indexed N cpu main M jit J gc G collections C in T workers W}, seconds of processor time. */
    static String text(int indexed) {
        double jit = 0;
        double gc = 0;
        boolean threads = true;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat = read(task.resolve("stat"));
                if (stat == null) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.contains("CompilerThre")) {
                    jit += seconds(stat);
                } else if (name.equals("VM Thread") || name.startsWith("GC Thread")) {
                    gc += seconds(stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            threads = false;
        }
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        String self = read(Path.of("/proc/self/stat"));
        double workers = ProcessHandle.current().descendants()
                .mapToDouble(p -> {
                    String stat = read(Path.of("/proc", Long.toString(p.pid()), "stat"));
                    return stat == null ? 0 : seconds(stat);
                }).sum();
        return String.format(Locale.ROOT, "indexed %d cpu main %.2f jit %.2f gc %.2f collections %d in %.2f workers %.2f",
                indexed, self == null ? -1 : seconds(self), threads ? jit : -1, threads ? gc : -1, collections,
                collectionMillis / 1000.0, workers);
    }

    /** User and system time of a /proc stat line, in seconds. */
    private static double seconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
