package no.evidens.pipeline.analyse;

import java.util.Arrays;

import opennlp.tools.ml.model.Context;

/**
 * Each language's sum of the language model's weights kept up to date as a text's grams come, in the order they
 * come (not Tika's, so not to the last bit), with a bound on how far Tika's sums can be from it. Adding m terms one
 * after another in any order is within m·u/(1 − m·u) times the sum of their magnitudes of the true sum (u = 2⁻⁵³),
 * so this sum and Tika's are within twice that of each other; the probabilities, exp(sum) over the total, are then
 * within a little over twice that, plus the rounding of exp, the total and the division. The sum of magnitudes is
 * bounded by the prior's plus the model's largest weight once per gram added (a figure known without adding a
 * magnitude per weight: each language's sum is then one addition per weight). {@link #outlook()} gives
 * the two best languages as they stand, with that bound, so that most of Tika's stopping rule can be settled
 * without summing the grams again in Tika's order.
 */
final class RunningEstimate {
    private static final double UNIT = 0x1p-53;
    private final double[] sums;
    private final double[] exps;
    private final double startMagnitude;
    private final double largestWeight;
    private int known;

    /**
     * The two best languages of the estimate and how far Tika's probabilities can be from the estimate's, for
     * every language ({@code apart}); {@code bounded} is false when no such bound holds (the sums too large for
     * it), and then nothing may be settled from this outlook.
     */
    record Outlook(boolean bounded, int best, double first, double second, double apart) {
        /** True when Tika's best language is surely {@link #best}, whatever the rounding. */
        boolean clearBest() {
            return bounded && first - second > 2.0 * apart;
        }
    }

    /**
     * Sums starting at {@code start} for each of {@code languages}; {@code largestWeight} is at least the magnitude
     * of every weight {@link #add} will be given.
     */
    RunningEstimate(double start, int languages, double largestWeight) {
        sums = new double[languages];
        exps = new double[languages];
        Arrays.fill(sums, start);
        this.startMagnitude = Math.abs(start);
        this.largestWeight = largestWeight;
    }

    /** The number of grams known to the model added so far. */
    int known() {
        return known;
    }

    void add(Context gram) {
        int[] outcomes = gram.getOutcomes();
        double[] weights = gram.getParameters();
        for (int a = 0; a < outcomes.length; a++) {
            sums[outcomes[a]] += weights[a];
        }
        known++;
    }

    /** The estimate as it stands now. */
    Outlook outlook() {
        double normal = 0.0;
        for (int o = 0; o < sums.length; o++) {
            if (!(Math.abs(sums[o]) < 700.0)) {
                return new Outlook(false, -1, 0.0, 0.0, 0.0); // near exp's overflow or underflow the bound fails
            }
            exps[o] = Math.exp(sums[o]);
            normal += exps[o];
        }
        // Every language's sum of magnitudes is at most this: the prior's and one largest weight per gram.
        double largest = startMagnitude + known * largestWeight;
        int best = -1;
        double first = 0.0;
        double second = 0.0;
        for (int o = 0; o < exps.length; o++) {
            double e = exps[o];
            if (e > first) {
                second = first;
                first = e;
                best = o;
            } else if (e > second) {
                second = e;
            }
        }
        double mu = (known + 1) * UNIT;
        double sumsApart = 2.0 * mu / (1.0 - mu) * largest * 1.01;
        if (!(sumsApart < 1e-6) || best < 0) {
            return new Outlook(false, -1, 0.0, 0.0, 0.0);
        }
        return new Outlook(true, best, first / normal, second / normal, 3.0 * sumsApart + 1e-12);
    }
}
