package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.DataReader;
import opennlp.tools.ml.model.ModelParameterChunker;
import org.junit.jupiter.api.Test;

class ModelBytesTest {

    /** Strings of every kind a model may hold, as {@code DataOutputStream.writeUTF} writes them. */
    private static final List<String> STRINGS = List.of("", "GIS", "a", "0 1 2 3 148", "æøå", "Ærlig talt", "ß",
            "日本語", "한국어", "ελληνικά", "ру", "\u0000", "a\u0000b", "😀", "x😀y", "\uD83D", "\uDE00z", "\uFFFD",
            "\uFFFF", "\u0080\u07FF\u0800");

    @Test
    void readsWhatDataOutputStreamWroteAsOpenNlpsReaderDoes() throws IOException {
        Random random = new Random(14);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        List<Character> kinds = new ArrayList<>();
        // Enough values to cross the window's end many times, a long string among them.
        for (int i = 0; i < 60_000; i++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    data.writeInt(random.nextInt());
                    kinds.add('i');
                }
                case 1 -> {
                    data.writeDouble(i % 7 == 0 ? special(i) : random.nextGaussian());
                    kinds.add('d');
                }
                case 2 -> {
                    data.writeUTF(STRINGS.get(random.nextInt(STRINGS.size())));
                    kinds.add('s');
                }
                default -> {
                    data.writeUTF(i % 500 == 0 ? "ø".repeat(30_000) : "g" + i);
                    kinds.add('s');
                }
            }
        }
        byte[] bytes = out.toByteArray();
        for (InputStream in : List.of(new ByteArrayInputStream(bytes), new Trickle(bytes))) {
            ModelBytes actual = new ModelBytes(in);
            DataReader again = new BinaryFileDataReader(new ByteArrayInputStream(bytes));
            for (char kind : kinds) {
                switch (kind) {
                    case 'i' -> assertEquals(again.readInt(), actual.readInt());
                    case 'd' -> assertEquals(Double.doubleToRawLongBits(again.readDouble()),
                            Double.doubleToRawLongBits(actual.readDouble()));
                    default -> assertEquals(again.readUTF(), actual.readUTF());
                }
            }
            assertThrows(EOFException.class, actual::readInt);
        }
    }

    @Test
    void readsAStringThatTheWindowsEndCuts() throws IOException {
        for (String string : STRINGS) {
            for (int before = 0; before <= 8; before++) {
                // Two strings that end `before` bytes short of the window's end, so the next one's length or bytes
                // are cut by it.
                String first = "x".repeat(65_535);
                String second = "y".repeat(ModelBytes.WINDOW - before - 2 - first.length() - 2);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DataOutputStream data = new DataOutputStream(out);
                data.writeUTF(first);
                data.writeUTF(second);
                data.writeUTF(string);
                data.writeInt(before);
                byte[] bytes = out.toByteArray();
                for (InputStream in : List.of(new ByteArrayInputStream(bytes), new Trickle(bytes))) {
                    ModelBytes actual = new ModelBytes(in);
                    assertEquals(first, actual.readUTF());
                    assertEquals(second, actual.readUTF());
                    assertEquals(string, actual.readUTF(), "cut " + before + " bytes in");
                    assertEquals(before, actual.readInt());
                }
            }
        }
    }

    @Test
    void decodesAndRefusesModifiedUtf8AsTheJdkDoes() throws IOException {
        // Overlong forms, which modified UTF-8 reads and UTF-8 refuses; a four-byte UTF-8 character, which
        // modified UTF-8 refuses; bytes that neither reads.
        List<byte[]> bodies = List.of(bytes(0xC1, 0x81), bytes(0xE0, 0x81, 0x81), bytes(0xC0, 0x80),
                bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), bytes(0xF0, 0x9F, 0x98, 0x80), bytes(0x80),
                bytes(0xC3), bytes(0xE6, 0x97), bytes(0xFF, 0x41), bytes(0x41, 0xC3, 0x28), bytes(0xEF, 0xBF, 0xBD));
        int refused = 0;
        for (byte[] body : bodies) {
            byte[] utf = new byte[body.length + 2];
            utf[1] = (byte) body.length;
            System.arraycopy(body, 0, utf, 2, body.length);
            String jdk;
            try {
                jdk = new DataInputStream(new ByteArrayInputStream(utf)).readUTF();
            } catch (UTFDataFormatException e) {
                refused++;
                assertThrows(UTFDataFormatException.class, () -> new ModelBytes(new ByteArrayInputStream(utf)).readUTF());
                continue;
            }
            assertEquals(jdk, new ModelBytes(new ByteArrayInputStream(utf)).readUTF());
        }
        assertEquals(6, refused);
    }

    @Test
    void joinsAStringOpenNlpWroteInChunks() throws IOException {
        String longer = "ål ".repeat(40_000) + "slutt";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        ModelParameterChunker.writeUTF(data, longer);
        data.writeInt(7);
        ModelBytes in = new ModelBytes(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(longer, in.readUTF());
        assertEquals(7, in.readInt());
    }

    @Test
    void refusesAValueCutShort() {
        assertThrows(EOFException.class, () -> new ModelBytes(new ByteArrayInputStream(bytes(0, 0, 1))).readInt());
        assertThrows(EOFException.class, () -> new ModelBytes(new ByteArrayInputStream(bytes(1, 2, 3, 4, 5))).readDouble());
        assertThrows(EOFException.class, () -> new ModelBytes(new ByteArrayInputStream(bytes(0, 3, 0x41))).readUTF());
    }

    private static double special(int i) {
        double[] values = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};
        return values[(i / 7) % values.length];
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** A stream that gives at most a few bytes a read, as a stream may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int at;
        private int turn;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + turn++ % 7), bytes.length - at);
            System.arraycopy(bytes, at, into, off, n);
            at += n;
            return n;
        }
    }
}
