package no.evidens.pipeline.analyse;

import java.util.Arrays;
import java.util.Map;

import opennlp.tools.ml.model.Context;

/**
 * The grams one thread has met, each known by its one to three code points packed in a long (each plus one, 21
 * bits apiece, so the length shows too), with its String, the model's weights for it copied into this table's own
 * two arrays (its languages and weights, one gram after another, so that the grams a thread meets lie together
 * rather than scattered over the model's 344,151 pairs of arrays), the largest magnitude among them, and the text
 * it was last counted in. Kept across texts, as most of a text's grams were met in the texts before it: a gram met
 * before is neither made a String again nor looked up in the model's map of Strings, and the same table tells
 * whether the text has counted it already. Open addressing over primitive arrays, written here because the JDK has
 * no map keyed by primitive longs. Emptied before a text once it holds {@link #KEEP} grams; within a text it grows
 * as it must.
 */
final class GramTable {
    private static final int FIRST = 1 << 12;
    private static final int KEEP = 1 << 15;
    private final Map<String, Context> features;
    private long[] keys;
    private int[] texts;
    private String[] grams;
    /** Where a gram's weights begin and end in {@link #outcomes} and {@link #weights} (equal: none). */
    private int[] begins;
    private int[] ends;
    private double[] largest;
    private int size;
    private int text;
    private int[] outcomes;
    private double[] weights;
    private int used;

    GramTable(Map<String, Context> features) {
        this.features = features;
        empty(FIRST);
    }

    private void empty(int slots) {
        keys = new long[slots];
        texts = new int[slots];
        grams = new String[slots];
        begins = new int[slots];
        ends = new int[slots];
        largest = new double[slots];
        size = 0;
        text = 0;
        outcomes = new int[1 << 16];
        weights = new double[1 << 16];
        used = 0;
    }

    /** Begins a new text: no gram counted in it yet (the places of the grams' weights stay until the next). */
    void startText() {
        if (size > KEEP || text == Integer.MAX_VALUE) {
            empty(FIRST);
        }
        text++;
    }

    /**
     * The slot of the gram {@code key} (never 0), the {@code n} code points of {@code chunk} from {@code pos};
     * a gram not met before is made a String and looked up in the model here.
     */
    int slot(long key, int[] chunk, int pos, int n) {
        int mask = keys.length - 1;
        int i = spread(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        String gram = new String(chunk, pos, n);
        keys[i] = key;
        grams[i] = gram;
        copy(i, features.get(gram));
        if (++size * 2 > keys.length) {
            grow();
            return slot(key, chunk, pos, n);
        }
        return i;
    }

    /**
     * Copies a gram's weights to the end of this table's arrays. They are added one language at a time: the same
     * sums as adding its row over all languages only if no language appears twice among a gram's outcomes (OpenNLP
     * writes each gram's in rising order; checked here, as each gram is first met).
     */
    private void copy(int slot, Context context) {
        begins[slot] = used;
        if (context != null) {
            int[] languages = context.getOutcomes();
            double[] parameters = context.getParameters();
            if (used + languages.length > outcomes.length) {
                int length = Math.max(outcomes.length * 2, used + languages.length);
                outcomes = Arrays.copyOf(outcomes, length);
                weights = Arrays.copyOf(weights, length);
            }
            double most = 0.0;
            for (int a = 0; a < languages.length; a++) {
                if (a > 0 && languages[a] <= languages[a - 1]) {
                    throw new IllegalStateException("a gram's languages out of order in " + LanguageProbe.MODEL);
                }
                outcomes[used + a] = languages[a];
                weights[used + a] = parameters[a];
                most = Math.max(most, Math.abs(parameters[a]));
            }
            used += languages.length;
            largest[slot] = most;
        }
        ends[slot] = used;
    }

    /** True the first time the gram in {@code slot} is counted in this text. */
    boolean firstInText(int slot) {
        if (texts[slot] == text) {
            return false;
        }
        texts[slot] = text;
        return true;
    }

    String gram(int slot) {
        return grams[slot];
    }

    /** Where the gram's weights begin in {@link #outcomes()} and {@link #weights()}. */
    int begin(int slot) {
        return begins[slot];
    }

    /** Where the gram's weights end (its begin when the model does not know it). */
    int end(int slot) {
        return ends[slot];
    }

    /** The largest magnitude of the gram's weights (0 when the model does not know it). */
    double largest(int slot) {
        return largest[slot];
    }

    /** The languages of the grams' weights; the array may be replaced when a new gram is met. */
    int[] outcomes() {
        return outcomes;
    }

    /** The grams' weights; the array may be replaced when a new gram is met. */
    double[] weights() {
        return weights;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldTexts = texts;
        String[] oldGrams = grams;
        int[] oldBegins = begins;
        int[] oldEnds = ends;
        double[] oldLargest = largest;
        int slots = oldKeys.length * 2;
        keys = new long[slots];
        texts = new int[slots];
        grams = new String[slots];
        begins = new int[slots];
        ends = new int[slots];
        largest = new double[slots];
        int mask = slots - 1;
        for (int o = 0; o < oldKeys.length; o++) {
            if (oldKeys[o] != 0) {
                int i = spread(oldKeys[o]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[o];
                texts[i] = oldTexts[o];
                grams[i] = oldGrams[o];
                begins[i] = oldBegins[o];
                ends[i] = oldEnds[o];
                largest[i] = oldLargest[o];
            }
        }
    }

    private static int spread(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }
}
