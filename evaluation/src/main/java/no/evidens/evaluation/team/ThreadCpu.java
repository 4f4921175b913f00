package no.evidens.evaluation.team;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processor time of one process's threads, by group (request threads, the JIT's compiler threads, the
 * garbage collector, the audit trail's writer, the rest), read from {@code /proc/PID/task/TID/stat} with
 * each thread's name. Read from outside, so that it works as well for the server in a JVM of its own as for
 * this process (a ThreadMXBean only sees its own JVM, and does not count the JVM's own threads: JIT and GC).
 * Linux only; elsewhere {@link #read} answers an empty snapshot.
 */
final class ThreadCpu {
    /** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux for every architecture it runs on). */
    private static final double TICK_MS = 10;

    /** The groups the threads are put in, by their names. */
    enum Group {
        REQUESTS("requests"), JIT("JIT"), GC("GC"), TRAIL("trail writer"), OTHER("other");

        final String label;

        Group(String label) {
            this.label = label;
        }

        /**
         * The group of a thread by the name the kernel keeps (at most 15 characters): Jetty's pool of the
         * workspace ({@code evidens-web-N}) or the bench's own searching threads ({@code bench-searcher-N});
         * HotSpot's compiler threads ({@code C1/C2 CompilerThread}); its collector's and VM thread (G1, safepoints);
         * the trail writer ({@code evidens-audit-trail}).
         */
        static Group of(String name) {
            if (name.startsWith("evidens-web") || name.startsWith("bench-searcher")) {
                return REQUESTS;
            }
            if (name.contains("CompilerThre")) {
                return JIT;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") || name.startsWith("VM Periodic")) {
                return GC;
            }
            if (name.startsWith("evidens-audit")) {
                return TRAIL;
            }
            return OTHER;
        }
    }

    /** Each thread's ticks (user + system) at one moment, by thread id, with its group. */
    record Snapshot(Map<Long, Long> ticks, Map<Long, Group> groups) {
        /**
         * Milliseconds of processor time per group since {@code before}; a thread started in between counts from
         * zero, one that ended in between is not counted (its time shows as the difference to the process's total).
         */
        Map<Group, Double> since(Snapshot before) {
            Map<Group, Double> ms = new EnumMap<>(Group.class);
            for (Group g : Group.values()) {
                ms.put(g, 0.0);
            }
            ticks.forEach((tid, t) -> ms.merge(groups.get(tid), (t - before.ticks.getOrDefault(tid, 0L)) * TICK_MS, Double::sum));
            return ms;
        }
    }

    private ThreadCpu() {
    }

    /** Every thread of the process now; empty when /proc cannot be read. */
    static Snapshot read(long pid) {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, Group> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    parse(Long.parseLong(task.getFileName().toString()), Files.readString(task.resolve("stat")), ticks, groups);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while the list was read
                }
            }
        } catch (IOException e) {
            // not Linux, or the process is gone
        }
        return new Snapshot(ticks, groups);
    }

    /** One line of /proc/PID/task/TID/stat: the name is between the first '(' and the last ')', utime and stime follow. */
    static void parse(long tid, String stat, Map<Long, Long> ticks, Map<Long, Group> groups) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is the state (field 3 of stat(5)); utime and stime are fields 14 and 15
        ticks.put(tid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        groups.put(tid, Group.of(name));
    }
}
