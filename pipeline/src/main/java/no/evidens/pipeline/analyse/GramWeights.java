package no.evidens.pipeline.analyse;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.ModelParameterChunker;

/**
 * The GIS model of an OpenNLP model package (Tika's language model), its grams' weights read from the entry's
 * inflated bytes when a gram is first asked for, not all at the load. OpenNLP's {@code GISModelReader} makes a
 * {@code String} of every gram and of every outcome pattern, parses the patterns' 2.1 million numbers, makes an array
 * of weights and a {@code Context} for every one of the 344,151 grams and puts them all in a map; an ingest asks
 * for a few thousand of them. Here the load inflates the entry, walks its outcome patterns' bytes once (each one's
 * number of grams and of languages, and the check that its languages rise), and files each gram under the
 * {@code String} hash of its characters, worked out from its bytes, in an open-addressing table of ints (the JDK has
 * no map keyed by such a place in an array). A gram asked for is found by that hash and its characters, and its
 * {@code Context} made then from the same bytes OpenNLP reads, and kept for every thread.
 *
 * <p>The entry is read as OpenNLP's reader reads it ({@code GISModelReader.constructModel}: the model type, the
 * correction constant and parameter, the languages, the outcome patterns, the grams, the weights pattern by pattern,
 * gram by gram), numbers big-endian as {@code DataOutputStream} wrote them, strings in modified UTF-8 as
 * {@link DataInputStream#readUTF(java.io.DataInput)} decodes them: any string whose bytes are not in the three plain
 * forms is decoded by that method itself, which also refuses what it refuses. Two things OpenNLP would read are
 * refused instead, as Tika's model has neither: a gram that comes twice (OpenNLP's map keeps the later one) and a
 * string written in chunks. {@code GramWeightsTest} compares every gram with the model as OpenNLP reads it.
 */
final class GramWeights {
    private final ByteBuffer bytes;
    private final String[] outcomes;
    /** Per outcome pattern: where its string starts (its length's two bytes). */
    private final int[] patternAt;
    /** Per outcome pattern: its first gram; one more entry, the number of grams. */
    private final int[] firstGram;
    /** Per outcome pattern: where its first gram's weights start. */
    private final long[] weightsAt;
    /** Per outcome pattern: its number of languages. */
    private final int[] width;
    /** Per gram: where its string starts, and the {@code String} hash of its characters. */
    private final int[] gramAt;
    private final int[] gramHash;
    /** Open addressing over the grams' hashes: a gram's index plus one, 0 for an empty slot. */
    private final int[] slots;
    private final double largestWeight;
    private final AtomicReferenceArray<int[]> patternOutcomes;
    private final AtomicReferenceArray<Context> contexts;

    private GramWeights(byte[] entry) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(entry);
        this.bytes = in.duplicate();
        String type = utf(in);
        if (!"GIS".equals(type)) {
            throw new IOException("a " + type + " model, not GIS");
        }
        in.getInt(); // the correction constant and parameter, which OpenNLP reads and drops
        in.getDouble();
        this.outcomes = new String[count(in, "languages")];
        for (int o = 0; o < outcomes.length; o++) {
            outcomes[o] = utf(in);
        }
        int patterns = count(in, "outcome patterns");
        this.patternAt = new int[patterns];
        this.firstGram = new int[patterns + 1];
        this.weightsAt = new long[patterns];
        this.width = new int[patterns];
        int[] counts = new int[2];
        long grams = 0;
        long weights = 0;
        for (int p = 0; p < patterns; p++) {
            patternAt[p] = in.position();
            int length = skipUtf(in);
            pattern(entry, patternAt[p] + 2, length, null, counts);
            if (grams > Integer.MAX_VALUE) {
                throw new IOException("too many grams in the outcome patterns");
            }
            firstGram[p] = (int) grams;
            weightsAt[p] = weights;
            width[p] = counts[1];
            grams += counts[0];
            weights += (long) counts[0] * counts[1];
        }
        int gramCount = count(in, "grams");
        if (grams != gramCount) {
            throw new IOException(gramCount + " grams, " + grams + " in the outcome patterns");
        }
        firstGram[patterns] = gramCount;
        this.gramAt = new int[gramCount];
        this.gramHash = new int[gramCount];
        this.slots = new int[Integer.highestOneBit(Math.max(1, gramCount)) * 4];
        for (int g = 0; g < gramCount; g++) {
            gramAt[g] = in.position();
            gramHash[g] = hash(entry, in.position(), skipUtf(in));
            file(g);
        }
        long start = in.position();
        if (weights > (entry.length - start) / Double.BYTES) {
            throw new EOFException("the weights end before the model's " + weights);
        }
        for (int p = 0; p < patterns; p++) {
            weightsAt[p] = start + weightsAt[p] * Double.BYTES;
        }
        // As LanguageProbe walked every gram's weights for it: the same maximum (Math.max, NaN included).
        double largest = 0.0;
        for (long at = start, end = start + weights * Double.BYTES; at < end; at += Double.BYTES) {
            largest = Math.max(largest, Math.abs(bytes.getDouble((int) at)));
        }
        this.largestWeight = largest;
        this.patternOutcomes = new AtomicReferenceArray<>(patterns);
        this.contexts = new AtomicReferenceArray<>(gramCount);
    }

    /** The GIS model in the entry {@code entry} of the model package read from {@code in}. */
    static GramWeights read(InputStream in, String entry) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (e.getName().equals(entry)) {
                return new GramWeights(zip.readAllBytes());
            }
        }
        throw new IOException("no " + entry + " in the model package");
    }

    /** The model's outcomes (the languages), in its order. */
    String[] outcomes() {
        return outcomes.clone();
    }

    /** The largest magnitude of any of the model's weights. */
    double largestWeight() {
        return largestWeight;
    }

    /** The gram's languages and weights, as OpenNLP's model holds them for it; null for a gram the model lacks. */
    Context get(String gram) {
        int g = find(gram);
        if (g < 0) {
            return null;
        }
        Context made = contexts.get(g);
        if (made == null) {
            int p = patternOf(g);
            int[] languages = outcomesOf(p);
            double[] weights = new double[languages.length];
            int at = (int) (weightsAt[p] + (long) (g - firstGram[p]) * languages.length * Double.BYTES);
            for (int o = 0; o < weights.length; o++, at += Double.BYTES) {
                weights[o] = bytes.getDouble(at);
            }
            contexts.compareAndSet(g, null, new Context(languages, weights));
            made = contexts.get(g);
        }
        return made;
    }

    private int find(String gram) {
        int h = gram.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(h) & mask; slots[i] != 0; i = (i + 1) & mask) {
            int g = slots[i] - 1;
            if (gramHash[g] == h && sameString(gramAt[g], gram)) {
                return g;
            }
        }
        return -1;
    }

    private void file(int g) throws IOException {
        int mask = slots.length - 1;
        int i = spread(gramHash[g]) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            int other = slots[i] - 1;
            if (gramHash[other] == gramHash[g] && sameStrings(gramAt[other], gramAt[g])) {
                throw new IOException("the gram at " + gramAt[g] + " comes twice in the model");
            }
        }
        slots[i] = g + 1;
    }

    private static int spread(int h) {
        return (h * 0x9E3779B9) >>> 7;
    }

    /** The outcome pattern that gram {@code g} belongs to (the last whose first gram is at most {@code g}). */
    private int patternOf(int g) {
        int p = Arrays.binarySearch(firstGram, g);
        if (p < 0) {
            return -p - 2;
        }
        while (firstGram[p + 1] == g) { // patterns of no gram have the same first gram as the next
            p++;
        }
        return p;
    }

    /** The pattern's languages, one array for all its grams, as OpenNLP shares it. */
    private int[] outcomesOf(int p) {
        int[] languages = patternOutcomes.get(p);
        if (languages == null) {
            int at = patternAt[p];
            int length = Short.toUnsignedInt(bytes.getShort(at));
            int[] numbers = new int[width[p] + 1];
            try {
                pattern(bytes.array(), at + 2, length, numbers, new int[2]);
            } catch (IOException e) {
                throw new IllegalStateException("an outcome pattern read once could not be read again", e);
            }
            patternOutcomes.compareAndSet(p, null, Arrays.copyOfRange(numbers, 1, numbers.length));
            languages = patternOutcomes.get(p);
        }
        return languages;
    }

    /**
     * An outcome pattern's numbers, parted by spaces (OpenNLP: a {@code StringTokenizer} on spaces, then
     * {@code Integer.parseInt} of each): how many grams have it and how many languages ({@code counts}), each number
     * put in {@code numbers} if it is not null. Where every byte is an ASCII digit or a space and no number has more
     * than nine digits (no sign, so no overflow), they are summed from the bytes; any other pattern is decoded as
     * OpenNLP decodes it and parsed by {@link Integer#parseInt}, which parses or refuses it as OpenNLP's would. The
     * languages must rise (LanguageProbe adds a gram's weights one language at a time).
     */
    private static void pattern(byte[] b, int from, int length, int[] numbers, int[] counts) throws IOException {
        int end = from + length;
        int n = 0;
        int value = 0;
        int digits = 0;
        int before = -1;
        boolean plain = true;
        for (int i = from; i <= end && plain; i++) {
            int c = i < end ? b[i] : ' ';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                plain = ++digits <= 9;
            } else if (c == ' ') {
                if (digits > 0) {
                    if (numbers != null) {
                        numbers[n] = value;
                    }
                    if (n == 0) {
                        counts[0] = value;
                    } else if (value <= before && n > 1) {
                        throw new IOException("a gram's languages out of order in an outcome pattern");
                    }
                    before = value;
                    n++;
                    value = 0;
                    digits = 0;
                }
            } else {
                plain = false;
            }
        }
        if (!plain) {
            int[] all = numbers(utf(b, from - 2));
            for (int k = 2; k < all.length; k++) {
                if (all[k] <= all[k - 1]) {
                    throw new IOException("a gram's languages out of order in an outcome pattern");
                }
            }
            if (numbers != null) {
                System.arraycopy(all, 0, numbers, 0, all.length);
            }
            n = all.length;
            counts[0] = all.length == 0 ? 0 : all[0];
        }
        if (n == 0) {
            throw new IOException("an empty outcome pattern");
        }
        counts[1] = n - 1;
    }

    /** The numbers of a line parted by spaces, as a {@code StringTokenizer} and {@code Integer.parseInt} give them. */
    static int[] numbers(String line) {
        int n = line.length();
        int[] out = new int[n / 2 + 1];
        int parts = 0;
        for (int i = 0; i < n; ) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out[parts++] = Integer.parseInt(line, start, i, 10);
            }
        }
        return Arrays.copyOf(out, parts);
    }

    /**
     * The {@code String} hash of the string at {@code at} (its length's two bytes first), its characters decoded
     * from modified UTF-8 here where each is in one of its three forms; any other string is decoded by the JDK.
     */
    private static int hash(byte[] b, int at, int length) throws IOException {
        int h = 0;
        int i = at + 2;
        int end = i + length;
        while (i < end) {
            int packed = charAt(b, i, end);
            if (packed < 0) {
                return utf(b, at).hashCode();
            }
            h = 31 * h + (packed >>> 2);
            i += packed & 3;
        }
        if (length >= ModelParameterChunker.SIGNATURE_CHUNKED_PARAMS.length()
                && utf(b, at).startsWith(ModelParameterChunker.SIGNATURE_CHUNKED_PARAMS)) {
            throw new IOException("a string written in chunks, which this reader does not join");
        }
        return h;
    }

    /**
     * The character of modified UTF-8 at {@code i}, in one of its three forms, and its length in bytes, packed as
     * {@code char << 2 | length}; -1 for any other form (left to the JDK's decoder).
     */
    private static int charAt(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return c << 2 | 1;
        }
        if ((c & 0xE0) == 0xC0 && i + 1 < end && (b[i + 1] & 0xC0) == 0x80) {
            return ((c & 0x1F) << 6 | b[i + 1] & 0x3F) << 2 | 2;
        }
        if ((c & 0xF0) == 0xE0 && i + 2 < end && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
            return ((c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F) << 2 | 3;
        }
        return -1;
    }

    /** True when the string at {@code at} holds the characters of {@code s}, decoded as {@link #hash} decodes. */
    private boolean sameString(int at, String s) {
        byte[] b = bytes.array();
        int i = at + 2;
        int end = i + Short.toUnsignedInt(bytes.getShort(at));
        int k = 0;
        while (i < end) {
            int packed = charAt(b, i, end);
            if (packed < 0) {
                try {
                    return utf(at).equals(s);
                } catch (IOException e) {
                    return false; // refused at the load already
                }
            }
            if (k == s.length() || s.charAt(k++) != (char) (packed >>> 2)) {
                return false;
            }
            i += packed & 3;
        }
        return k == s.length();
    }

    /**
     * True when the strings at {@code a} and {@code b} hold the same characters, decoded as {@link #hash} decodes,
     * character by character from the bytes; where either holds a form that decoding leaves to the JDK, both are
     * decoded by it and compared. Asked at the load for every two grams of the same hash (in Tika's model, grams of
     * one to three characters, many share one): decoding both through the JDK each time was most of the load's
     * Java samples after the inflating (flight recordings of an ingest, 2026-12-03).
     */
    private boolean sameStrings(int a, int b) throws IOException {
        byte[] bs = bytes.array();
        int i = a + 2;
        int iEnd = i + Short.toUnsignedInt(bytes.getShort(a));
        int j = b + 2;
        int jEnd = j + Short.toUnsignedInt(bytes.getShort(b));
        while (i < iEnd && j < jEnd) {
            int x = charAt(bs, i, iEnd);
            int y = charAt(bs, j, jEnd);
            if (x < 0 || y < 0) {
                return utf(a).equals(utf(b));
            }
            if (x >>> 2 != y >>> 2) {
                return false;
            }
            i += x & 3;
            j += y & 3;
        }
        return i == iEnd && j == jEnd;
    }

    private String utf(int at) throws IOException {
        return utf(bytes.array(), at);
    }

    /** The string at {@code at}, its length's two bytes first, as the JDK's modified UTF-8 reader gives it. */
    private static String utf(byte[] b, int at) throws IOException {
        if (at + 2 > b.length) {
            throw new EOFException();
        }
        return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(b, at, b.length - at)));
    }

    /** A string read at the buffer's place, which moves past it; one written in chunks is refused. */
    private static String utf(ByteBuffer in) throws IOException {
        int at = in.position();
        skipUtf(in);
        String s = utf(in.array(), at);
        if (s.startsWith(ModelParameterChunker.SIGNATURE_CHUNKED_PARAMS)) {
            throw new IOException("a string written in chunks, which this reader does not join");
        }
        return s;
    }

    /** Moves past the string at the buffer's place; its length in bytes. */
    private static int skipUtf(ByteBuffer in) throws IOException {
        if (in.remaining() < 2) {
            throw new EOFException();
        }
        int length = Short.toUnsignedInt(in.getShort());
        if (in.remaining() < length) {
            throw new EOFException();
        }
        in.position(in.position() + length);
        return length;
    }

    private static int count(ByteBuffer in, String what) throws IOException {
        if (in.remaining() < Integer.BYTES) {
            throw new EOFException();
        }
        int n = in.getInt();
        if (n < 0) {
            throw new IOException(what + ": " + n);
        }
        return n;
    }
}
