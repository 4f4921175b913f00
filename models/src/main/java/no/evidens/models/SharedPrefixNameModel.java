package no.evidens.models;

import java.util.Arrays;
import java.util.Map;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;

/**
 * The name model (a perceptron, or a maximum-entropy model) as OpenNLP's beam search asks it, with less
 * repetition. The beam keeps three sequences, and for every token asks the model once per sequence; the features
 * it asks about are the same for the three but for the last four (the outcomes before the token: {@code po=},
 * {@code pow=}, {@code powf=}, {@code ppo=}). OpenNLP's model looks every feature up and adds its weights each
 * time; here the sums over the shared features are kept from the first question about a token and the last four
 * are added to a copy of them. The arithmetic is OpenNLP's own, step by step and in the same order (the start
 * value, each feature's weights in turn, then {@code PerceptronModel}'s or {@code GISModel}'s
 * {@code StrictMath.exp} and division by the sum), so every probability is the same to the last bit
 * ({@code SharedPrefixNameModelTest}, {@code WindowCachedNameModelTest}).
 * One instance per beam search: it remembers the last question, so it is not shared between threads.
 * OpenNLP offers nothing for this: its beam search's own cache keys whole feature arrays, which differ.
 */
final class SharedPrefixNameModel implements MaxentModel {
    /** Features at the end of a question that depend on the sequence (the outcomes before the token). */
    static final int SEQUENCE_FEATURES = 4;

    private final AbstractModel model;
    private final Map<String, Context> features;
    private final int outcomes;
    /** Whether the model is a perceptron (else GIS maximum entropy). */
    private final boolean perceptron;
    /** Each sum's start: 0 for a perceptron; GIS's uniform prior, the log of one over the number of outcomes. */
    private final double start;
    private String[] lastQuestion;
    private double[] sharedSums;

    /** Whether the model is of a kind this evaluates as OpenNLP does (a perceptron, or GIS maximum entropy). */
    static boolean handles(Object model) {
        return model instanceof PerceptronModel || model instanceof GISModel;
    }

    @SuppressWarnings("unchecked")
    SharedPrefixNameModel(AbstractModel model) {
        if (!handles(model)) {
            throw new IllegalArgumentException("not a perceptron or GIS model: " + model.getClass().getName());
        }
        this.model = model;
        this.features = (Map<String, Context>) model.getDataStructures()[1];
        this.outcomes = model.getNumOutcomes();
        this.perceptron = model instanceof PerceptronModel;
        this.start = perceptron ? 0.0 : StrictMath.log(1.0 / outcomes);
        this.sharedSums = new double[outcomes];
    }

    @Override
    public double[] eval(String[] context, double[] probs) {
        double[] out = probs == null ? new double[outcomes] : probs;
        int shared = context.length - SEQUENCE_FEATURES;
        if (shared <= 0) {
            Arrays.fill(out, start);
            add(context, 0, context.length, out);
            return normalise(out);
        }
        if (!sameStart(lastQuestion, context, shared)) {
            Arrays.fill(sharedSums, start);
            add(context, 0, shared, sharedSums);
            lastQuestion = context;
        }
        System.arraycopy(sharedSums, 0, out, 0, outcomes);
        add(context, shared, context.length, out);
        return normalise(out);
    }

    @Override
    public double[] eval(String[] context) {
        return eval(context, (double[]) null);
    }

    @Override
    public double[] eval(String[] context, float[] values) {
        return model.eval(context, values);
    }

    /** What OpenNLP's {@code ArrayMath.sumFeatures} does with no values (each feature's value is 1). */
    private void add(String[] context, int from, int to, double[] sums) {
        for (int i = from; i < to; i++) {
            Context c = features.get(context[i]);
            if (c != null) {
                int[] active = c.getOutcomes();
                double[] weights = c.getParameters();
                for (int a = 0; a < active.length; a++) {
                    sums[active[a]] += weights[a] * 1.0;
                }
            }
        }
    }

    /** What OpenNLP's {@code PerceptronModel.eval} (normalising) or {@code GISModel.eval} does after the sums. */
    private double[] normalise(double[] sums) {
        double scale = 1.0;
        if (perceptron) {
            for (int o = 0; o < outcomes; o++) {
                if (scale < StrictMath.abs(sums[o])) {
                    scale = StrictMath.abs(sums[o]);
                }
            }
        }
        double normal = 0.0;
        for (int o = 0; o < outcomes; o++) {
            sums[o] = perceptron ? StrictMath.exp(sums[o] / scale) : StrictMath.exp(sums[o]);
            normal += sums[o];
        }
        for (int o = 0; o < outcomes; o++) {
            sums[o] /= normal;
        }
        return sums;
    }

    private static boolean sameStart(String[] a, String[] b, int length) {
        if (a == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (a[i] != b[i] && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String getBestOutcome(double[] ocs) {
        return model.getBestOutcome(ocs);
    }

    @Override
    public String getAllOutcomes(double[] ocs) {
        return model.getAllOutcomes(ocs);
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
        return outcomes;
    }
}
