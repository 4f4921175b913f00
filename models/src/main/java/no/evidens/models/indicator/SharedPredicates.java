package no.evidens.models.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
        double[] sums = new double[sumsAt[models.size()]];
        for (int id : featureIds) {
            if (id < 0) {
                continue;
            }
            for (int e = rowAt[id], end = rowAt[id + 1]; e < end; e++) {
                sums[slots[e]] += weights[e];
            }
        }
        double[] out = new double[models.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = QnScores.probability(Arrays.copyOfRange(sums, sumsAt[k], sumsAt[k + 1]),
                    models.get(k).getIndex(outcome));
        }
        return out;
    }
}
