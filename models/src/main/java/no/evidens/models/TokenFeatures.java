package no.evidens.models;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.EvalParameters;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * The name model's context of a token as the numbers of its features in the perceptron, built from what is
 * remembered per token string. With the Evidens name description ({@code train/ner-features.xml}), every feature
 * OpenNLP's generators build for a token of a run is either a function of one token string and its offset from the
 * token (the token class and the word with its class, the lower-cased word, each at offsets −2 to +2; prefixes and
 * suffixes), of a pair of neighbouring tokens (the bigrams), of the outcomes before the token, or of its
 * previous-map entry. Each token string's features are built once and looked up in the model once, and kept as the
 * numbers of the model's parameters; a new window then only gathers its tokens' numbers in OpenNLP's order
 * ({@code DefaultNameContextGenerator}: the generators of the description in turn, a window's own token before
 * the ones before it and then those after, the outcome features last), leaving out, as the model's map does, the
 * features the model does not know. {@link PerceptronModel#eval(int[], double[], EvalParameters)} over these
 * numbers sums the same parameters in the same order as {@code eval} over the strings, so the probabilities are
 * the very doubles ({@code TokenFeaturesTest} compares both for every token of many texts).
 *
 * <p>OpenNLP has no public way to keep a feature's parameters across calls: its generators build the strings anew
 * for every window, and the model looks each up in its map of 53,000 features, out of the processor's cache. One
 * per finder (a thread); at most {@link #TOKENS} token strings remembered, the least recently used forgotten first.
 */
final class TokenFeatures {
    /** Token strings remembered per finder: about 360 bytes each by the sizes of their arrays (not measured). */
    static final int TOKENS = 32_768;
    private static final int UNKNOWN = -1;
    private static final int NOT_YET = -2;
    /** The offsets of a window of two, in OpenNLP's order: the token, the ones before it, the ones after. */
    private static final int[] OFFSETS = {0, -1, -2, 1, 2};
    private static final String[] OFFSET_PREFIXES = {"", "p1", "p2", "n1", "n2"};
    private static final int AFFIX_LENGTH = 4;

    private final Index index;
    private final Map<String, Token> tokens = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Token> eldest) {
            return size() > TOKENS;
        }
    };
    private final Map<String, Integer> classes = new HashMap<>();
    private int[][] classPairsBefore = new int[0][];
    private int[][] classPairsAfter = new int[0][];
    private int[][] outcomeAndClass = new int[0][];
    private int[] context = new int[64];
    private final Token[] window = new Token[OFFSETS.length];
    private int length;

    TokenFeatures(Index index) {
        this.index = index;
    }

    /**
     * The numbers of the model's features for the token at {@code at} of a run, the outcomes before it being
     * {@code preds} and its previous-map entry {@code previous} (null: none), in OpenNLP's order; the array is this
     * object's own, valid until the next call, and only its first {@link #length()} entries are the context.
     */
    int[] context(String[] run, int at, String[] preds, String previous) {
        int n = 0;
        Token[] window = this.window;
        for (int w = 0; w < OFFSETS.length; w++) {
            int i = at + OFFSETS[w];
            window[w] = i >= 0 && i < run.length ? token(run[i]) : null;
        }
        Token self = window[0];
        ensure(64 + self.affixes.length);
        for (int w = 0; w < OFFSETS.length; w++) { // the token class with the word and class, in a window of two
            if (window[w] != null) {
                n = add(n, window[w].classFeatures[2 * w]);
                n = add(n, window[w].classFeatures[2 * w + 1]);
            }
        }
        for (int w = 0; w < OFFSETS.length; w++) { // the lower-cased word in a window of two
            if (window[w] != null) {
                n = add(n, window[w].wordFeatures[w]);
            }
        }
        for (int a : self.affixes) { // the prefixes, then the suffixes (the known ones only, in order)
            context[n++] = a;
        }
        n = add(n, index.definition);
        n = add(n, index.previous(previous));
        if (at > 0) { // the bigrams
            n = add(n, index.of("pw,w=" + run[at - 1] + "," + run[at]));
            n = add(n, classPairBefore(window[1].classNumber, self.classNumber, window[1].tokenClass, self.tokenClass));
        }
        if (at + 1 < run.length) {
            n = add(n, index.of("w,nw=" + run[at] + "," + run[at + 1]));
            n = add(n, classPairAfter(self.classNumber, window[3].classNumber, self.tokenClass, window[3].tokenClass));
        }
        if (at == 0) {
            n = add(n, index.sentenceBegin);
        }
        String po = at > 0 ? preds[at - 1] : NameFinderME.OTHER;
        String ppo = at > 1 ? preds[at - 2] : NameFinderME.OTHER;
        int poNumber = index.outcome(po);
        n = add(n, index.outcomeFeature(0, poNumber, po));
        n = add(n, self.outcomeAndWord(index, poNumber, po, run[at]));
        n = add(n, outcomeAndClass(poNumber, po, self));
        n = add(n, index.outcomeFeature(1, index.outcome(ppo), ppo));
        length = n;
        return context;
    }

    /** How many entries of the array {@link #context} returned last make the context. */
    int length() {
        return length;
    }

    /** The model's probabilities for the context built last, as {@code PerceptronModel.eval} gives them. */
    double[] eval(double[] probs) {
        Arrays.fill(probs, 0);
        return PerceptronModel.eval(Arrays.copyOf(context, length), probs, index.parameters);
    }

    private int add(int n, int feature) {
        if (feature >= 0) {
            context[n++] = feature;
        }
        return n;
    }

    private void ensure(int size) {
        if (context.length < size) {
            context = Arrays.copyOf(context, size);
        }
    }

    private Token token(String word) {
        Token t = tokens.get(word);
        if (t == null) {
            String tokenClass = FeatureGeneratorUtil.tokenFeature(word);
            Integer number = classes.get(tokenClass);
            if (number == null) {
                number = classes.size();
                classes.put(tokenClass, number);
            }
            t = new Token(word, tokenClass, number, index);
            tokens.put(word, t);
        }
        return t;
    }

    private int classPairBefore(int before, int self, String beforeClass, String selfClass) {
        classPairsBefore = grown(classPairsBefore);
        int f = classPairsBefore[before][self];
        if (f == NOT_YET) {
            f = index.of("pwc,wc=" + beforeClass + "," + selfClass);
            classPairsBefore[before][self] = f;
        }
        return f;
    }

    private int classPairAfter(int self, int after, String selfClass, String afterClass) {
        classPairsAfter = grown(classPairsAfter);
        int f = classPairsAfter[self][after];
        if (f == NOT_YET) {
            f = index.of("wc,nc=" + selfClass + "," + afterClass);
            classPairsAfter[self][after] = f;
        }
        return f;
    }

    private int outcomeAndClass(int outcome, String po, Token self) {
        if (outcome < 0) {
            return index.of("powf=" + po + "," + self.tokenClass);
        }
        if (outcomeAndClass.length <= outcome) {
            outcomeAndClass = Arrays.copyOf(outcomeAndClass, outcome + 1);
        }
        int[] byClass = outcomeAndClass[outcome];
        if (byClass == null || byClass.length <= self.classNumber) {
            int from = byClass == null ? 0 : byClass.length;
            byClass = byClass == null ? new int[classes.size()] : Arrays.copyOf(byClass, classes.size());
            Arrays.fill(byClass, from, byClass.length, NOT_YET);
            outcomeAndClass[outcome] = byClass;
        }
        int f = byClass[self.classNumber];
        if (f == NOT_YET) {
            f = index.of("powf=" + po + "," + self.tokenClass);
            byClass[self.classNumber] = f;
        }
        return f;
    }

    /** A square table of pairs of token classes, grown to the classes seen so far. */
    private int[][] grown(int[][] table) {
        int size = classes.size();
        if (table.length >= size) {
            return table;
        }
        int[][] out = Arrays.copyOf(table, size);
        for (int r = 0; r < size; r++) {
            int from = out[r] == null ? 0 : out[r].length;
            out[r] = out[r] == null ? new int[size] : Arrays.copyOf(out[r], size);
            Arrays.fill(out[r], from, size, NOT_YET);
        }
        return out;
    }

    /** What is remembered of one token string: its features' numbers at each offset, its class, its affixes. */
    private static final class Token {
        private final String tokenClass;
        private final int classNumber;
        /** The token class and the word with its class, as OpenNLP's window names them at each of {@link #OFFSETS}. */
        private final int[] classFeatures = new int[2 * OFFSETS.length];
        /** The lower-cased word at each of {@link #OFFSETS}. */
        private final int[] wordFeatures = new int[OFFSETS.length];
        private final int[] affixes;
        private int[] outcomeAndWord = new int[0];

        Token(String word, String tokenClass, int classNumber, Index index) {
            this.tokenClass = tokenClass;
            this.classNumber = classNumber;
            String lower = StringUtil.toLowerCase(word);
            for (int w = 0; w < OFFSETS.length; w++) {
                String p = OFFSET_PREFIXES[w];
                classFeatures[2 * w] = index.of(p + "wc=" + tokenClass);
                classFeatures[2 * w + 1] = index.of(p + "w&c=" + lower + "," + tokenClass);
                wordFeatures[w] = index.of(p + "w=" + lower);
            }
            int k = Math.min(AFFIX_LENGTH, word.length());
            int[] known = new int[2 * k];
            int n = 0;
            for (int i = 0; i < k; i++) { // as OpenNLP's PrefixFeatureGenerator and SuffixFeatureGenerator cut them
                int f = index.of("pre=" + word.substring(0, i + 1));
                if (f >= 0) {
                    known[n++] = f;
                }
            }
            for (int i = 0; i < k; i++) {
                int f = index.of("suf=" + word.substring(word.length() - i - 1));
                if (f >= 0) {
                    known[n++] = f;
                }
            }
            this.affixes = Arrays.copyOf(known, n);
        }

        int outcomeAndWord(Index index, int outcome, String po, String word) {
            if (outcome < 0) {
                return index.of("pow=" + po + "," + word);
            }
            if (outcomeAndWord.length <= outcome) {
                int from = outcomeAndWord.length;
                outcomeAndWord = Arrays.copyOf(outcomeAndWord, index.outcomes());
                Arrays.fill(outcomeAndWord, from, outcomeAndWord.length, NOT_YET);
            }
            int f = outcomeAndWord[outcome];
            if (f == NOT_YET) {
                f = index.of("pow=" + po + "," + word);
                outcomeAndWord[outcome] = f;
            }
            return f;
        }
    }

    /**
     * The numbers of a perceptron's features (its parameters' places), and those of the features that depend on an
     * outcome alone; one per model, shared by the threads (read only after it is made).
     */
    static final class Index {
        private final Map<String, Integer> features;
        private final EvalParameters parameters;
        private final String[] outcomeNames;
        private final int definition;
        private final int sentenceBegin;
        private final int previousNone;
        private final int[] previous;
        private final int[][] outcomeFeatures; // po=, then ppo=, per outcome

        private Index(Map<String, Integer> features, EvalParameters parameters, String[] outcomeNames) {
            this.features = features;
            this.parameters = parameters;
            this.outcomeNames = outcomeNames;
            this.definition = of("def");
            this.sentenceBegin = of("S=begin");
            this.previousNone = of("pd=null");
            this.previous = new int[outcomeNames.length];
            this.outcomeFeatures = new int[2][outcomeNames.length];
            for (int o = 0; o < outcomeNames.length; o++) {
                previous[o] = of("pd=" + outcomeNames[o]);
                outcomeFeatures[0][o] = of("po=" + outcomeNames[o]);
                outcomeFeatures[1][o] = of("ppo=" + outcomeNames[o]);
            }
        }

        /**
         * The index of a perceptron read as OpenNLP reads it (its parameters in the order of its features), or null
         * for any other model, or one whose map does not give each feature the parameters at its place.
         */
        static Index of(MaxentModel model) {
            if (model == null || model.getClass() != PerceptronModel.class) {
                return null;
            }
            Object[] data = ((AbstractModel) model).getDataStructures();
            if (!(data[0] instanceof Context[] params) || !(data[1] instanceof Map<?, ?> pmap)
                    || !(data[2] instanceof String[] outcomes) || pmap.size() != params.length) {
                return null;
            }
            Map<String, Integer> features = new HashMap<>(2 * params.length);
            int i = 0;
            for (Map.Entry<?, ?> e : pmap.entrySet()) {
                if (!(e.getKey() instanceof String key) || e.getValue() != params[i]) {
                    return null;
                }
                features.put(key, i++);
            }
            return new Index(features, new EvalParameters(params, outcomes.length), outcomes);
        }

        int of(String feature) {
            Integer f = features.get(feature);
            return f == null ? UNKNOWN : f;
        }

        int outcomes() {
            return outcomeNames.length;
        }

        /** The number of an outcome of the model (the beam's outcomes are the model's own strings). */
        int outcome(String name) {
            for (int o = 0; o < outcomeNames.length; o++) {
                if (outcomeNames[o] == name) {
                    return o;
                }
            }
            for (int o = 0; o < outcomeNames.length; o++) {
                if (outcomeNames[o].equals(name)) {
                    return o;
                }
            }
            return -1;
        }

        int previous(String outcome) {
            if (outcome == null) {
                return previousNone;
            }
            int o = outcome(outcome);
            return o >= 0 ? previous[o] : of("pd=" + outcome);
        }

        int outcomeFeature(int which, int outcome, String name) {
            return outcome >= 0 ? outcomeFeatures[which][outcome] : of((which == 0 ? "po=" : "ppo=") + name);
        }
    }

    /** The features' numbers of a context given as strings, the unknown ones left out: what the model sums. */
    static int[] numbers(Index index, List<String> context) {
        return context.stream().mapToInt(index::of).filter(f -> f >= 0).toArray();
    }
}
