package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.evidens.corpus.tags.TreebankQuoteGold;
import no.evidens.models.eval.TreebankDocuments;

/** The committed treebank quotation gold is well formed and belongs to the documents the evaluation cuts. */
class TreebankQuoteGoldTest {
    @Test
    void everySpanNamesAKnownDocumentAndCarriesACheck() {
        List<TreebankQuoteGold.Span> gold = TreebankQuoteGold.load();
        Map<String, String> splits = TreebankDocuments.splits();
        assertEquals(358, gold.size());
        for (TreebankQuoteGold.Span s : gold) {
            assertTrue(splits.containsKey(s.document()), s.document());
            assertTrue(s.start() < s.end(), s.toString());
            assertTrue(s.check().matches("[0-9a-f]{8}"), s.toString());
        }
        assertEquals(180, gold.stream().filter(s -> "dev".equals(splits.get(s.document()))).count());
        assertEquals(178, gold.stream().filter(s -> "test".equals(splits.get(s.document()))).count());
    }
}
