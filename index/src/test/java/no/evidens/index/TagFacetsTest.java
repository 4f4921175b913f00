package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters and facets on the tags of passages: indicator, law cited, has a quotation. */
class TagFacetsTest {
    private static final String TEXT = "Plan\n\nAnsatte kjenner taushetsplikten, jf. helsepersonelloven § 21. "
            + "Leder sier «vi melder alltid».\n\nSkolen sender bekymringsmelding, jf. barnevernloven § 6-4 og "
            + "helsepersonelloven § 33.";

    @TempDir
    Path dir;

    @BeforeEach
    void fill() throws IOException {
        int p2 = TEXT.indexOf("Skolen");
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(new IndexedDocument("d1", "sak-1", "plan.txt", "styringsdokument", "Plan", "sha", "text/plain", TEXT,
                            List.of(0)),
                    List.of(new Passage(Passage.idOf("sak-1", "d1", 0), "sak-1", "d1", "plan.txt", "styringsdokument",
                                    "Plan", "", 1, 6, p2 - 2, TEXT.substring(6, p2 - 2), List.of("vi melder alltid"),
                                    List.of("taushetsplikt"), List.of("helsepersonelloven")),
                            new Passage(Passage.idOf("sak-1", "d1", 1), "sak-1", "d1", "plan.txt", "styringsdokument",
                                    "Plan", "", 1, p2, TEXT.length(), TEXT.substring(p2), List.of(),
                                    List.of("bekymringsmelding", "opplysningsplikt"),
                                    List.of("barnevernloven", "helsepersonelloven"))));
            w.commit();
        }
    }

    @Test
    void filtersOnIndicatorLawAndQuotation() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(1, s.search(new SearchRequest("indikator:taushetsplikt", null, null, 10)).total());
            assertEquals(1, s.search(new SearchRequest("lov:barnevernloven", null, null, 10)).total());
            assertEquals(2, s.search(new SearchRequest("lov:helsepersonelloven", null, null, 10)).total());
            assertEquals(1, s.search(new SearchRequest("sitat:ja", null, null, 10)).total());
            SearchResult r = s.search(new SearchRequest("sitat:nei lov:helsepersonelloven", null, null, 10));
            assertEquals(1, r.total());
            assertEquals(List.of("barnevernloven", "helsepersonelloven"), r.hits().get(0).laws());
            assertEquals(List.of("bekymringsmelding", "opplysningsplikt"), r.hits().get(0).indicators());
        }
    }

    @Test
    void facetsCountIndicatorsLawsAndQuotations() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("jf", null, null, 10));
            assertEquals(2, r.total());
            assertEquals(2, r.facets().get("lov").get("helsepersonelloven"));
            assertEquals(1, r.facets().get("lov").get("barnevernloven"));
            assertEquals(1, r.facets().get("indicator").get("taushetsplikt"));
            assertEquals(1, r.facets().get("sitat").get("ja"));
            assertEquals(1, r.facets().get("sitat").get("nei"));
        }
    }
}
