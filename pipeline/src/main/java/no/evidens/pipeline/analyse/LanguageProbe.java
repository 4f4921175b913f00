package no.evidens.pipeline.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;

/**
 * Tika's OpenNLP language detector ({@code OpenNLPDetector} with its probing detector, Tika 3.3) worked out with
 * less repetition, giving the very same answer and confidence. Tika's detector reads the text 300 code points
 * at a time, counts its character 1- to 3-grams, and after every 110 of them asks the language model about
 * every distinct gram seen so far, until the best language has held for three answers with a growing
 * confidence, 0.2 ahead of the next. Each answer looks every gram up in the model again and adds its weights
 * one outcome at a time. Here a gram is looked up once per thread, when first met (a gram met before, in this text or
 * an earlier one, is known by its code points, without making a String of it: {@link GramTable}), and its weights
 * are added once per text to a running estimate of each language's sum
 * ({@link RunningEstimate}) that comes with a bound on its rounding. Tika's stopping rule is answered from that
 * estimate wherever the bound settles the answer (the two best languages surely less, or surely more, than 0.2
 * apart; the same best language surely, its confidence surely rising or falling); only where it does not, and for
 * the answer returned, are the grams known by then summed exactly, in the same order as Tika (the iteration order
 * of a {@code HashMap} filled with the same grams in the same order), each to the languages it has a weight for, as
 * OpenNLP does, so each sum takes the same additions in the same order and comes out the same to the last bit; the
 * rest (the uniform prior, {@code StrictMath.exp}, the division, the order of equal confidences) is Tika's too.
 * Where only the answer against a cut is wanted ({@link #languageOver}: is the confidence over it, and of which
 * language), the answer returned is settled from the estimate too when its bound does, and summed exactly only when
 * not.
 * {@code LanguageProbeTest} compares both on many texts. Tika keeps this detector's steps private, so they are
 * written out here rather than called.
 */
final class LanguageProbe {
    /** Tika's model, in the Tika jar. */
    static final String MODEL = "/opennlp-langdetect-20210413.bin";
    /** The model's entry in that package. */
    static final String MODEL_ENTRY = "langdetect.model";
    static final int CHUNK = 300;
    static final int MAX_LENGTH = 10_000;
    static final int PROBE_EVERY = 110;
    static final int CONSECUTIVE = 2;
    static final double MIN_DIFF = 0.20;

    /** The best language and its confidence. */
    record Guess(String language, double confidence) {
    }

    private static final class Holder {
        static final LanguageProbe SHARED = load();
    }

    private final GramWeights model;
    private final String[] languages;
    private final double start;
    /** The largest magnitude of any weight of the model, for the running estimate's bound. */
    private final double largestWeight;
    /** Each thread's grams met so far, kept across texts (a tagging thread guesses many). */
    private final ThreadLocal<GramTable> tables;
    /** Tika's normalisers of each piece of a text, those that cannot match left out. */
    private final CharSequenceNormalizer normalizer = ProbeNormaliser.INSTANCE;

    LanguageProbe(GramWeights model) {
        this.model = model;
        this.languages = model.outcomes();
        this.start = StrictMath.log(1.0 / languages.length); // OpenNLP's uniform prior
        // A gram's weights are added one language at a time: the same sums as adding its row over all languages
        // only if no language appears twice among a gram's outcomes; the model's reader checks that they rise.
        this.largestWeight = model.largestWeight();
        this.tables = ThreadLocal.withInitial(() -> new GramTable(model));
    }

    /** The detector with Tika's model, loaded once. */
    static LanguageProbe shared() {
        return Holder.SHARED;
    }

    private static LanguageProbe load() {
        try (InputStream in = LanguageProbe.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IOException("missing " + MODEL);
            }
            return new LanguageProbe(GramWeights.read(in, MODEL_ENTRY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
        }
    }

    /** Tika's best language for {@code text} (its first 10,000 characters, as Tika's detector buffers). */
    Guess guess(String text) {
        Answer answer = answer(text);
        return result(exact(answer.probe(), answer.order()));
    }

    /**
     * Tika's best language for {@code text} when its confidence is over {@code cut}, null when it is not: the same
     * as asking {@link #guess} and comparing its confidence, but the grams are summed exactly in Tika's order only
     * when the running estimate's bound does not settle the answer (the best language surely the estimate's, and
     * its confidence surely over the cut; or every language's confidence surely not over it).
     */
    String languageOver(String text, double cut) {
        Answer answer = answer(text);
        Probe probe = answer.probe();
        RunningEstimate.Outlook outlook = probe.outlook;
        if (probe.probabilities == null && outlook.bounded()) {
            if (outlook.first() + outlook.apart() < cut) {
                return null;
            }
            if (outlook.clearBest() && outlook.first() - outlook.apart() > cut) {
                return languages[outlook.best()];
            }
        }
        double[] p = exact(probe, answer.order());
        int top = best(p, -1);
        return p[top] > cut ? languages[top] : null;
    }

    /** The exact sums this thread has made so far (one per answer worked out to the last bit). */
    long exactSums() {
        return tables.get().exactSums;
    }

    /** The answer Tika's detector returns for a text: which probe, and the text's grams in the order they came. */
    private record Answer(Probe probe, Seen order) {
    }

    private Answer answer(String text) {
        String content = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        int total = content.codePointCount(0, content.length());
        // The distinct grams in the order they came, each with the model's weights for it (null: unknown to the
        // model), from which Tika's map of counts is filled again as it was at an answer; the same grams by their
        // code points.
        Seen order = new Seen();
        GramTable seen = tables.get();
        seen.startText();
        RunningEstimate estimate = new RunningEstimate(start, languages.length, largestWeight);
        ArrayDeque<Probe> recent = new ArrayDeque<>();
        Probe current = null;
        int[] chunk = new int[CHUNK];
        int at = 0; // in code points
        int atChar = 0; // the same place in chars
        int toProbe = PROBE_EVERY; // grams to count before the next answer
        while (true) {
            int size = at + CHUNK > MAX_LENGTH ? MAX_LENGTH - at : CHUNK;
            int taken;
            String normed;
            if (at == 0 && size > content.length()) {
                normed = normalizer.normalize(content).toString();
                taken = total;
            } else {
                taken = Math.max(0, Math.min(size, total - at));
                int end = content.offsetByCodePoints(atChar, taken);
                normed = normalizer.normalize(content.substring(atChar, end)).toString();
                atChar = end;
            }
            if (taken == 0) {
                return new Answer(current == null ? new Probe(order.size(), estimate.outlook()) : current, order);
            }
            at += taken;
            if (chunk.length < normed.length()) {
                chunk = new int[normed.length()];
            }
            // Tika's n-grammer lower-cases the first three code points, then each one as it comes within three of
            // it: that passes over the fourth, which keeps its case.
            int length = 0;
            for (int i = 0; i < normed.length(); length++) {
                int cp = normed.codePointAt(i);
                i += Character.charCount(cp);
                chunk[length] = length == 3 ? cp : Character.toLowerCase(cp);
            }
            int last = length == 1 ? 0 : length - 2; // Tika's n-grammer never starts one at the last code point
            for (int pos = 0; pos <= last && length > 0; pos++) {
                long key = 0;
                for (int n = 1; n <= 3 && pos + n <= length; n++) {
                    key = key << 21 | (chunk[pos + n - 1] + 1);
                    if (n == 1 && chunk[pos] == ' ') {
                        continue;
                    }
                    int slot = seen.slot(key, chunk, pos, n);
                    if (seen.firstInText(slot)) {
                        Context weights = seen.weights(slot);
                        order.add(seen.gram(slot), weights);
                        if (weights != null) {
                            estimate.add(weights);
                        }
                    }
                    if (--toProbe == 0) {
                        toProbe = PROBE_EVERY;
                        current = new Probe(order.size(), estimate.outlook());
                        if (seenEnough(recent, current, order)) {
                            return new Answer(current, order);
                        }
                    }
                }
            }
        }
    }

    /**
     * A probe's probabilities to the last bit, worked out the first time they are asked for, over the grams that
     * had come by then in Tika's order: Tika counts them in a {@code HashMap} filled as they come, and a
     * {@code HashMap} filled with the same keys in the same order iterates in the same order.
     */
    private double[] exact(Probe probe, Seen order) {
        if (probe.probabilities == null) {
            probe.probabilities = predict(order.mapOfFirst(probe.grams));
            tables.get().exactSums++;
        }
        return probe.probabilities;
    }

    /**
     * The probability of each language, as OpenNLP's {@code GISModel.eval} gives it: the grams' weights added in
     * Tika's order (the map's), each to the languages the gram has a weight for.
     */
    private double[] predict(Map<String, Context> grams) {
        double[] sums = new double[languages.length];
        Arrays.fill(sums, start);
        for (Context c : grams.values()) {
            if (c == null) {
                continue;
            }
            int[] outcomes = c.getOutcomes();
            double[] weights = c.getParameters();
            // OpenNLP adds weight times value (1): the same double. Four at a time, for the quick compiler,
            // which does not unroll loops; each language still gets its additions in the grams' order.
            int a = 0;
            for (int n = outcomes.length - 3; a < n; a += 4) {
                sums[outcomes[a]] += weights[a];
                sums[outcomes[a + 1]] += weights[a + 1];
                sums[outcomes[a + 2]] += weights[a + 2];
                sums[outcomes[a + 3]] += weights[a + 3];
            }
            for (; a < outcomes.length; a++) {
                sums[outcomes[a]] += weights[a];
            }
        }
        double normal = 0.0;
        for (int o = 0; o < sums.length; o++) {
            sums[o] = StrictMath.exp(sums[o]);
            normal += sums[o];
        }
        for (int o = 0; o < sums.length; o++) {
            sums[o] /= normal;
        }
        return sums;
    }

    /** Index of the best language, the first of equals (as Tika's stable sort by falling confidence puts them). */
    private static int best(double[] p, int except) {
        int best = -1;
        for (int o = 0; o < p.length; o++) {
            if (o != except && (best < 0 || Double.compare(p[o], p[best]) > 0)) {
                best = o;
            }
        }
        return best;
    }

    /**
     * Tika's stopping rule over the last three answers: the latest answer's best language at least
     * {@link #MIN_DIFF} ahead of the next, and the same best language in all three with a confidence that never
     * falls. Each of these questions is answered from the running estimate where its bound settles it, whatever
     * the rounding, and from the answers' exact probabilities only where it does not.
     */
    private boolean seenEnough(ArrayDeque<Probe> recent, Probe latest, Seen order) {
        if (recent.size() < CONSECUTIVE) {
            recent.addLast(latest);
            return false;
        } else if (recent.size() > CONSECUTIVE) {
            recent.removeFirst();
        }
        recent.addLast(latest);
        RunningEstimate.Outlook now = latest.outlook;
        if (now.bounded() && now.first() - now.second() < MIN_DIFF - 2.0 * now.apart()) {
            return false;
        }
        if (!(now.bounded() && now.first() - now.second() > MIN_DIFF + 2.0 * now.apart())) {
            double[] p = exact(latest, order);
            int top = best(p, -1);
            if (MIN_DIFF > 0.0 && p[top] - p[best(p, top)] < MIN_DIFF) {
                return false;
            }
        }
        Probe before = null;
        for (Probe probe : recent) {
            if (before != null && !heldOn(before, probe, order)) {
                return false;
            }
            before = probe;
        }
        return true;
    }

    /** True when the later answer has the earlier one's best language with a confidence at least as high. */
    private boolean heldOn(Probe earlier, Probe later, Seen order) {
        RunningEstimate.Outlook a = earlier.outlook;
        RunningEstimate.Outlook b = later.outlook;
        if (a.clearBest() && b.clearBest()) {
            if (a.best() != b.best()) {
                return false;
            }
            double rise = b.first() - a.first();
            double apart = a.apart() + b.apart();
            if (rise > apart) {
                return true;
            } else if (rise < -apart) {
                return false;
            }
        }
        double[] p = exact(earlier, order);
        double[] q = exact(later, order);
        int language = best(p, -1);
        int next = best(q, -1);
        return language == next && !(p[language] > q[next]);
    }

    private Guess result(double[] p) {
        int top = best(p, -1);
        return new Guess(languages[top], p[top]);
    }

    /**
     * One answer of the detector: how many distinct grams had come by then, the running estimate's outlook then,
     * and its exact probabilities once worked out.
     */
    private static final class Probe {
        final int grams;
        final RunningEstimate.Outlook outlook;
        double[] probabilities;

        Probe(int grams, RunningEstimate.Outlook outlook) {
            this.grams = grams;
            this.outlook = outlook;
        }
    }

    /** The distinct grams of one text in the order they came, with the model's weights for each (or null). */
    private static final class Seen {
        private String[] grams = new String[256];
        private Context[] weights = new Context[256];
        private int size;

        void add(String gram, Context weight) {
            if (size == grams.length) {
                grams = Arrays.copyOf(grams, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            grams[size] = gram;
            weights[size++] = weight;
        }

        int size() {
            return size;
        }

        /** A map filled as the text's map was with its first {@code count} grams. */
        Map<String, Context> mapOfFirst(int count) {
            Map<String, Context> map = new HashMap<>();
            for (int i = 0; i < count; i++) {
                map.put(grams[i], weights[i]);
            }
            return map;
        }
    }

    /**
     * The grams one thread has met, each known by its one to three code points packed in a long (each plus one, 21
     * bits apiece, so the length shows too), with its String and the model's weights for it (null: unknown to the
     * model), and the text it was last counted in. Kept across texts, as most of a text's grams were met in the
     * texts before it: a gram met before is neither made a String again nor looked up among the model's 344,151
     * grams, and the same table tells whether the text has counted it already. Open addressing over primitive
     * arrays, written here because the JDK has no map keyed by primitive longs. Emptied before a text once it holds
     * {@link #KEEP} grams, so it stays a few MB; within a text it grows as it must.
     */
    private static final class GramTable {
        private static final int FIRST = 1 << 12;
        private static final int KEEP = 1 << 15;
        private final GramWeights model;
        private long[] keys;
        private int[] texts;
        private String[] grams;
        private Context[] weights;
        private int size;
        private int text;
        /** The exact sums made on this thread, counted for {@link LanguageProbe#exactSums()}. */
        long exactSums;

        GramTable(GramWeights model) {
            this.model = model;
            empty(FIRST);
        }

        private void empty(int slots) {
            keys = new long[slots];
            texts = new int[slots];
            grams = new String[slots];
            weights = new Context[slots];
            size = 0;
            text = 0;
        }

        /** Begins a new text: no gram counted in it yet. */
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
            weights[i] = model.get(gram);
            if (++size * 2 > keys.length) {
                grow();
                return slot(key, chunk, pos, n);
            }
            return i;
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

        Context weights(int slot) {
            return weights[slot];
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldTexts = texts;
            String[] oldGrams = grams;
            Context[] oldWeights = weights;
            int slots = oldKeys.length * 2;
            keys = new long[slots];
            texts = new int[slots];
            grams = new String[slots];
            weights = new Context[slots];
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
                    weights[i] = oldWeights[o];
                }
            }
        }

        private static int spread(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
        }
    }
}
