package no.evidens.evaluation.team;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One counter of a HotSpot JVM's performance data, read from the file it keeps them in
 * ({@code TMPDIR/hsperfdata_USER/PID}, what jstat reads). The JDK's reader of that file (jvmstat) is not exported
 * to applications, so its layout is read here: a prologue (magic, byte order, where the entries start and how many
 * there are), then entries that each give their length, where their name and their value are, and the value's type.
 */
final class PerfCounters {
    private static final int MAGIC = 0xcafec0c0;
    private static final byte LONG = 'J';

    private PerfCounters() {
    }

    /** The long counter of that name of that process, or -1 when it cannot be read (no such file, counter or type). */
    static long read(long pid, String name) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"), Long.toString(pid));
        try {
            return find(ByteBuffer.wrap(Files.readAllBytes(file)), name);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The long counter of that name in these performance data, or -1 when there is none. */
    static long find(ByteBuffer data, String name) {
        if (data.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
            return -1;
        }
        data.order(data.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int entry = data.getInt(24);
        int entries = data.getInt(28);
        byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < entries && entry + 20 <= data.limit(); i++) {
            int length = data.getInt(entry);
            if (length <= 0) {
                return -1;
            }
            if (named(data, entry + data.getInt(entry + 4), wanted) && data.get(entry + 12) == LONG && data.getInt(entry + 8) == 0) {
                return data.getLong(entry + data.getInt(entry + 16));
            }
            entry += length;
        }
        return -1;
    }

    /** Whether the NUL-terminated name at this position is the wanted one. */
    private static boolean named(ByteBuffer data, int at, byte[] wanted) {
        if (at + wanted.length >= data.limit()) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (data.get(at + i) != wanted[i]) {
                return false;
            }
        }
        return data.get(at + wanted.length) == 0;
    }
}
