package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.search.SearchOnlyIndex;

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

    /**
     * A document of 30,000 passages of 1,000 characters each (a large log), on an index that lists at most the first 10,000
     * of a document's passages, as SolrCloud's does: a span far in is placed at its own passage, found by the passages
     * starting near it.
     */
    @Test
    void aSpanFarIntoAVeryLargeDocumentIsPlacedAtItsOwnPassage() throws Exception {
        List<SearchHit> all = new ArrayList<>();
        for (int n = 0; n < 30_000; n++) {
            all.add(passage(n, n * 1_000 + 10, n * 1_000 + 990)); // a heading of ten characters before each
        }
        EvidenceIndex capped = new SearchOnlyIndex() {
            @Override
            public SearchResult search(SearchRequest request) {
                return null;
            }

            @Override
            public List<SearchHit> passagesOf(String caseId, String docId) {
                return all.subList(0, 10_000);
            }

            @Override
            public List<SearchHit> passagesIn(String caseId, String docId, int from, int to) {
                return all.stream().filter(p -> p.start() >= from && p.start() < to).toList();
            }
        };
        assertArrayEquals(new String[] {"sak/doc/15053", "sak/doc/15053"},
                Quotations.spanPassages(capped, "sak", "doc", 15_053_100, 15_053_160));
        assertArrayEquals(new String[] {"sak/doc/15053", "sak/doc/15054"},
                Quotations.spanPassages(capped, "sak", "doc", 15_053_900, 15_054_100));
        assertArrayEquals(new String[] {"sak/doc/20000", "sak/doc/20000"},
                Quotations.spanPassages(capped, "sak", "doc", 20_000_002, 20_000_008), "a heading: the passage it heads");
        assertArrayEquals(new String[] {"sak/doc/29999", "sak/doc/29999"},
                Quotations.spanPassages(capped, "sak", "doc", 29_999_995, 29_999_999), "after the last passage");
        assertArrayEquals(new String[] {"sak/doc/0", "sak/doc/0"},
                Quotations.spanPassages(capped, "sak", "doc", 0, 5), "before the first");
    }

    @Test
    void aDocumentWithoutPassagesPlacesNothing() {
        assertTrue(Quotations.place(List.of(), 1, 2).isEmpty());
    }
}
