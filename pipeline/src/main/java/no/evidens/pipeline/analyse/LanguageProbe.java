package no.evidens.pipeline.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import opennlp.tools.langdetect.LanguageDetectorModel;
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
 * one outcome at a time. Here a gram is looked up once, when first seen, and its weights are laid out over all
 * the languages; each answer then adds those rows in the same order as Tika (the iteration order of a
 * {@code HashMap} filled with the same grams in the same order), so each sum takes the same additions in the
 * same order (adding the zero of a language a gram has no weight for leaves a sum as it is) and comes out the
 * same to the last bit; the rest (the uniform prior, {@code StrictMath.exp}, the division, the stopping rule,
 * the order of equal confidences) is Tika's too. {@code LanguageProbeTest} compares both on many texts. Tika
 * keeps this detector's steps private, so they are written out here rather than called.
 */
final class LanguageProbe {
    /** Tika's model, in the Tika jar. */
    static final String MODEL = "/opennlp-langdetect-20210413.bin";
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
            if (!(new LanguageDetectorModel(in).getMaxentModel() instanceof GISModel gis)) {
                throw new IOException(MODEL + " is not a GIS model");
            }
            return new LanguageProbe(gis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
        }
    }

    /** Tika's best language for {@code text} (its first 10,000 characters, as Tika's detector buffers). */
    Guess guess(String text) {
        String content = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        int[] codePoints = content.codePoints().toArray();
        // The grams seen, each with its weights over all languages (null: unknown to the model), in a map
        // filled as Tika fills its map of counts, so it is iterated in the same order.
        Map<String, double[]> grams = new HashMap<>();
        ArrayDeque<double[]> recent = new ArrayDeque<>();
        double[] current = null;
        int at = 0;
        long counted = 0;
        while (true) {
            int size = at + CHUNK > MAX_LENGTH ? MAX_LENGTH - at : CHUNK;
            int taken;
            CharSequence normed;
            if (at == 0 && size > content.length()) {
                normed = normalizer.normalize(content);
                taken = codePoints.length;
            } else {
                taken = Math.max(0, Math.min(size, codePoints.length - at));
                normed = normalizer.normalize(new String(codePoints, Math.min(at, codePoints.length), taken));
            }
            if (taken == 0) {
                return result(current == null ? predict(grams) : current);
            }
            at += taken;
            int[] chunk = normed.codePoints().toArray();
            // Tika's n-grammer lower-cases the first three code points, then each one as it comes within three of
            // it: that passes over the fourth, which keeps its case.
            for (int i = 0; i < chunk.length; i++) {
                if (i != 3) {
                    chunk[i] = Character.toLowerCase(chunk[i]);
                }
            }
            int last = chunk.length == 1 ? 0 : chunk.length - 2; // Tika's n-grammer never starts one at the last code point
            for (int pos = 0; pos <= last && chunk.length > 0; pos++) {
                for (int n = 1; n <= 3 && pos + n <= chunk.length; n++) {
                    if (n == 1 && chunk[pos] == ' ') {
                        continue;
                    }
                    String gram = new String(chunk, pos, n);
                    if (!grams.containsKey(gram)) {
                        grams.put(gram, row(gram));
                    }
                    if (++counted % PROBE_EVERY == 0) {
                        current = predict(grams);
                        if (seenEnough(recent, current)) {
                            return result(current);
                        }
                    }
                }
            }
        }
    }

    /** A gram's weight for each language, zero where the model has none; null when the model does not know it. */
    private double[] row(String gram) {
        Context c = features.get(gram);
        if (c == null) {
            return null;
        }
        double[] row = new double[languages.length];
        int[] outcomes = c.getOutcomes();
        double[] weights = c.getParameters();
        for (int a = 0; a < outcomes.length; a++) {
            row[outcomes[a]] += weights[a] * 1.0; // as OpenNLP adds a feature's weight times its value (1)
        }
        return row;
    }

    /** The probability of each language, as OpenNLP's {@code GISModel.eval} gives it. */
    private double[] predict(Map<String, double[]> grams) {
        double[] sums = new double[languages.length];
        Arrays.fill(sums, start);
        for (double[] row : grams.values()) {
            if (row != null) {
                for (int o = 0; o < sums.length; o++) {
                    sums[o] += row[o];
                }
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

    /** Tika's stopping rule over the last three answers. */
    private static boolean seenEnough(ArrayDeque<double[]> recent, double[] latest) {
        if (recent.size() < CONSECUTIVE) {
            recent.addLast(latest);
            return false;
        } else if (recent.size() > CONSECUTIVE) {
            recent.removeFirst();
        }
        recent.addLast(latest);
        int top = best(latest, -1);
        if (MIN_DIFF > 0.0 && latest[top] - latest[best(latest, top)] < MIN_DIFF) {
            return false;
        }
        int lastLanguage = -1;
        double lastConfidence = -1.0;
        for (double[] p : recent) {
            int b = best(p, -1);
            if (lastLanguage >= 0 && (lastLanguage != b || lastConfidence > p[b])) {
                return false;
            }
            lastLanguage = b;
            lastConfidence = p[b];
        }
        return true;
    }

    private Guess result(double[] p) {
        int top = best(p, -1);
        return new Guess(languages[top], p[top]);
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
