package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceIndexTest {
    private static final String PLAN = "Samarbeidsplan\n\nBarneverntjenesten og NAV møtes i ansvarsgruppen hver måned. "
            + "Leder sier at «rutinene er kjent for alle».\n\nHelsestasjonen <b>deltar</b> ikke.";
    private static final String JOURNAL = "Journalnotat\n\nFastlegen deltok i ansvarsgruppemøtet om gutten.";

    @TempDir
    Path dir;

    @BeforeEach
    void fill() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(doc("d1", "styringsdokumenter/plan.pdf", "styringsdokument", PLAN),
                    List.of(passage("d1", 0, "styringsdokumenter/plan.pdf", "styringsdokument", PLAN, 16, 103, 1),
                            passage("d1", 1, "styringsdokumenter/plan.pdf", "styringsdokument", PLAN, 105, PLAN.length(), 2)));
            w.add(doc("d2", "journaler/j.txt", "journal", JOURNAL),
                    List.of(passage("d2", 0, "journaler/j.txt", "journal", JOURNAL, 14, JOURNAL.length(), 1)));
            w.commit();
            assertTrue(w.contains("sak-1", "sha-d1"));
            assertFalse(w.contains("sak-2", "sha-d1"));
        }
    }

    private static IndexedDocument doc(String id, String file, String type, String text) {
        return new IndexedDocument(id, "sak-1", file, type, "Tittel " + id, "sha-" + id, "text/plain", text, List.of(0));
    }

    private static Passage passage(String docId, int n, String file, String type, String text, int start, int end, int page) {
        return new Passage(Passage.idOf("sak-1", docId, n), "sak-1", docId, file, type, "Tittel " + docId, "", page,
                start, end, text.substring(start, end), List.of(), List.of());
    }

    @Test
    void findsInflectedFormsWithCitationAndMarkedSnippet() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("ansvarsgruppe", "sak-1", null, 10));
            assertEquals(2, r.total(), "the stemmer matches ansvarsgruppen, the compound parts ansvarsgruppemøtet");
            SearchHit hit = r.hits().get(0);
            assertEquals("styringsdokumenter/plan.pdf", hit.file());
            assertEquals(PLAN.substring(hit.start(), hit.end()), hit.text());
            assertEquals(List.of("ansvarsgruppen"), matched(hit));
            assertEquals(1, r.facets().get("type").get("styringsdokument"));
            assertEquals(List.of("ansvarsgruppemøtet"), matched(r.hits().get(1)), "a part marks its whole word");
        }
    }

    /** The words a hit's match offsets point at in its text. */
    private static List<String> matched(SearchHit hit) {
        return hit.matches().stream().map(m -> hit.text().substring(m.start(), m.end())).toList();
    }

    @Test
    void answersPassagesOnlyWhateverTheFieldsSearched() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            // A document's own entry has a file, a type and a case too: it is never a hit.
            assertEquals(2, s.search(new SearchRequest("fil:\"styringsdokumenter/plan.pdf\"", null, null, 10)).total());
            assertEquals(3, s.search(new SearchRequest("sak:sak-1", null, null, 10)).total());
            assertEquals(1, s.search(new SearchRequest("type:journal fastlegen", null, null, 10)).total());
            // Words are in passages' fields only, searched without the filter to passages: the same answer.
            SearchResult words = s.search(new SearchRequest("ansvarsgruppe OR fastlegen OR journal*", null, null, 10));
            assertEquals(2, words.total());
            assertTrue(words.hits().stream().allMatch(h -> h.passageId().matches("sak-1/d\\d/\\d")), words.hits().toString());
        }
        assertTrue(QueryReader.matchesPassagesOnly(new QueryReader(NorwegianAnalysis.queryAnalyzer(null)).read("barnevern \"individuell plan\"")));
        assertFalse(QueryReader.matchesPassagesOnly(new QueryReader(NorwegianAnalysis.queryAnalyzer(null)).read("plan OR fil:x")));
        assertTrue(QueryReader.matchesPassagesOnly(new QueryReader(NorwegianAnalysis.queryAnalyzer(null)).read("plan -fil:x")),
                "what a query excludes does not make it match documents");
    }

    @Test
    void hitsCarryOffsetsIntoThePassageTextNotMarkup() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchHit hit = s.search(new SearchRequest("helsestasjonen", null, null, 10)).hits().get(0);
            assertEquals(List.of("Helsestasjonen"), matched(hit));
            TextRange sentence = hit.fragments().get(0);
            assertEquals("Helsestasjonen <b>deltar</b> ikke.", hit.text().substring(sentence.start(), sentence.end()),
                    "the snippet's fragment: the sentence that matched");
            assertTrue(hit.text().contains("<b>deltar</b>"), "the text as it is: markup is the front end's job");
            SearchHit looked = s.passage(hit.passageId()).orElseThrow();
            assertFalse(looked.highlighted(), "a passage looked up by id has no snippet fragments");
        }
    }

    @Test
    void facetFiltersKeepTheirOwnDimensionsCountsVisible() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchRequest any = new SearchRequest("ansvarsgruppen OR ansvarsgruppemøtet", null, null, 10);
            SearchResult journals = s.search(any.withFilters(java.util.Map.of("type", List.of("Journal"))));
            assertEquals(1, journals.total(), "a filter value in any case, as in the query language");
            assertEquals("journaler/j.txt", journals.hits().get(0).file());
            assertEquals(java.util.Map.of("journal", 1, "styringsdokument", 1), journals.facets().get("type"),
                    "the filtered dimension still counts its other values (drill sideways)");
            assertEquals(java.util.Map.of("sak-1", 1), journals.facets().get("case"), "other dimensions count the hits");
            SearchResult either = s.search(any.withFilters(java.util.Map.of("type", List.of("journal", "styringsdokument"))));
            assertEquals(2, either.total(), "values of one dimension are alternatives");
            assertEquals(0, s.search(any.withFilters(java.util.Map.of("type", List.of("journal"), "case", List.of("sak-2"))))
                    .total(), "dimensions all apply");
            assertThrows(IllegalArgumentException.class, () -> any.withFilters(java.util.Map.of("farge", List.of("blå"))));
        }
    }

    @Test
    void passagesOfADocumentInDocumentOrder() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(List.of("sak-1/d1/0", "sak-1/d1/1"),
                    s.passagesOf("sak-1", "d1").stream().map(SearchHit::passageId).toList());
            assertTrue(s.passagesOf("sak-1", "nope").isEmpty());
        }
    }

    @Test
    void aWindowOfADocumentHasThePassagesStartingInItAndTheMarksOverlappingIt() throws IOException {
        String words = "ansvarsgruppen OR helsestasjonen";
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(List.of("sak-1/d1/0"), s.passagesIn("sak-1", "d1", 0, 105).stream().map(SearchHit::passageId).toList());
            assertEquals(List.of("sak-1/d1/1"), s.passagesIn("sak-1", "d1", 105, PLAN.length()).stream().map(SearchHit::passageId).toList());
            assertTrue(s.passagesIn("sak-1", "d1", 17, 105).isEmpty(), "a passage belongs to the window it starts in");
            List<EvidenceIndex.Mark> all = s.marks("sak-1", "d1", words);
            assertEquals(2, all.size());
            int group = PLAN.indexOf("ansvarsgruppen");
            // the window begins inside the first passage (it starts at 16): its mark is found all the same
            assertEquals(List.of(new EvidenceIndex.Mark(group, group + "ansvarsgruppen".length())),
                    s.marksIn("sak-1", "d1", words, group - 5, group + 20));
            assertEquals(List.of(all.get(1)), s.marksIn("sak-1", "d1", words, 104, PLAN.length()));
            assertTrue(s.marksIn("sak-1", "d1", words, 0, group).isEmpty());
            assertEquals(List.of(16, 105), s.matchStarts("sak-1", "d1", words));
            assertEquals(List.of(105), s.matchStarts("sak-1", "d1", "helsestasjonen"));
            assertTrue(s.matchStarts("sak-1", "nope", words).isEmpty());
        }
    }

    /** Round 50 (b): a document whose matching passages are more than 10,000 is marked whole, not its first 10,000. */
    @Test
    void everyMarkOfADocumentOfMoreThanTenThousandMatchingPassages(@TempDir Path big) throws IOException {
        int n = 10_500;
        String one = "Kvittering %05d.";
        int step = String.format(one, 0).length() + 1;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(String.format(one, i)).append(' ');
        }
        IndexedDocument d = doc("stor", "journaler/stor.txt", "journal", text.toString());
        List<Passage> passages = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            passages.add(passage("stor", i, d.file(), d.type(), d.text(), i * step, i * step + step - 1, 1));
        }
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(big)) {
            w.add(d, passages);
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(big)) {
            assertEquals(n, s.passagesOf("sak-1", "stor").size());
            List<EvidenceIndex.Mark> marks = s.marks("sak-1", "stor", "kvittering");
            assertEquals(n, marks.size());
            assertEquals(new EvidenceIndex.Mark((n - 1) * step, (n - 1) * step + "Kvittering".length()), marks.get(n - 1));
        }
    }

    @Test
    void prefixAndFuzzyQueriesSearchTheDefaultFields() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(2, s.search(new SearchRequest("ansvarsgrupp*", null, null, 10)).total());
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> s.search(new SearchRequest("fastlegen~1", null, null, 10)));
        }
    }

    @Test
    void oneLongLivedSearcherSeesLaterCommits(@TempDir Path other) throws IOException {
        try (EvidenceSearcher s = EvidenceSearcher.whenIndexed(other, NorwegianAnalysis.queryAnalyzer(null))) {
            assertFalse(s.hasIndex());
            assertThrows(NoIndexException.class, () -> s.search(new SearchRequest("fastlegen", null, null, 10)));
            try (EvidenceIndexWriter w = new EvidenceIndexWriter(other)) {
                w.add(doc("d2", "journaler/j.txt", "journal", JOURNAL),
                        List.of(passage("d2", 0, "journaler/j.txt", "journal", JOURNAL, 14, JOURNAL.length(), 1)));
                w.commit();
                assertTrue(s.hasIndex());
                assertEquals(1, s.search(new SearchRequest("fastlegen", null, null, 10)).total());
                w.add(doc("d1", "styringsdokumenter/plan.pdf", "styringsdokument", PLAN),
                        List.of(passage("d1", 0, "styringsdokumenter/plan.pdf", "styringsdokument", PLAN, 16, 103, 1)));
                w.commit();
                assertEquals(2, s.search(new SearchRequest("ansvarsgruppe", null, null, 10)).total(), "the new commit is seen");
            }
        }
    }

    @Test
    void filtersByTypeAndCountsFacets() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult all = s.search(new SearchRequest("ansvarsgruppen OR ansvarsgruppemøtet", null, null, 10));
            assertEquals(2, all.total());
            assertEquals(1, all.facets().get("type").get("journal"));
            SearchResult journals = s.search(new SearchRequest("ansvarsgruppen OR ansvarsgruppemøtet", null, "journal", 10));
            assertEquals(1, journals.total());
            assertEquals("journaler/j.txt", journals.hits().get(0).file());
        }
    }

    @Test
    void readsBackTheWholeDocument() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(PLAN, s.document("sak-1", "d1").orElseThrow().text());
            assertTrue(s.document("sak-1", "nope").isEmpty());
        }
    }

    @Test
    void malformedQueryGivesAClearMessage() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                    () -> s.search(new SearchRequest("\"taushetsplikt samarbeid", null, null, 10)));
            assertTrue(e.getMessage().contains("quotation mark"), e.getMessage());
        }
    }

    @Test
    void missingIndexSaysWhatToDo(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new EvidenceSearcher(empty.resolve("none")));
        assertTrue(e.getMessage().contains("ingest a bundle first"));
    }
}
