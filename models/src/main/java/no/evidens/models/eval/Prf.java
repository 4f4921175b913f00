package no.evidens.models.eval;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Precision, recall and F1 by exact match of items (spans, boundaries), accumulated over calls. */
public final class Prf {
    private long truePositives;
    private long predicted;
    private long gold;

    /** Adds one unit of comparison (a sentence, a document). */
    public <T> void add(Collection<T> goldItems, Collection<T> predictedItems) {
        Set<T> g = new HashSet<>(goldItems);
        Set<T> p = new HashSet<>(predictedItems);
        gold += g.size();
        predicted += p.size();
        p.retainAll(g);
        truePositives += p.size();
    }

    public long truePositives() {
        return truePositives;
    }

    public long predicted() {
        return predicted;
    }

    public long gold() {
        return gold;
    }

    public double precision() {
        return predicted == 0 ? (gold == 0 ? 1 : 0) : (double) truePositives / predicted;
    }

    public double recall() {
        return gold == 0 ? (predicted == 0 ? 1 : 0) : (double) truePositives / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P=%.4f R=%.4f F1=%.4f (gold %d, predicted %d, correct %d)",
                precision(), recall(), f1(), gold, predicted, truePositives);
    }
}
