package no.evidens.models;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * OpenNLP's beam search over the name model, whose model answers a token's context from the memory of its finder's
 * context generator ({@link RememberingNameFinder.Memory}) when the generator has seen the same window before: the
 * beam asks the generator for a context and then, at once, the model for its probabilities; the generator gives a
 * remembered window's context as {@link RememberingNameFinder.Memory#REMEMBERED}, and the model then copies the
 * probabilities it worked out for that window the first time (OpenNLP's {@code PerceptronModel.eval} is a function
 * of the context's features alone, so they are the very doubles it would give again). Unlinked (a finder of another
 * kind), it is OpenNLP's beam search over the model as it is.
 *
 * <p>Linked, the search itself is OpenNLP's {@link BeamSearch#bestSequences} step for step (the same queues, the same
 * order of questions to the generator, the model and the validator, the same scores added in the same order), with one
 * difference of bookkeeping: a sequence in the beam is its last outcome and a link to the sequence it extends
 * ({@link Step}), where OpenNLP's {@link Sequence} copies all its outcomes and boxed probabilities at every step and
 * again when asked for them: about a tenth of the name finder's CPU (a flight recording of {@code bench tagging},
 * 2026-12-02). The sequences returned are OpenNLP's, built from the steps by {@link Sequence#add}, whose score is the
 * same sum of the same logarithms in the same order.
 */
final class RememberingBeam extends BeamSearch {
    private static final Object[] EMPTY_ADDITIONAL_CONTEXT = new Object[0];

    private final Remembering model;
    private final double[] probs;

    RememberingBeam(int size, MaxentModel model) {
        this(size, new Remembering(model));
    }

    private RememberingBeam(int size, Remembering model) {
        super(size, model);
        this.model = model;
        this.probs = new double[model.getNumOutcomes()];
    }

    @Override
    public <T> Sequence[] bestSequences(int numSequences, T[] sequence, Object[] additionalContext,
            double minSequenceScore, BeamSearchContextGenerator<T> cg, SequenceValidator<T> validator) {
        if (model.memory == null) {
            return super.bestSequences(numSequences, sequence, additionalContext, minSequenceScore, cg, validator);
        }
        Queue<Step> prev = new PriorityQueue<>(size, Step.ORDER);
        Queue<Step> next = new PriorityQueue<>(size, Step.ORDER);
        prev.add(Step.START);
        Object[] context = additionalContext == null ? EMPTY_ADDITIONAL_CONTEXT : additionalContext;
        double[] largest = new double[size];
        for (int i = 0; i < sequence.length; i++) {
            int sz = Math.min(size, prev.size());
            for (int sc = 0; !prev.isEmpty() && sc < sz; sc++) {
                Step top = prev.remove();
                String[] outcomes = top.outcomes();
                double[] scores = model.eval(cg.getContext(i, sequence, outcomes, context), probs);
                double min = kthLargest(scores, scores.length, largest);
                for (int p = 0; p < scores.length; p++) {
                    if (scores[p] >= min) {
                        extend(top, i, sequence, outcomes, model.getOutcome(p), scores[p], minSequenceScore, validator, next);
                    }
                }
                if (next.isEmpty()) { // no sequence advanced: advance every valid one, as OpenNLP does
                    for (int p = 0; p < scores.length; p++) {
                        extend(top, i, sequence, outcomes, model.getOutcome(p), scores[p], minSequenceScore, validator, next);
                    }
                }
            }
            prev.clear();
            Queue<Step> tmp = prev;
            prev = next;
            next = tmp;
        }
        Sequence[] top = new Sequence[Math.min(numSequences, prev.size())];
        for (int s = 0; s < top.length; s++) {
            top[s] = prev.remove().sequence();
        }
        return top;
    }

    /**
     * The {@code top.length}-th largest of the first {@code n} scores (the smallest when there are fewer): what
     * OpenNLP's step reads from a sorted copy of the scores ({@code sorted[max(0, n - size)]}), found by keeping the
     * largest few in order as {@link Arrays#sort(double[])} orders them ({@link Double#compare}), without sorting all
     * the outcomes' scores at every token of every sequence.
     */
    static double kthLargest(double[] scores, int n, double[] top) {
        int kept = 0;
        for (int p = 0; p < n; p++) {
            double v = scores[p];
            if (kept == top.length && Double.compare(v, top[kept - 1]) <= 0) {
                continue;
            }
            int at = kept == top.length ? kept - 1 : kept++;
            while (at > 0 && Double.compare(v, top[at - 1]) > 0) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = v;
        }
        return top[kept - 1];
    }

    private static <T> void extend(Step top, int i, T[] sequence, String[] outcomes, String outcome, double prob,
            double minSequenceScore, SequenceValidator<T> validator, Queue<Step> next) {
        if (validator.validSequence(i, sequence, outcomes, outcome)) {
            Step step = new Step(top, outcome, prob);
            if (step.score > minSequenceScore) {
                next.add(step);
            }
        }
    }

    /** A sequence of the beam: its last outcome and probability, the sequence it extends, and its score. */
    private static final class Step {
        static final Step START = new Step(null, null, 1);
        /** OpenNLP's order of sequences ({@link Sequence#compareTo}): the higher score first. */
        static final Comparator<Step> ORDER = (a, b) -> Double.compare(b.score, a.score);

        private final Step before;
        private final String outcome;
        private final double prob;
        private final double score;
        private final int length;

        private Step(Step before, String outcome, double prob) {
            this.before = before;
            this.outcome = outcome;
            this.prob = prob;
            this.score = before == null ? 0d : before.score + StrictMath.log(prob);
            this.length = before == null ? 0 : before.length + 1;
        }

        String[] outcomes() {
            String[] out = new String[length];
            for (Step s = this; s.before != null; s = s.before) {
                out[s.length - 1] = s.outcome;
            }
            return out;
        }

        Sequence sequence() {
            Step[] steps = new Step[length];
            for (Step s = this; s.before != null; s = s.before) {
                steps[s.length - 1] = s;
            }
            Sequence out = new Sequence();
            for (Step s : steps) {
                out.add(s.outcome, s.prob);
            }
            return out;
        }
    }

    /** Lets the model answer from this generator's memory of windows (one finder, one thread). */
    void link(RememberingNameFinder.Memory memory) {
        model.memory = memory;
    }

    private static final class Remembering implements MaxentModel {
        private final MaxentModel model;
        private RememberingNameFinder.Memory memory;

        Remembering(MaxentModel model) {
            this.model = model;
        }

        @Override
        public double[] eval(String[] context, double[] probs) {
            if (memory == null) {
                return model.eval(context, probs);
            }
            if (context == RememberingNameFinder.Memory.REMEMBERED) {
                double[] remembered = memory.rememberedProbs();
                System.arraycopy(remembered, 0, probs, 0, remembered.length);
                return probs;
            }
            double[] out = context == RememberingNameFinder.Memory.NUMBERED
                    ? memory.evalNumbered(probs) : model.eval(context, probs);
            memory.remember(context, out);
            return out;
        }

        @Override
        public double[] eval(String[] context) {
            return eval(context, new double[model.getNumOutcomes()]);
        }

        @Override
        public double[] eval(String[] context, float[] probs) {
            return model.eval(context, probs);
        }

        @Override
        public String getBestOutcome(double[] outcomes) {
            return model.getBestOutcome(outcomes);
        }

        @Override
        public String getAllOutcomes(double[] outcomes) {
            return model.getAllOutcomes(outcomes);
        }

        @Override
        public String getOutcome(int i) {
            return model.getOutcome(i);
        }

        @Override
        public int getIndex(String outcome) {
            return model.getIndex(outcome);
        }

        @Override
        public int getNumOutcomes() {
            return model.getNumOutcomes();
        }
    }
}
