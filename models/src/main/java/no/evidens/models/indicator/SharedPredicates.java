package no.evidens.models.indicator;

import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The features the classifier's QN models know, numbered once, and each model's parameters by number. The
 * categories' models were trained on the same paragraphs, so each holds its own map of the same thousands of
 * features: a paragraph's features are looked up here once for all of them, not once per model. Built once,
 * then read-only (thread-safe).
 */
final class SharedPredicates {
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<MaxentModel, Context[]> byModel = new IdentityHashMap<>();

    SharedPredicates(Collection<MaxentModel> models) {
        for (MaxentModel m : models) {
            if (m instanceof QNModel qn) {
                predicates(qn).keySet().forEach(p -> ids.computeIfAbsent(p, k -> ids.size()));
            }
        }
        for (MaxentModel m : models) {
            if (m instanceof QNModel qn) {
                Context[] contexts = new Context[ids.size()];
                predicates(qn).forEach((p, c) -> contexts[ids.get(p)] = c);
                byModel.put(m, contexts);
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
}
