package no.evidens.models;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;

/**
 * OpenNLP's beam search over the name model, whose model answers a token's context from the memory of its finder's
 * context generator ({@link RememberingNameFinder.Memory}) when the generator has seen the same window before: the
 * beam asks the generator for a context and then, at once, the model for its probabilities; the generator gives a
 * remembered window's context as {@link RememberingNameFinder.Memory#REMEMBERED}, and the model then copies the
 * probabilities it worked out for that window the first time (OpenNLP's {@code PerceptronModel.eval} is a function
 * of the context's features alone, so they are the very doubles it would give again). Unlinked (a finder of another
 * kind), it is OpenNLP's beam search over the model as it is.
 */
final class RememberingBeam extends BeamSearch {
    private final Remembering model;

    RememberingBeam(int size, MaxentModel model) {
        this(size, new Remembering(model));
    }

    private RememberingBeam(int size, Remembering model) {
        super(size, model);
        this.model = model;
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
            double[] out = model.eval(context, probs);
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
