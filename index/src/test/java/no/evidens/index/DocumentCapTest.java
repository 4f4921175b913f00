package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theCapMakesRoomOnlyForPassagesAboutAsStrong() {
        // a relaxed search: a's passages hold two of the query's words (two tiers), b's and c's one each
        List<String> ranked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ranked.add("a" + i);
        }
        ranked.addAll(List.of("b0", "b1", "c0", "c1"));
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        for (int i = 0; i < 8; i++) {
            scores.put("a" + i, 2 * (double) QueryReader.WORD_TIER + 100 - i);
        }
        scores.put("b0", 2 * (double) QueryReader.WORD_TIER - 1);
        scores.put("b1", (double) QueryReader.WORD_TIER + 3);
        scores.put("c0", (double) QueryReader.WORD_TIER + 2);
        scores.put("c1", (double) QueryReader.WORD_TIER + 1);
        List<String> capped = DocumentCap.apply(ranked, h -> h.substring(0, 1), scores::get);
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "b0", "a5", "a6", "a7", "b1", "c0", "c1"), capped,
                "b0 holds as many words as a's passages and takes a place; b1, with a word fewer, comes after all of a's");
    }

    @Test
    void theSameWordsInAReportHoldingFewerOfThemMakeNoRoom() {
        // a relaxed search: every passage holds the same two words; a's report holds all the query's words, b's one fewer
        List<String> ranked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ranked.add("a" + i);
        }
        ranked.add("b0");
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        for (int i = 0; i < 8; i++) {
            scores.put("a" + i, 2 * (double) QueryReader.WORD_TIER + DocumentWords.SHARE * QueryReader.WORD_TIER * 3 + 10 - i);
        }
        scores.put("b0", 2 * (double) QueryReader.WORD_TIER + DocumentWords.SHARE * QueryReader.WORD_TIER * 2 + 10);
        List<String> capped = DocumentCap.apply(ranked, h -> h.substring(0, 1), scores::get);
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "b0"), capped,
                "b0's report lacks one of the query's words: a's held-back passages go before it");
    }

    @Test
    void withinTheGapTheCapHoldsBackAsWithoutScores() {
        List<String> ranked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ranked.add("a" + i);
        }
        ranked.add("b0");
        double within = DocumentCap.GAP - 1.0;
        List<String> capped = DocumentCap.apply(ranked, h -> h.substring(0, 1), h -> h.equals("b0") ? 1.0 : within);
        assertEquals(DocumentCap.apply(ranked, h -> h.substring(0, 1)), capped);
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

    @Test
    void aShortWindowSettledByTheCapGivesTheWholeWindowsFirstEntries() {
        // invented ranked list: documents a..e, a holding many of the best hits
        List<String> whole = new ArrayList<>();
        String docs = "aaaaaaabcaaadeaabbcde";
        for (int i = 0; i < docs.length(); i++) {
            whole.add(docs.charAt(i) + String.valueOf(i));
        }
        // the first page's window: a holds 8 of its 10 hits, so the page needs hits after it
        int first = DocumentCap.firstWindow(0, 10);
        assertFalse(DocumentCap.settled(whole.subList(0, first), first, h -> h.substring(0, 1)));
        // the second page's window: the first page is filled within it, a's held-back hits after it
        int fetched = DocumentCap.firstWindow(10, 10);
        List<String> prefix = whole.subList(0, fetched);
        assertTrue(DocumentCap.settled(prefix, fetched, h -> h.substring(0, 1)));
        assertEquals(DocumentCap.apply(whole, h -> h.substring(0, 1)).subList(0, fetched), DocumentCap.apply(prefix, h -> h.substring(0, 1)));
    }

    @Test
    void aShortWindowOfOneDocumentIsNotSettledUnlessItHoldsEveryHit() {
        List<String> ranked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ranked.add("a" + i);
        }
        assertFalse(DocumentCap.settled(ranked, 20, h -> "a"), "another document's passage may follow and reach the first page");
        assertTrue(DocumentCap.settled(ranked.subList(0, 15), 20, h -> "a"), "fewer hits than fetched: they are all the hits");
    }
}
