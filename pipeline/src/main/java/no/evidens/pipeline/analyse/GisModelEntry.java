package no.evidens.pipeline.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.maxent.io.GISModelReader;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.DataReader;

/**
 * Reads the GIS model of an OpenNLP model package (a zip holding the model's entry beside its manifest) with
 * OpenNLP's own {@link GISModelReader}, all but one step: the outcome patterns, each a line of numbers, are read
 * without a {@code StringTokenizer} and a {@code String} per number. On Tika's language model (hundreds of
 * thousands of patterns) that step was half of the model's load, which an ingest pays once (a flight recording
 * of {@code bench ingest --docs 300}, 2026-12-01). The patterns, and so the model, are the same:
 * {@code GisModelEntryTest} compares every part with the model as OpenNLP's {@code LanguageDetectorModel} reads it.
 * The package's manifest is not read: the caller knows what model it asks for. The entry's bytes are read through
 * {@link ModelBytes}, a window of them, not through a {@code DataInputStream} per number and string.
 */
final class GisModelEntry {
    private GisModelEntry() {
    }

    /** The GIS model in the entry {@code entry} of the model package read from {@code in}. */
    static GISModel read(InputStream in, String entry) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (e.getName().equals(entry)) {
                Reader reader = new Reader(new ModelBytes(zip));
                reader.checkModelType();
                AbstractModel model = reader.constructModel();
                if (!(model instanceof GISModel gis)) {
                    throw new IOException(entry + " is not a GIS model");
                }
                return gis;
            }
        }
        throw new IOException("no " + entry + " in the model package");
    }

    /** OpenNLP's reader with the outcome patterns read as {@link #numbers} reads them. */
    private static final class Reader extends GISModelReader {
        Reader(DataReader data) {
            super(data);
        }

        @Override
        public void checkModelType() throws IOException {
            String type = readUTF();
            if (!"GIS".equals(type)) {
                throw new IOException("a " + type + " model, not GIS");
            }
        }

        @Override
        protected int[][] getOutcomePatterns() throws IOException {
            int count = readInt();
            if (count < 0) {
                throw new IOException("outcome patterns: " + count);
            }
            int[][] patterns = new int[count][];
            for (int i = 0; i < count; i++) {
                patterns[i] = numbers(readUTF());
            }
            return patterns;
        }
    }

    /**
     * The numbers of a line of numbers parted by spaces, as OpenNLP reads an outcome pattern (a {@code StringTokenizer}
     * on spaces, {@code Integer.parseInt} of each part), but each part parsed in place ({@link #number}), with no
     * token or {@code String} made per number.
     */
    static int[] numbers(String line) {
        int n = line.length();
        int parts = 0;
        for (int i = 0; i < n; i++) {
            if (line.charAt(i) != ' ' && (i == 0 || line.charAt(i - 1) == ' ')) {
                parts++;
            }
        }
        int[] out = new int[parts];
        int i = 0;
        for (int p = 0; p < parts; p++) {
            while (line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            out[p] = number(line, start, i);
        }
        return out;
    }

    /**
     * {@code Integer.parseInt} of {@code line}'s characters from {@code start} to {@code end}, worked out here where
     * they are at most nine ASCII digits (no sign, and too few to overflow), where the two answers are the same; any
     * other part is the JDK's {@link Integer#parseInt(CharSequence, int, int, int)} to parse, or to refuse. Under the
     * quick compiler, which loads an ingest's models, that method asks its {@code CharSequence} and
     * {@code Character.digit} about every digit: on the 2.1 million numbers of Tika's language model (6.7 million
     * characters) about 75 of the load's 490 ms of CPU (2026-12-03).
     */
    private static int number(String line, int start, int end) {
        if (end - start > 9) {
            return Integer.parseInt(line, start, end, 10);
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = line.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return Integer.parseInt(line, start, end, 10);
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
