package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The dev errors of the treebank quotation eval, told apart by kind. */
class TreebankQuoteEvalTest {
    private static TreeSet<String> spans(int... bounds) {
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(TreebankQuoteEval.key(bounds[i], bounds[i + 1]));
        }
        return out;
    }

    @Test
    void aSpanWithTheGoldStartAndAnotherEndIsOneBoundaryErrorNotAMissAndAFalseAlarm() {
        int[] kinds = new int[TreebankQuoteEval.ErrorKind.values().length];
        // gold 10-20 found as 10-25 (ran on), gold 30-40 found as 30-35 (stopped early), gold 50-60 missed, 70-80 extra
        TreebankQuoteEval.count(spans(10, 20, 30, 40, 50, 60), spans(10, 25, 30, 35, 70, 80), kinds);
        TreebankQuoteEval.count(spans(5, 9), spans(), kinds);
        int[] want = new int[kinds.length];
        for (TreebankQuoteEval.ErrorKind k : List.of(TreebankQuoteEval.ErrorKind.values())) {
            want[k.ordinal()] = k == TreebankQuoteEval.ErrorKind.MISSED ? 2 : 1;
        }
        assertArrayEquals(want, kinds);
    }
}
