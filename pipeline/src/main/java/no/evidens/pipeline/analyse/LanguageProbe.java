package no.evidens.pipeline.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;

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

    private final Map<String, Context> features;
    private final String[] languages;
    private final double start;
    /** Each thread's grams met so far, kept across texts (a tagging thread guesses many). */
    private final ThreadLocal<GramTable> tables;
    private final CharSequenceNormalizer normalizer = new AggregateCharSequenceNormalizer(
            UrlAndMail.INSTANCE, AlphaOrIdeograph.INSTANCE, EmojiCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    @SuppressWarnings("unchecked")
    LanguageProbe(GISModel model) {
        this.features = (Map<String, Context>) model.getDataStructures()[1];
        this.languages = new String[model.getNumOutcomes()];
        for (int i = 0; i < languages.length; i++) {
            languages[i] = model.getOutcome(i);
        }
        this.start = StrictMath.log(1.0 / languages.length); // OpenNLP's uniform prior
        this.tables = ThreadLocal.withInitial(() -> new GramTable(features));
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
            return new LanguageProbe(GisModelEntry.read(in, MODEL_ENTRY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
        }
    }

    /** Tika's best language for {@code text} (its first 10,000 characters, as Tika's detector buffers). */
    Guess guess(String text) {
        String content = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        int total = content.codePointCount(0, content.length());
        // The distinct grams in the order they came, each with the place of the model's weights for it in the
        // thread's table (none: unknown to the model), from which the order of Tika's map of counts at an answer is
        // worked out; the same grams by their code points.
        GramTable seen = tables.get();
        seen.startText();
        Seen order = new Seen(seen);
        RunningEstimate estimate = new RunningEstimate(start, languages.length);
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
                return result(exact(current == null ? new Probe(order.size(), null) : current, order));
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
                        int begin = seen.begin(slot);
                        int end = seen.end(slot);
                        order.add(seen.gram(slot), begin, end);
                        if (begin < end) {
                            estimate.add(seen.outcomes(), seen.weights(), begin, end, seen.largest(slot));
                        }
                    }
                    if (--toProbe == 0) {
                        toProbe = PROBE_EVERY;
                        current = new Probe(order.size(), estimate.outlook());
                        if (seenEnough(recent, current, order)) {
                            return result(exact(current, order));
                        }
                    }
                }
            }
        }
    }

    /**
     * A probe's probabilities to the last bit, worked out the first time they are asked for, over the grams that
     * had come by then in Tika's order: the iteration order of Tika's {@code HashMap} of counts filled as they came.
     */
    private double[] exact(Probe probe, Seen order) {
        if (probe.probabilities == null) {
            probe.probabilities = predict(order, probe.grams);
        }
        return probe.probabilities;
    }

    /**
     * The probability of each language, as OpenNLP's {@code GISModel.eval} gives it over the first {@code count}
     * grams of the text: their weights added in Tika's order (its map's), each to the languages the gram has a
     * weight for.
     */
    private double[] predict(Seen seen, int count) {
        double[] sums = new double[languages.length];
        Arrays.fill(sums, start);
        int[] order = seen.mapOrder(count);
        int[] begins = seen.begins;
        int[] ends = seen.ends;
        int[] outcomes = seen.table.outcomes();
        double[] weights = seen.table.weights();
        for (int k = 0; k < count; k++) {
            int g = order[k];
            int end = ends[g];
            // OpenNLP adds weight times value (1): the same double. Four at a time, for the quick compiler,
            // which does not unroll loops; each language still gets its additions in the grams' order.
            int a = begins[g];
            for (int n = end - 3; a < n; a += 4) {
                sums[outcomes[a]] += weights[a];
                sums[outcomes[a + 1]] += weights[a + 1];
                sums[outcomes[a + 2]] += weights[a + 2];
                sums[outcomes[a + 3]] += weights[a + 3];
            }
            for (; a < end; a++) {
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
     * One answer of the detector: how many distinct grams had come by then, the running estimate's outlook then
     * (null for the answer over a whole text too short for one), and its exact probabilities once worked out.
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

    /**
     * The distinct grams of one text in the order they came, with the place of the model's weights for each in the
     * thread's {@link GramTable}, and the order Tika's map iterates them in.
     */
    private static final class Seen {
        final GramTable table;
        private String[] grams = new String[256];
        int[] begins = new int[256];
        int[] ends = new int[256];
        private final HashMapOrder order = new HashMapOrder();
        private int size;

        Seen(GramTable table) {
            this.table = table;
        }

        void add(String gram, int begin, int end) {
            if (size == grams.length) {
                grams = Arrays.copyOf(grams, size * 2);
                begins = Arrays.copyOf(begins, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            grams[size] = gram;
            begins[size] = begin;
            ends[size++] = end;
            order.add(gram.hashCode());
        }

        int size() {
            return size;
        }

        /**
         * The first {@code count} grams (by their places here) in the order of Tika's map holding them: worked out
         * from their hashes, or where the map made one of its bins a tree, read from a map filled again with them.
         */
        int[] mapOrder(int count) {
            int[] worked = order.order(count);
            if (worked != null) {
                return worked;
            }
            Map<String, Integer> map = new HashMap<>();
            for (int i = 0; i < count; i++) {
                map.put(grams[i], i);
            }
            int[] read = new int[count];
            int k = 0;
            for (int i : map.values()) {
                read[k++] = i;
            }
            return read;
        }
    }

    /** Tika's own normaliser of web and mail addresses (a copy there too, to keep a slow pattern out). */
    private enum UrlAndMail implements CharSequenceNormalizer {
        INSTANCE;

        private static final Pattern URL = Pattern.compile("https?://[-_.?&~;+=/#0-9A-Za-z]{10,10000}");
        private static final Pattern MAIL = Pattern.compile("[-_.0-9A-Za-z]{1,100}@[-_0-9A-Za-z]{1,100}[-_.0-9A-Za-z]{1,100}");

        @Override
        public CharSequence normalize(CharSequence text) {
            return MAIL.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ");
        }
    }

    /** Tika's normaliser that keeps letters and ideographs and makes every other run one space. */
    private enum AlphaOrIdeograph implements CharSequenceNormalizer {
        INSTANCE;

        private static final Pattern OTHER = Pattern.compile("[^\\p{IsAlphabetic}\\p{IsIdeographic}]+");

        @Override
        public CharSequence normalize(CharSequence text) {
            return OTHER.matcher(text).replaceAll(" ");
        }
    }
}
