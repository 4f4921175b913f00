package no.evidens.evaluation.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    /** A line of /proc/PID/task/TID/stat with this name, utime and stime (the other fields as a real line has them). */
    private static String stat(long tid, String name, long utime, long stime) {
        return tid + " (" + name + ") S 1 1 1 0 -1 4194368 900 0 0 0 " + utime + " " + stime + " 0 0 20 0 30 0 1000 0 0";
    }

    private static ThreadCpu.Snapshot snapshot(String... lines) {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, ThreadCpu.Group> groups = new HashMap<>();
        for (String line : lines) {
            ThreadCpu.parse(Long.parseLong(line.substring(0, line.indexOf(' '))), line, ticks, groups);
        }
        return new ThreadCpu.Snapshot(ticks, groups);
    }

    @Test
    void threadsAreGroupedByTheirNamesAndCountedFromTheFirstSnapshotOrFromZero() {
        ThreadCpu.Snapshot before = snapshot(stat(11, "evidens-web-21", 100, 20), stat(12, "C2 CompilerThre", 500, 0),
                stat(13, "GC Thread#0", 7, 3), stat(14, "evidens-audit-t", 40, 10), stat(15, "main (x)", 1, 1));
        // thread 16 started in between (a new pool thread) and counts from zero; the others by their difference
        ThreadCpu.Snapshot after = snapshot(stat(11, "evidens-web-21", 150, 30), stat(12, "C2 CompilerThre", 520, 0),
                stat(13, "GC Thread#0", 9, 3), stat(14, "evidens-audit-t", 44, 11), stat(15, "main (x)", 1, 2),
                stat(16, "bench-searcher-", 3, 2), stat(17, "G1 Conc#0", 1, 0));
        Map<ThreadCpu.Group, Double> ms = after.since(before);
        assertEquals((50 + 10 + 5) * 10.0, ms.get(ThreadCpu.Group.REQUESTS), 1e-9);
        assertEquals(20 * 10.0, ms.get(ThreadCpu.Group.JIT), 1e-9);
        assertEquals((2 + 1) * 10.0, ms.get(ThreadCpu.Group.GC), 1e-9);
        assertEquals(5 * 10.0, ms.get(ThreadCpu.Group.TRAIL), 1e-9);
        assertEquals(10.0, ms.get(ThreadCpu.Group.OTHER), 1e-9);
    }

    @Test
    void aLongCounterIsFoundByItsNameInHotSpotsPerformanceData() {
        // a prologue and two entries as HotSpot lays them out (little-endian): a long named sun.ci.totalCompiles, and
        // before it another long whose name only begins the same
        ByteBuffer data = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        data.order(ByteOrder.BIG_ENDIAN).putInt(0, 0xcafec0c0).order(ByteOrder.LITTLE_ENDIAN);
        data.put(4, (byte) 1);
        data.putInt(24, 32).putInt(28, 2);
        int second = entry(data, 32, "sun.ci.totalCompilesX", 7);
        entry(data, second, "sun.ci.totalCompiles", 4512);
        assertEquals(4512, PerfCounters.find(data, "sun.ci.totalCompiles"));
        assertEquals(7, PerfCounters.find(data, "sun.ci.totalCompilesX"));
        assertEquals(-1, PerfCounters.find(data, "sun.ci.totalBailouts"));
        assertEquals(-1, PerfCounters.find(ByteBuffer.allocate(64), "sun.ci.totalCompiles"));
    }

    /** One entry at {@code at}: header of 20 bytes, the name, then the long at a multiple of 8; answers where the next begins. */
    private static int entry(ByteBuffer data, int at, String name, long value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        int nameOffset = 20;
        int valueOffset = (nameOffset + n.length + 1 + 7) / 8 * 8;
        int length = valueOffset + 8;
        data.putInt(at, length).putInt(at + 4, nameOffset).putInt(at + 8, 0).put(at + 12, (byte) 'J').putInt(at + 16, valueOffset);
        for (int i = 0; i < n.length; i++) {
            data.put(at + nameOffset + i, n[i]);
        }
        data.putLong(at + valueOffset, value);
        return at + length;
    }
}
