package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.index.SearchHit;

/** Where a span chosen in a document's text is placed among its passages, headings between them included. */
class QuotationsTest {
    /** Passages at 100–200, 250–400 and 420–500; the text between them (headings) belongs to none. */
    private static final List<SearchHit> PASSAGES = List.of(passage(0, 100, 200), passage(1, 250, 400), passage(2, 420, 500));

    private static SearchHit passage(int n, int start, int end) {
        return new SearchHit("sak/doc/" + n, "sak", "doc", "f.pdf", "styringsdokument", "T", "", 1, start, end, "",
                0f, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static String[] place(int start, int end) {
        return Quotations.place(PASSAGES, start, end).orElseThrow();
    }

    @Test
    void aHeadingBetweenPassagesIsPlacedAtThePassageItHeads() {
        assertArrayEquals(new String[] {"sak/doc/1", "sak/doc/1"}, place(205, 240));
        assertArrayEquals(new String[] {"sak/doc/0", "sak/doc/0"}, place(10, 40), "a title before the first passage");
        assertArrayEquals(new String[] {"sak/doc/2", "sak/doc/2"}, place(505, 530), "text after the last passage");
    }

    @Test
    void aSpanRunningFromAHeadingIntoTheTextRunsThroughThePassagesItTouches() {
        assertArrayEquals(new String[] {"sak/doc/1", "sak/doc/1"}, place(205, 300));
        assertArrayEquals(new String[] {"sak/doc/0", "sak/doc/1"}, place(150, 410), "ends in the heading after passage 1");
        assertArrayEquals(new String[] {"sak/doc/0", "sak/doc/2"}, place(150, 450));
    }

    @Test
    void aSpanInsideOnePassageStaysThere() {
        assertArrayEquals(new String[] {"sak/doc/1", "sak/doc/1"}, place(260, 270));
    }

    @Test
    void aDocumentWithoutPassagesPlacesNothing() {
        assertTrue(Quotations.place(List.of(), 1, 2).isEmpty());
    }
}
