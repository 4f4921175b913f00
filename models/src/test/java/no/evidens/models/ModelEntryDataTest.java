package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.DataReader;

class ModelEntryDataTest {
    private static final List<String> STRINGS = List.of("", "w=barnevern", "pd=FWDCSX", "blåbærsyltetøy", "ÆØÅ æøå",
            "Ελληνικά", "한국어", "日本語", "nul\u0000inside", "lone \ud800 high", "lone \udc00 low", "emoji 😀",
            "x".repeat(65_535), "ø".repeat(30_000));

    /** Values written as OpenNLP writes a model, in a fixed random order: a kind, then the value. */
    private static byte[] written(Random random, List<Object> values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            double[] specials = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE};
            // 6,000 values: each kind some 2,000 times, each string and special double over 100 and 25 times; the
            // entry is read from one array, so a longer run meets no boundary this one does not (60,000 took 10 s)
            for (int i = 0; i < 6_000; i++) {
                int kind = random.nextInt(3);
                out.writeInt(kind);
                if (kind == 0) {
                    int v = random.nextInt();
                    out.writeInt(v);
                    values.add(v);
                } else if (kind == 1) {
                    double v = random.nextInt(10) == 0 ? specials[random.nextInt(specials.length)] : random.nextGaussian();
                    out.writeDouble(v);
                    values.add(v);
                } else {
                    String v = STRINGS.get(random.nextInt(STRINGS.size()));
                    out.writeUTF(v);
                    values.add(v);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static List<Object> readAll(DataReader in, int count) throws IOException {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = in.readInt();
            out.add(kind == 0 ? (Object) in.readInt() : kind == 1 ? (Object) in.readDouble() : in.readUTF());
        }
        return out;
    }

    @Test
    void readsWhatOpenNlpsReaderReadsFromTheSameBytes() throws IOException {
        List<Object> values = new ArrayList<>();
        byte[] bytes = written(new Random(14), values);
        List<Object> ours = readAll(new ModelEntryData(bytes), values.size());
        List<Object> openNlps = readAll(new BinaryFileDataReader(new ByteArrayInputStream(bytes)), values.size());
        assertEquals(openNlps, ours);
        assertEquals(values, ours); // doubles by their bits: NaN and -0.0 included
    }

    @Test
    void refusesBrokenStringsAsTheJdkDoes() throws IOException {
        byte[][] broken = {{(byte) 0x80}, {(byte) 0xc3}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98,
            (byte) 0x80}, {(byte) 0xc3, (byte) 0x41}, {'a', (byte) 0xff}};
        for (byte[] b : broken) {
            byte[] entry = new byte[b.length + 2];
            entry[1] = (byte) b.length;
            System.arraycopy(b, 0, entry, 2, b.length);
            UTFDataFormatException jdk = assertThrows(UTFDataFormatException.class,
                    () -> new BinaryFileDataReader(new ByteArrayInputStream(entry)).readUTF(), Arrays.toString(b));
            UTFDataFormatException ours = assertThrows(UTFDataFormatException.class,
                    () -> new ModelEntryData(entry).readUTF(), Arrays.toString(b));
            assertEquals(jdk.getMessage(), ours.getMessage());
        }
    }

    @Test
    void refusesValuesCutShort() {
        assertThrows(EOFException.class, () -> new ModelEntryData(new byte[3]).readInt());
        assertThrows(EOFException.class, () -> new ModelEntryData(new byte[7]).readDouble());
        assertThrows(EOFException.class, () -> new ModelEntryData(new byte[1]).readUTF());
        assertThrows(EOFException.class, () -> new ModelEntryData(new byte[] {0, 5, 'a', 'b'}).readUTF());
    }
}
