package no.evidens.models.indicator;

import java.util.ArrayList;
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
    /** For each feature, the numbers of the models that know it (rising) and its parameters in each of them. */
    private final int[][] rowModels;
    private final Context[][] rows;

    SharedPredicates(Collection<MaxentModel> all) {
        for (MaxentModel m : all) {
            if (m instanceof QNModel qn) {
                predicates(qn).keySet().forEach(p -> ids.computeIfAbsent(p, k -> ids.size()));
                numbers.put(qn, models.size());
                models.add(qn);
            }
        }
        int[] known = new int[ids.size()];
        Context[][] perModel = new Context[models.size()][];
        for (int k = 0; k < models.size(); k++) {
            QNModel qn = models.get(k);
            Context[] contexts = new Context[ids.size()];
            predicates(qn).forEach((p, c) -> contexts[ids.get(p)] = c);
            byModel.put(qn, contexts);
            perModel[k] = contexts;
            for (int id = 0; id < contexts.length; id++) {
                known[id] += contexts[id] == null ? 0 : 1;
            }
        }
        rowModels = new int[ids.size()][];
        rows = new Context[ids.size()][];
        for (int id = 0; id < known.length; id++) {
            rowModels[id] = new int[known[id]];
            rows[id] = new Context[known[id]];
            int n = 0;
            for (int k = 0; k < models.size(); k++) {
                Context c = perModel[k][id];
                if (c != null) {
                    rowModels[id][n] = k;
                    rows[id][n++] = c;
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
        double[][] sums = new double[models.size()][];
        for (int k = 0; k < sums.length; k++) {
            sums[k] = new double[models.get(k).getNumOutcomes()];
        }
        for (int id : featureIds) {
            if (id < 0) {
                continue;
            }
            int[] of = rowModels[id];
            Context[] row = rows[id];
            for (int r = 0; r < of.length; r++) {
                QnScores.add(sums[of[r]], row[r]);
            }
        }
        double[] out = new double[sums.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = QnScores.probability(sums[k], models.get(k).getIndex(outcome));
        }
        return out;
    }
}
