package no.evidens.models;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import opennlp.tools.namefind.DefaultNameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * OpenNLP's name finder that remembers its answer for a run of tokens it has already searched in the same state.
 * With the name model's features (see {@link WindowCachedNameModel#remembersSentences()}), every feature of every
 * token is a function of the tokens of the run, the outcomes the beam search has chosen before it in the run, and
 * one adaptive feature: the outcome each token got the last time it was seen in the document (OpenNLP's previous
 * map, cleared per document). So the beam search's answer for a run is a function of the run's tokens and of the
 * previous map's entry for each of them, and no other input: the same tokens with the same entries get the same
 * outcomes, probabilities and names, which this finder takes from memory instead of searching again (a sentence
 * repeated in a bundle: letterheads, a template's headings, a standard paragraph). After a remembered answer the
 * previous map is updated with the remembered outcomes, as OpenNLP updates it after a search, so what follows
 * sees the same state either way. Within a run searched, a token whose window of tokens and state was seen before
 * gets the model's probabilities from memory ({@link Memory}, {@link RememberingBeam}). All of it is kept by the
 * tokens' numbers ({@link TokenNumbers}), each token string looked up once per run. One per thread, as
 * {@link NameFinderME} is; at most {@link #ENTRIES} runs remembered, the least recently used forgotten first.
 */
final class RememberingNameFinder extends NameFinderME {
    /** Runs remembered per finder (a thread); a sentence is about 1 KB of keys and answers. */
    static final int ENTRIES = 8_192;
    /** Longer runs are searched every time: they seldom come again and would take much room. */
    static final int MAX_TOKENS = 80;

    private final Memory memory;
    private int answersGeneration;
    private final Map<Key, Answer> answers = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > ENTRIES;
        }
    };
    private double[] rememberedProbs; // the probabilities of the last run when its answer came from memory
    private long searched;
    private long remembered;

    RememberingNameFinder(WindowCachedNameModel model) {
        this(model, TokenNumbers.BOUND);
    }

    /** With another bound of token numbers than {@link TokenNumbers#BOUND} (a test's). */
    RememberingNameFinder(WindowCachedNameModel model, int numberBound) {
        super(model);
        if (!(contextGenerator instanceof Memory m)) {
            throw new IllegalArgumentException("the model's context generator does not keep its adaptive data in view");
        }
        this.memory = m;
        m.numbers = new TokenNumbers(numberBound);
        if (this.model instanceof RememberingBeam beam) {
            beam.link(m);
            m.rememberWindows();
        }
    }

    @Override
    public Span[] find(String[] tokens, String[][] additionalContext) {
        rememberedProbs = null;
        memory.forgetLookUp(); // a run searched anew, even in an array given before
        String[] run = new String[tokens.length];
        int[] numbers = memory.number(tokens, run);
        if (memory.generation() != answersGeneration) { // the numbers were forgotten, and the runs kept by them
            answers.clear();
            answersGeneration = memory.generation();
        }
        if (tokens.length > MAX_TOKENS || (additionalContext != null && additionalContext.length > 0)) {
            searched++;
            return super.find(run, additionalContext);
        }
        Key key = new Key(numbers, memory.previous(numbers));
        Answer answer = answers.get(key);
        if (answer != null) {
            remembered++;
            contextGenerator.updateAdaptiveData(run, answer.outcomes().clone());
            rememberedProbs = answer.probs();
            return answer.names().clone();
        }
        searched++;
        Span[] names = super.find(run, additionalContext);
        answers.put(key, new Answer(memory.lastOutcomes(), names.clone(), super.probs()));
        return names;
    }

    @Override
    public void probs(double[] probs) {
        if (rememberedProbs == null) {
            super.probs(probs);
        } else {
            System.arraycopy(rememberedProbs, 0, probs, 0, rememberedProbs.length);
        }
    }

    @Override
    public double[] probs() {
        return rememberedProbs == null ? super.probs() : rememberedProbs.clone();
    }

    @Override
    public double[] probs(Span[] spans) {
        if (rememberedProbs == null) {
            return super.probs(spans); // also what find itself asks, for the run it has just searched
        }
        double[] out = new double[spans.length]; // NameFinderME's mean over the span, on the remembered ones
        for (int s = 0; s < spans.length; s++) {
            double p = 0;
            for (int o = spans[s].getStart(); o < spans[s].getEnd(); o++) {
                p += rememberedProbs[o];
            }
            out[s] = p / spans[s].length();
        }
        return out;
    }

    /**
     * Runs searched by the model and runs answered from memory, then the windows of the runs searched whose
     * probabilities the model worked out and those answered from memory, since this finder was made.
     */
    long[] counts() {
        long[] windows = memory.windowCounts();
        return new long[] {searched, remembered, windows[0], windows[1]};
    }

    /** How many times this finder's token numbers ran out and were given anew. */
    int numbersForgotten() {
        return memory.generation();
    }

    private record Answer(String[] outcomes, Span[] names, double[] probs) {
    }

    /** A run of tokens, by their numbers, with the previous map's entry for each (null: not seen before in the document). */
    private static final class Key {
        private final int[] tokens;
        private final String[] previous;
        private final int hash;

        Key(int[] tokens, String[] previous) {
            this.tokens = tokens;
            this.previous = previous;
            this.hash = 31 * Arrays.hashCode(tokens) + Arrays.hashCode(previous);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.tokens, tokens)
                    && Arrays.equals(k.previous, previous);
        }
    }

    /**
     * OpenNLP's context generator for names, keeping beside it a copy of the previous map (what OpenNLP's
     * {@code PreviousMapFeatureGenerator} learns: each token's last outcome, filled and cleared at the same calls)
     * and the outcomes of the last run, so the finder can key and keep its answers; and, once linked to its
     * finder's {@link RememberingBeam}, a memory of windows: every feature of a token is a function of the tokens
     * within {@code radius} of it (none where the run ends), its previous-map entry and the two outcomes before it
     * (see {@link WindowCachedNameModel#STATELESS}), so a token whose window is remembered gets the probabilities
     * the model gave that window before, without its features being generated again.
     */
    static final class Memory extends DefaultNameContextGenerator {
        /** The context given for a remembered window: the model then copies the window's probabilities. */
        static final String[] REMEMBERED = new String[0];
        /** The context given for a window built as its features' numbers ({@link TokenFeatures}). */
        static final String[] NUMBERED = new String[0];
        /**
         * Windows of tokens remembered per finder, each with the model's probabilities after every pair of outcomes
         * before the token seen so far (1.6 pairs a window over the treebank's training sentences, 2026-12-02).
         */
        static final int WINDOWS = 16_384;

        private final int radius;
        private final TokenFeatures features; // null: the features built by OpenNLP's generators
        /** The finder's numbers of its token strings, and what is kept by them ({@link #number}). */
        private TokenNumbers numbers = new TokenNumbers();
        private int generation;
        /** The run numbered last (the very array) and its numbers. */
        private String[] numberedRun;
        private int[] numberedNumbers;
        /**
         * OpenNLP's previous map (each token's outcome when last seen in the document) by the token's number, null
         * where none, and the numbers that have an entry, so it is cleared without a pass over all.
         */
        private String[] previous = new String[1024];
        private int[] previousSet = new int[256];
        private int previousCount;
        private String[] lastOutcomes;
        private boolean windows;
        private final Map<Window, Outcomes> windowProbs = new LinkedHashMap<>(4096, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Window, Outcomes> eldest) {
                return size() > WINDOWS;
            }
        };
        /*
         * The beam asks for each token's context once per sequence it keeps (three), one token after the other: the
         * tokens' part of the window is the same for all of them, so it is looked up once per token and position of
         * the run searched, and only the outcomes before the token are told apart per sequence. The run searched
         * (the very array) and the token's position of the last look-up, forgotten when the run's search ends.
         */
        private String[] lookedUpRun;
        private int lookedUpIndex = -1;
        private Window lookedUpWindow;
        private String lookedUpPrevious;
        private Outcomes lookedUp;
        private Outcomes asked; // the window of the context last given, until the model's answer for it is kept
        private String askedBefore1;
        private String askedBefore2;
        private String[] askedContext;
        private double[] askedProbs;
        private long windowsWorkedOut;
        private long windowsRemembered;

        /**
         * With {@code index} (may be null), a window not remembered is given as its features' numbers in the model,
         * built from what is remembered per token string, instead of as the strings of the description's generators.
         */
        Memory(AdaptiveFeatureGenerator generator, int radius, TokenFeatures.Index index) {
            super(generator);
            this.radius = radius;
            this.features = index == null ? null : new TokenFeatures(index);
        }

        /** From now on, give remembered windows as {@link #REMEMBERED} (the beam's model knows what to do). */
        void rememberWindows() {
            this.windows = true;
        }

        @Override
        public String[] getContext(int index, String[] tokens, String[] preds, Object[] additionalContext) {
            asked = null;
            askedContext = null;
            askedProbs = null;
            if (!windows || preds == null || (additionalContext != null && additionalContext.length > 0)) {
                return super.getContext(index, tokens, preds, additionalContext);
            }
            int[] tokenNumbers = numbersOf(tokens);
            if (tokens != lookedUpRun || index != lookedUpIndex) {
                lookedUpRun = tokens;
                lookedUpIndex = index;
                lookedUpPrevious = previous[tokenNumbers[index]];
                lookedUpWindow = new Window(index, tokenNumbers, lookedUpPrevious, radius);
                lookedUp = windowProbs.get(lookedUpWindow);
            }
            String before1 = index > 0 ? preds[index - 1] : null;
            String before2 = index > 1 ? preds[index - 2] : null;
            double[] probs = lookedUp == null ? null : lookedUp.probs(before1, before2);
            if (probs != null) {
                windowsRemembered++;
                askedProbs = probs;
                return REMEMBERED;
            }
            windowsWorkedOut++;
            String[] context;
            if (features != null) {
                features.context(tokens, tokenNumbers, index, preds, lookedUpPrevious);
                context = NUMBERED;
            } else {
                context = super.getContext(index, tokens, preds, additionalContext);
            }
            if (lookedUp == null) {
                lookedUp = new Outcomes();
                windowProbs.put(lookedUpWindow, lookedUp);
            }
            asked = lookedUp;
            askedBefore1 = before1;
            askedBefore2 = before2;
            askedContext = context;
            return context;
        }

        /** The probabilities of the window given last as {@link #REMEMBERED}. */
        double[] rememberedProbs() {
            if (askedProbs == null) {
                throw new IllegalStateException("no remembered window was given");
            }
            return askedProbs;
        }

        /** The model's probabilities for the window given last as {@link #NUMBERED}. */
        double[] evalNumbered(double[] probs) {
            return features.eval(probs);
        }

        /** Keeps the model's probabilities for the context given last, if it is that one. */
        void remember(String[] context, double[] probs) {
            if (asked != null && context == askedContext) {
                asked.add(askedBefore1, askedBefore2, probs.clone());
                asked = null;
                askedContext = null;
            }
        }

        /** Windows whose probabilities the model worked out, and windows answered from memory. */
        long[] windowCounts() {
            return new long[] {windowsWorkedOut, windowsRemembered};
        }

        @Override
        public void updateAdaptiveData(String[] tokens, String[] outcomes) {
            super.updateAdaptiveData(tokens, outcomes);
            forgetLookUp(); // the previous map changes, and the run's search is over
            int[] tokenNumbers = numbersOf(tokens);
            for (int i = 0; i < tokens.length; i++) {
                setPrevious(tokenNumbers[i], outcomes[i]);
            }
            lastOutcomes = outcomes.clone();
        }

        @Override
        public void clearAdaptiveData() {
            super.clearAdaptiveData();
            forgetLookUp();
            for (int i = 0; i < previousCount; i++) {
                previous[previousSet[i]] = null;
            }
            previousCount = 0;
            lastOutcomes = null;
        }

        /**
         * The numbers of a run's tokens, and in {@code run} the string kept for each; the run is then the one numbered.
         * Once {@link TokenNumbers#BOUND} numbers are given, all are forgotten first, with everything kept by them (the
         * windows remembered, the features' numbers per token, the finder's runs: see {@link #generation}), but for the
         * previous map, which is numbered again as it stands.
         */
        int[] number(String[] tokens, String[] run) {
            if (numbers.full()) {
                String[] tokensSeen = new String[previousCount];
                String[] outcomesSeen = new String[previousCount];
                for (int i = 0; i < previousCount; i++) {
                    tokensSeen[i] = numbers.string(previousSet[i]);
                    outcomesSeen[i] = previous[previousSet[i]];
                    previous[previousSet[i]] = null;
                }
                previousCount = 0;
                numbers.forget();
                windowProbs.clear();
                if (features != null) {
                    features.forget();
                }
                forgetLookUp();
                numberedRun = null;
                numberedNumbers = null;
                generation++;
                int[] again = numbers.of(tokensSeen, new String[tokensSeen.length]);
                growPrevious();
                for (int i = 0; i < again.length; i++) {
                    setPrevious(again[i], outcomesSeen[i]);
                }
            }
            int[] out = numbers.of(tokens, run);
            growPrevious();
            numberedRun = run;
            numberedNumbers = out;
            return out;
        }

        /** How many times the numbers were forgotten: what the finder keeps by number is valid within one. */
        int generation() {
            return generation;
        }

        private int[] numbersOf(String[] tokens) {
            if (tokens != numberedRun) {
                numberedNumbers = numbers.of(tokens, new String[tokens.length]);
                numberedRun = tokens;
                growPrevious();
            }
            return numberedNumbers;
        }

        private void growPrevious() {
            if (previous.length < numbers.size()) {
                previous = Arrays.copyOf(previous, Math.max(2 * previous.length, numbers.size()));
            }
        }

        private void setPrevious(int token, String outcome) {
            if (previous[token] == null) {
                if (previousCount == previousSet.length) {
                    previousSet = Arrays.copyOf(previousSet, 2 * previousCount);
                }
                previousSet[previousCount++] = token;
            }
            previous[token] = outcome;
        }

        void forgetLookUp() {
            lookedUpRun = null;
            lookedUpIndex = -1;
            lookedUpWindow = null;
            lookedUpPrevious = null;
            lookedUp = null;
        }

        /** The previous map's entry of each token of a run given by number. */
        String[] previous(int[] tokens) {
            String[] out = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                out[i] = previous[tokens[i]];
            }
            return out;
        }

        String[] lastOutcomes() {
            return lastOutcomes;
        }
    }

    /**
     * The tokens' part of a token's window: the tokens within the radius (by number, -1 beyond the run's ends) and the token's
     * previous-map entry. With the outcomes of the two tokens before it ({@link Outcomes}) it makes the whole window.
     */
    private static final class Window {
        private final int[] tokens; // by number, -1 beyond the run's ends
        private final String previous;
        private final int hash;

        Window(int index, int[] run, String previous, int radius) {
            tokens = new int[2 * radius + 1];
            int p = 0;
            for (int i = index - radius; i <= index + radius; i++) {
                tokens[p++] = i >= 0 && i < run.length ? run[i] : -1;
            }
            this.previous = previous;
            hash = 31 * Arrays.hashCode(tokens) + Objects.hashCode(previous);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Window w && w.hash == hash && Arrays.equals(w.tokens, tokens)
                    && Objects.equals(w.previous, previous);
        }
    }

    /**
     * The model's probabilities for one {@link Window} after each pair of outcomes before the token seen so far (null
     * before the run's start): a few pairs at most, as the beam keeps three sequences, so a list read in turn.
     */
    private static final class Outcomes {
        private String[] before1 = new String[2];
        private String[] before2 = new String[2];
        private double[][] probs = new double[2][];
        private int size;

        double[] probs(String outcome1, String outcome2) {
            for (int k = 0; k < size; k++) {
                if (Objects.equals(before1[k], outcome1) && Objects.equals(before2[k], outcome2)) {
                    return probs[k];
                }
            }
            return null;
        }

        void add(String outcome1, String outcome2, double[] p) {
            if (size == probs.length) {
                before1 = Arrays.copyOf(before1, 2 * size);
                before2 = Arrays.copyOf(before2, 2 * size);
                probs = Arrays.copyOf(probs, 2 * size);
            }
            before1[size] = outcome1;
            before2[size] = outcome2;
            probs[size++] = p;
        }
    }
}
