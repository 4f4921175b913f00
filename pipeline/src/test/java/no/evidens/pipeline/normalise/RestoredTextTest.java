package no.evidens.pipeline.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.Extraction;

/**
 * A text as the index keeps it (text and page map, no furniture) made ready to be tagged again: the running headers and
 * footers the normaliser left in it are found again, where the taggers read no quotation, as on the day it was ingested.
 */
class RestoredTextTest {
    @Test
    void theFurnitureLeftInATextIsFoundAgainFromItsTextAndPagesAlone() {
        StringBuilder raw = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            starts.add(raw.length());
            raw.append("Dette er brødteksten på side ").append(i).append(", med nok ord til å være et eget avsnitt.");
            // a footer on two pages of five: too few to be taken out, so it is left in the text as furniture
            raw.append(i <= 2 ? "\n\n«Utkast " + i + "»" : "").append("\n\n");
        }
        NormalisedText ingested = new TextNormaliser().normalise(new Extraction(raw.toString(), starts, "application/pdf", null));
        assertFalse(ingested.furniture().isEmpty(), "the case this test is about: furniture left in the text");
        NormalisedText restored = TextNormaliser.restored(ingested.text(), ingested.pageStarts());
        assertEquals(ingested.text(), restored.text());
        assertEquals(ingested.pageStarts(), restored.pageStarts());
        assertEquals(spans(ingested.furniture()), spans(restored.furniture()));
    }

    private static List<List<Integer>> spans(List<int[]> furniture) {
        return furniture.stream().map(f -> List.of(f[0], f[1])).sorted((a, b) -> a.get(0) - b.get(0)).toList();
    }
}
