package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentCapTest {
    @Test
    void oneDocumentFillsAtMostHalfTheFirstPageAndItsOtherPassagesComeRightAfterIt() {
        List<String> ranked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ranked.add("a" + i);
        }
        ranked.add("b0");
        ranked.add("c0");
        List<String> capped = DocumentCap.apply(ranked, h -> h.substring(0, 1));
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "b0", "c0", "a5", "a6", "a7", "a8", "a9", "a10", "a11"), capped,
                "b0 and c0 reach the first page; a's held-back passages follow in their order");
    }

    @Test
    void withoutOtherDocumentsTheOrderStays() {
        List<String> ranked = List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6");
        assertEquals(ranked, DocumentCap.apply(ranked, h -> "a"));
    }

    @Test
    void theWindowReachesPastThePageAskedFor() {
        assertEquals(DocumentCap.PAGE + DocumentCap.LOOKAHEAD, DocumentCap.window(0, 5));
        assertEquals(30 + DocumentCap.LOOKAHEAD, DocumentCap.window(20, 10));
    }
}
