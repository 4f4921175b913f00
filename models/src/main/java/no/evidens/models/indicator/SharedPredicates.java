package no.evidens.models.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The features the classifier's QN models know, numbered once, and each model's parameters by number. The
 * categories' models were trained on the same paragraphs, so each holds its own map of the same thousands of
 * features: a paragraph's features are looked up here once for all of them, not once per model, and each
 * feature's parameters in every model are kept side by side (one row per feature), so all the models' sums of a
 * paragraph are made in one pass over its features. Built once, then read-only (thread-safe).
 */
final class SharedPredicates {
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<MaxentModel, Context[]> byModel = new IdentityHashMap<>();
    /** The QN models, numbered in the order given. */
    private final List<QNModel> models = new ArrayList<>();
    private final Map<MaxentModel, Integer> numbers = new IdentityHashMap<>();
    /**
     * All the models' sums of one paragraph lie in one array: model {@code k}'s outcomes from {@code sumsAt[k]} to
     * {@code sumsAt[k + 1]}. For the feature numbered {@code id}, the entries {@code rowAt[id]} to {@code rowAt[id + 1]}
     * of {@code slots} and {@code weights} are where each of its parameters is added and the parameter: the models
     * that know it rising, each model's parameters in its own order. Flat arrays of primitives rather than each
     * model's {@link Context} object: adding the parameters through those objects (five references followed per model
     * and feature) was half of the classifier's samples in an ingest (flight recording, 2026-12-03).
     */
    private final int[] sumsAt;
    private final int[] rowAt;
    private final int[] slots;
    private final double[] weights;
    /** Each feature's string, by number. */
    private final String[] names;
    /**
     * The word features by the word itself: its {@code w=} number, its {@code p=} number and the {@code b=} numbers
     * of the pairs it begins, by the next word's {@link Word#index}. A paragraph's features are numbered from its words
     * through these without making each feature's string and looking that up in {@link #ids}: the strings and the
     * look-ups were half of the classifier's remaining samples in an ingest (flight recording, 2026-12-03). Every word
     * of a known feature has an entry (the second word of a pair too), so a word is looked up once, and its pair with
     * the word before it found by the two entries' numbers, not by the word's string again (that second look-up was a
     * sixth of the classifier's samples on the main process's quick compiler: {@code bench tagging}, 2026-12-05).
     */
    private final Map<String, Word> words = new HashMap<>();
    /** The {@code p=} numbers by prefix, for the long words not in {@link #words}. */
    private final Map<String, Integer> prefixes = new HashMap<>();
    /** The {@code cb=} numbers of a codebook category, without and with {@code &child} (read-only but for this). */
    private final Map<String, int[]> codebookIds = new ConcurrentHashMap<>();
    /** Each model's index of an outcome, by outcome ({@link #outcomeIndexes}; read-only but for this). */
    private final Map<String, int[]> outcomeIndexes = new ConcurrentHashMap<>();
    private final int childId;
    private final int biasId;

    /** The word features of one word; -1 where no model knows the feature. */
    private static final class Word {
        private static final int[] NONE = {};
        /** The entry's own number, 0, 1, 2, … in the order the entries were made. */
        final int index;
        int word = -1;
        int prefix = -1;
        /** The numbers of the words that follow it in a known pair, rising, and each pair's feature number. */
        int[] nextWords = NONE;
        int[] nextIds = NONE;

        Word(int index) {
            this.index = index;
        }

        /** The {@code b=} number of this word followed by {@code next}, -1 when no model knows the pair. */
        int pair(Word next) {
            int at = Arrays.binarySearch(nextWords, next.index);
            return at >= 0 ? nextIds[at] : -1;
        }
    }

    /** A paragraph's known features by number, in the order of {@link ParagraphFeatures#of}, each once. */
    record Numbered(int[] ids, boolean child) {
    }

    SharedPredicates(Collection<MaxentModel> all) {
        for (MaxentModel m : all) {
            if (m instanceof QNModel qn) {
                predicates(qn).keySet().forEach(p -> ids.computeIfAbsent(p, k -> ids.size()));
                numbers.put(qn, models.size());
                models.add(qn);
            }
        }
        Context[][] perModel = new Context[models.size()][];
        for (int k = 0; k < models.size(); k++) {
            QNModel qn = models.get(k);
            Context[] contexts = new Context[ids.size()];
            predicates(qn).forEach((p, c) -> contexts[ids.get(p)] = c);
            byModel.put(qn, contexts);
            perModel[k] = contexts;
        }
        names = new String[ids.size()];
        ids.forEach((p, id) -> names[id] = p);
        List<long[]> pairs = new ArrayList<>(); // the first word's entry, the second's, the pair's number
        for (int id = 0; id < names.length; id++) {
            String p = names[id];
            if (p.startsWith("w=")) {
                entry(p.substring(2)).word = id;
            } else if (p.startsWith("p=")) {
                prefixes.put(p.substring(2), id);
            } else if (p.startsWith("b=") && p.indexOf('_') > 2) {
                // Words are letters only, so the first underscore ends the pair's first word.
                int cut = p.indexOf('_');
                pairs.add(new long[] {entry(p.substring(2, cut)).index, entry(p.substring(cut + 1)).index, id});
            }
        }
        Word[] byIndex = new Word[words.size()];
        words.values().forEach(w -> byIndex[w.index] = w);
        pairs.sort(Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
        for (int from = 0; from < pairs.size(); ) {
            int to = from;
            while (to < pairs.size() && pairs.get(to)[0] == pairs.get(from)[0]) {
                to++;
            }
            Word first = byIndex[(int) pairs.get(from)[0]];
            first.nextWords = new int[to - from];
            first.nextIds = new int[to - from];
            for (int k = from; k < to; k++) {
                first.nextWords[k - from] = (int) pairs.get(k)[1];
                first.nextIds[k - from] = (int) pairs.get(k)[2];
            }
            from = to;
        }
        childId = ids.getOrDefault(ParagraphFeatures.CHILD_NAMED, -1);
        biasId = ids.getOrDefault("bias", -1);
        words.forEach((w, entry) -> entry.prefix = w.length() >= ParagraphFeatures.PREFIX + 2
                ? prefixes.getOrDefault(ParagraphFeatures.prefixOf(w), -1) : -1);
        sumsAt = new int[models.size() + 1];
        for (int k = 0; k < models.size(); k++) {
            sumsAt[k + 1] = sumsAt[k] + models.get(k).getNumOutcomes();
        }
        rowAt = new int[ids.size() + 1];
        for (int id = 0; id < ids.size(); id++) {
            int entries = 0;
            for (int k = 0; k < models.size(); k++) {
                Context c = perModel[k][id];
                entries += c == null ? 0 : c.getOutcomes().length;
            }
            rowAt[id + 1] = rowAt[id] + entries;
        }
        slots = new int[rowAt[ids.size()]];
        weights = new double[slots.length];
        for (int id = 0; id < ids.size(); id++) {
            int at = rowAt[id];
            for (int k = 0; k < models.size(); k++) {
                Context c = perModel[k][id];
                if (c == null) {
                    continue;
                }
                int[] of = c.getOutcomes();
                double[] parameters = c.getParameters();
                for (int j = 0; j < of.length; j++) {
                    slots[at] = sumsAt[k] + of[j];
                    // As QnScores.add adds it (value 1): 1.0 times a double is that double, so this is exact.
                    weights[at++] = 1.0 * parameters[j];
                }
            }
        }
    }

    private Word entry(String word) {
        return words.computeIfAbsent(word, w -> new Word(words.size()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Context> predicates(QNModel model) {
        return (Map<String, Context>) model.getDataStructures()[1];
    }

    /** The number of each feature, -1 for one no model knows. */
    int[] ids(String[] features) {
        int[] out = new int[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = ids.getOrDefault(features[i], -1);
        }
        return out;
    }

    /**
     * The numbers of a paragraph's features that some model knows: those of {@link #ids}({@link ParagraphFeatures#of})
     * without the unknown ones (which add nothing) and without repeats (as {@code of} keeps each feature once, at its
     * first place), so the sums take the very same additions in the same order.
     */
    Numbered ids(String text, Set<String> codebookCategories) {
        Numberer sink = new Numberer();
        boolean child = ParagraphFeatures.walk(text, codebookCategories, sink);
        return new Numbered(sink.distinct(), child);
    }

    /** The feature's string of a number from {@link #ids}. */
    String name(int id) {
        return names[id];
    }

    /** Numbers one paragraph's features as {@link ParagraphFeatures#walk} gives them. */
    private final class Numberer implements ParagraphFeatures.Sink {
        private int[] found = new int[64];
        private int count;
        private Word current;
        private Word previous;

        @Override
        public void word(String w) {
            previous = current;
            current = words.get(w);
            add(current == null ? -1 : current.word);
        }

        @Override
        public void prefix(String w) {
            add(current != null ? current.prefix : prefixes.getOrDefault(ParagraphFeatures.prefixOf(w), -1));
        }

        @Override
        public void pair(String before, String w) {
            add(previous == null || current == null ? -1 : previous.pair(current));
        }

        @Override
        public void child() {
            add(childId);
        }

        @Override
        public void codebook(String category, boolean withChild) {
            int[] both = codebookIds.computeIfAbsent(category,
                    c -> new int[] {ids.getOrDefault("cb=" + c, -1), ids.getOrDefault("cb=" + c + "&child", -1)});
            add(both[withChild ? 1 : 0]);
        }

        @Override
        public void bias() {
            add(biasId);
        }

        private void add(int id) {
            if (id < 0) {
                return;
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = id;
        }

        /** The numbers found, each at its first place only. */
        int[] distinct() {
            // Sorted by number then place, a repeat follows its first place; the places kept are then put back in order.
            long[] byId = new long[count];
            for (int i = 0; i < count; i++) {
                byId[i] = (long) found[i] << 32 | i;
            }
            Arrays.sort(byId);
            boolean[] repeat = new boolean[count];
            for (int i = 1; i < count; i++) {
                if (byId[i] >>> 32 == byId[i - 1] >>> 32) {
                    repeat[(int) byId[i]] = true;
                }
            }
            int[] out = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (!repeat[i]) {
                    out[n++] = found[i];
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** {@code model}'s scores over features numbered by {@link #ids}, or null when it is not a QN model. */
    QnScores scores(MaxentModel model, String outcome, int[] featureIds) {
        Context[] contexts = byModel.get(model);
        return contexts == null ? null : QnScores.of((QNModel) model, outcome, contexts, featureIds);
    }

    /** The number of {@code model} in {@link #probabilities}, -1 when it is not a QN model. */
    int number(MaxentModel model) {
        Integer n = numbers.get(model);
        return n == null ? -1 : n;
    }

    /**
     * Each QN model's probability of {@code outcome} over features numbered by {@link #ids}, by model number: the
     * very doubles of {@link QnScores#probability()}, since each model's sums take the same additions in the same
     * order (the features in the paragraph's order, each feature's parameters in the model's order), only all the
     * models' sums are made in one pass over the features instead of one pass per model.
     */
    double[] probabilities(String outcome, int[] featureIds) {
        return probabilities(outcome, featureIds, 0.0);
    }

    /** What {@link #probabilities(String, int[], double)} gives for a model whose probability it did not work out. */
    static final double BELOW = -1.0;

    /**
     * As {@link #probabilities(String, int[])}, but where a model of two outcomes surely gives {@code outcome} less than
     * {@code atLeast} its probability is not worked out: {@link #BELOW} stands in its place. Of two outcomes the
     * probability is the logistic function of the difference of their sums, so a difference under the log-odds of
     * {@code atLeast} (less a margin of 0.001, some ten thousand times what the rounding of the sums and of the
     * exponentials can move it) says so without the three exponentials and the logarithm each model's probability costs
     * (4% of the main process at 10,000 documents, round 61, the most of them for categories far under the threshold).
     * Every probability it does work out is the very double of {@link #probabilities(String, int[])}; outside 0.01–0.99
     * every one is worked out.
     */
    double[] probabilities(String outcome, int[] featureIds, double atLeast) {
        double[] sums = new double[sumsAt[models.size()]];
        for (int id : featureIds) {
            if (id < 0) {
                continue;
            }
            for (int e = rowAt[id], end = rowAt[id + 1]; e < end; e++) {
                sums[slots[e]] += weights[e];
            }
        }
        int[] at = outcomeIndexes.computeIfAbsent(outcome, this::outcomeIndexes);
        double below = atLeast >= 0.01 && atLeast <= 0.99 ? Math.log(atLeast / (1 - atLeast)) - 1e-3 : Double.NEGATIVE_INFINITY;
        double[] out = new double[models.size()];
        // one model's sums at a time, in an array of their own as before (the same values), kept from model to model
        double[] one = null;
        for (int k = 0; k < out.length; k++) {
            int from = sumsAt[k];
            int n = sumsAt[k + 1] - from;
            if (n == 2 && at[k] >= 0 && sums[from + at[k]] - sums[from + 1 - at[k]] < below) {
                out[k] = BELOW;
                continue;
            }
            if (one == null || one.length != n) {
                one = new double[n];
            }
            System.arraycopy(sums, from, one, 0, n);
            out[k] = QnScores.probability(one, at[k]);
        }
        return out;
    }

    /**
     * Each model's index of {@code outcome}, by model number: worked out once per outcome, not asked of every model for
     * every paragraph ({@code getIndex} compares the outcome with each of the model's outcome names).
     */
    private int[] outcomeIndexes(String outcome) {
        int[] out = new int[models.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = models.get(k).getIndex(outcome);
        }
        return out;
    }
}
