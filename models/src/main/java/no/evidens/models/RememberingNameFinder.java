package no.evidens.models;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * sees the same state either way. One per thread, as {@link NameFinderME} is; at most {@link #ENTRIES} runs
 * remembered, the least recently used forgotten first.
 */
final class RememberingNameFinder extends NameFinderME {
    /** Runs remembered per finder (a thread); a sentence is about 1 KB of keys and answers. */
    static final int ENTRIES = 8_192;
    /** Longer runs are searched every time: they seldom come again and would take much room. */
    static final int MAX_TOKENS = 80;

    private final Memory memory;
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
    }

    @Override
    public Span[] find(String[] tokens, String[][] additionalContext) {
        rememberedProbs = null;
        if (tokens.length > MAX_TOKENS || (additionalContext != null && additionalContext.length > 0)) {
            searched++;
            return super.find(tokens, additionalContext);
        }
        Key key = new Key(tokens.clone(), memory.previous(tokens));
        Answer answer = answers.get(key);
        if (answer != null) {
            remembered++;
            contextGenerator.updateAdaptiveData(tokens, answer.outcomes().clone());
            rememberedProbs = answer.probs();
            return answer.names().clone();
        }
        searched++;
        Span[] names = super.find(tokens, additionalContext);
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

    /** Runs searched by the model and runs answered from memory, since this finder was made. */
    long[] counts() {
        return new long[] {searched, remembered};
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
     * and the outcomes of the last run, so the finder can key and keep its answers.
     */
    static final class Memory extends DefaultNameContextGenerator {
        private final Map<String, String> previous = new HashMap<>();
        private String[] lastOutcomes;

        Memory(AdaptiveFeatureGenerator generator) {
            super(generator);
        }

        @Override
        public void updateAdaptiveData(String[] tokens, String[] outcomes) {
            super.updateAdaptiveData(tokens, outcomes);
            for (int i = 0; i < tokens.length; i++) {
                previous.put(tokens[i], outcomes[i]);
            }
            lastOutcomes = outcomes.clone();
        }

        @Override
        public void clearAdaptiveData() {
            super.clearAdaptiveData();
            previous.clear();
            lastOutcomes = null;
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
}
