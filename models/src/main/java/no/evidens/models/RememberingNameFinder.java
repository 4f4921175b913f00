package no.evidens.models;

import java.util.Arrays;
import java.util.HashMap;
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
 * gets the model's probabilities from memory ({@link Memory}, {@link RememberingBeam}). One per thread, as {@link NameFinderME} is; at most {@link #ENTRIES} runs
 * remembered, the least recently used forgotten first.
 */
final class RememberingNameFinder extends NameFinderME {
    /** Runs remembered per finder (a thread); a sentence is about 1 KB of keys and answers. */
    static final int ENTRIES = 8_192;
    /** Longer runs are searched every time: they seldom come again and would take much room. */
    static final int MAX_TOKENS = 80;

    /** Distinct token strings kept per finder ({@link #sameStrings}): a few MB at most. */
    static final int STRINGS = 50_000;

    private final Memory memory;
    private final Map<String, String> strings = new HashMap<>();
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
        super(model);
        if (!(contextGenerator instanceof Memory m)) {
            throw new IllegalArgumentException("the model's context generator does not keep its adaptive data in view");
        }
        this.memory = m;
        if (this.model instanceof RememberingBeam beam) {
            beam.link(m);
            m.rememberWindows();
        }
    }

    @Override
    public Span[] find(String[] tokens, String[][] additionalContext) {
        rememberedProbs = null;
        memory.forgetLookUp(); // a run searched anew, even in an array given before
        if (tokens.length > MAX_TOKENS || (additionalContext != null && additionalContext.length > 0)) {
            searched++;
            return super.find(tokens, additionalContext);
        }
        String[] run = sameStrings(tokens);
        Key key = new Key(run, memory.previous(run));
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

    /**
     * A copy of the run with each token as the one string this finder keeps for its characters. The finder looks its
     * tokens up in maps many times (the run, each token's window of five and its previous-map entry, the features'
     * memory), and a look-up that finds its key compares the two strings character by character unless they are the
     * same object; in the main process, on the quick compiler alone, those comparisons were about a tenth of the name
     * finder's samples (flight recording of {@code bench tagging}, 2026-12-04). Equal strings either way, so the same
     * answers; at most {@link #STRINGS} kept, then forgotten all at once.
     */
    private String[] sameStrings(String[] tokens) {
        String[] run = new String[tokens.length];
        for (int i = 0; i < run.length; i++) {
            String token = tokens[i];
            String kept = strings.get(token);
            if (kept == null) {
                if (strings.size() >= STRINGS) {
                    strings.clear();
                }
                strings.put(token, token);
                kept = token;
            }
            run[i] = kept;
        }
        return run;
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

    private record Answer(String[] outcomes, Span[] names, double[] probs) {
    }

    /** A run of tokens with the previous map's entry for each (null: not seen before in the document). */
    private static final class Key {
        private final String[] tokens;
        private final String[] previous;
        private final int hash;

        Key(String[] tokens, String[] previous) {
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
        private final Map<String, String> previous = new HashMap<>();
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
            if (tokens != lookedUpRun || index != lookedUpIndex) {
                lookedUpRun = tokens;
                lookedUpIndex = index;
                lookedUpPrevious = previous.get(tokens[index]);
                lookedUpWindow = new Window(index, tokens, lookedUpPrevious, radius);
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
                features.context(tokens, index, preds, lookedUpPrevious);
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
            for (int i = 0; i < tokens.length; i++) {
                previous.put(tokens[i], outcomes[i]);
            }
            lastOutcomes = outcomes.clone();
        }

        @Override
        public void clearAdaptiveData() {
            super.clearAdaptiveData();
            forgetLookUp();
            previous.clear();
            lastOutcomes = null;
        }

        void forgetLookUp() {
            lookedUpRun = null;
            lookedUpIndex = -1;
            lookedUpWindow = null;
            lookedUpPrevious = null;
            lookedUp = null;
        }

        String[] previous(String[] tokens) {
            String[] out = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                out[i] = previous.get(tokens[i]);
            }
            return out;
        }

        String[] lastOutcomes() {
            return lastOutcomes;
        }
    }

    /**
     * The tokens' part of a token's window: the tokens within the radius (null beyond the run's ends) and the token's
     * previous-map entry. With the outcomes of the two tokens before it ({@link Outcomes}) it makes the whole window.
     */
    private static final class Window {
        private final String[] parts;
        private final int hash;

        Window(int index, String[] tokens, String previous, int radius) {
            parts = new String[2 * radius + 2];
            int p = 0;
            for (int i = index - radius; i <= index + radius; i++) {
                parts[p++] = i >= 0 && i < tokens.length ? tokens[i] : null;
            }
            parts[p] = previous;
            hash = Arrays.hashCode(parts);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Window w && w.hash == hash && Arrays.equals(w.parts, parts);
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
