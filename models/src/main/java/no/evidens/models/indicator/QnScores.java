package no.evidens.models.indicator;

import java.util.Arrays;
import java.util.Map;
import java.util.function.IntFunction;

import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The probability of one outcome of an OpenNLP {@link QNModel} over one paragraph's features, and of the same
 * features with one left out, computed as {@code QNModel.eval} computes it: the same sums in the same order and
 * the same normalisation, so the very same doubles. Written here because OpenNLP looks every feature up again
 * in the model's map of tens of thousands for each evaluation: explaining a guess by leaving each feature out
 * in turn cost as many look-ups as the square of the paragraph's features. Here each feature is looked up once
 * and leaving one out costs only additions. {@link IndicatorClassifierTest} checks it against the model's own.
 */
final class QnScores {
    private final Context[] known;
    private final int[] knownAt;
    private final int outcomes;
    private final int outcome;

    private QnScores(Context[] known, int[] knownAt, int outcomes, int outcome) {
        this.known = known;
        this.knownAt = knownAt;
        this.outcomes = outcomes;
        this.outcome = outcome;
    }

    /** For {@code model}'s outcome {@code outcome} over {@code features}, or null when the model is not a QN model. */
    static QnScores of(MaxentModel model, String outcome, String[] features) {
        if (!(model instanceof QNModel qn)) {
            return null;
        }
        Map<String, Context> predicates = SharedPredicates.predicates(qn);
        return of(qn, outcome, i -> predicates.get(features[i]), features.length);
    }

    /** For the features 0 … {@code count - 1}, each feature's parameters in the model (null: unknown) given by {@code contextOf}. */
    static QnScores of(QNModel model, String outcome, IntFunction<Context> contextOf, int count) {
        // Arrays of the paragraph's size, cut to the known features: a growing list cost a third of the
        // classifier's CPU in an ingest (16 models per paragraph; flight recording, 2026-12-01).
        Context[] known = new Context[count];
        int[] at = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            Context c = contextOf.apply(i);
            if (c != null) {
                at[n] = i;
                known[n++] = c;
            }
        }
        return new QnScores(Arrays.copyOf(known, n), Arrays.copyOf(at, n),
                model.getNumOutcomes(), model.getIndex(outcome));
    }

    /**
     * For the features numbered {@code featureIds} (-1: known to no model), each feature's parameters in the model
     * being {@code contexts[id]} (null: unknown to this model). The same as {@link #of(QNModel, String, IntFunction, int)}
     * with that look-up, without a function called per feature: with the quick compiler, which does not inline
     * such calls, the call was most of the classifier's cost of building its scores (flight recording of an
     * ingest, 2026-12-01).
     */
    static QnScores of(QNModel model, String outcome, Context[] contexts, int[] featureIds) {
        int count = featureIds.length;
        Context[] known = new Context[count];
        int[] at = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int id = featureIds[i];
            Context c = id < 0 ? null : contexts[id];
            if (c != null) {
                at[n] = i;
                known[n++] = c;
            }
        }
        return new QnScores(Arrays.copyOf(known, n), Arrays.copyOf(at, n),
                model.getNumOutcomes(), model.getIndex(outcome));
    }

    /** The probability over all the features. */
    double probability() {
        return probabilityWithout(-1);
    }

    /** Whether the feature at {@code index} is one the model knows (leaving out another changes nothing). */
    boolean knows(int index) {
        return Arrays.binarySearch(knownAt, index) >= 0;
    }

    /** The indices (in the paragraph's features) of the features the model knows, ascending. */
    int[] knownIndices() {
        return knownAt.clone();
    }

    /**
     * For each feature the model knows, in the order of {@link #knownIndices()}, the probability with that feature
     * left out: the very doubles of {@link #probabilityWithout} (the same additions in the same order), but the sums
     * over the features before the one left out are carried on from one to the next instead of made again, which
     * halves the additions of explaining a guess (each feature left out in turn).
     */
    double[] probabilitiesWithoutEach() {
        double[] out = new double[known.length];
        double[] before = new double[outcomes];
        for (int k = 0; k < known.length; k++) {
            double[] sums = before.clone();
            for (int m = k + 1; m < known.length; m++) {
                add(sums, m);
            }
            out[k] = probability(sums, outcome);
            add(before, k);
        }
        return out;
    }

    private void add(double[] sums, int k) {
        add(sums, known[k]);
    }

    /** Adds a feature's parameters to the sums of the outcomes, as {@code QNModel.eval} does (value 1). */
    static void add(double[] sums, Context feature) {
        double[] parameters = feature.getParameters();
        int[] of = feature.getOutcomes();
        for (int j = 0; j < of.length; j++) {
            sums[of[j]] += 1.0 * parameters[j];
        }
    }

    /** The probability of {@code outcome} from the outcomes' sums, normalised as {@code QNModel.eval} does. */
    static double probability(double[] sums, int outcome) {
        return StrictMath.exp(sums[outcome] - ArrayMath.logSumOfExps(sums));
    }

    /** The probability with the feature at {@code index} left out (-1: none). */
    double probabilityWithout(int index) {
        double[] sums = new double[outcomes];
        for (int k = 0; k < known.length; k++) {
            if (knownAt[k] != index) {
                add(sums, k);
            }
        }
        return probability(sums, outcome);
    }
}
