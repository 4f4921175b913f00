package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The shipped synonym list joins the word an auditor asks with to the one a report writes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportWordSynonymsTest {
    private static final List<String> PASSAGES = List.of(
            "Melderen fikk ingen tilbakemelding fra barneverntjenesten.",
            "Barnet bor i fosterheim i kommunen.",
            "To pasienter mistet livet etter behandlingen.",
            "Kommunen har rutiner for internkontroll.",
            "Sykehuset og kommunen samhandler ikke godt nok.",
            "Samhandlingen mellom nivåene sviktet.");

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    @ParameterizedTest
    @CsvSource({"svar, 0", "svaret, 0", "fosterhjem, 1", "døde, 2"})
    void theAuditorsWordFindsTheReportsWord(String query, int passage) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(List.of(PASSAGES.get(passage)),
                    s.search(new SearchRequest(query, "sak", null, 10)).hits().stream().map(SearchHit::text).toList(), query);
        }
    }

    /** The stemmer leaves the verb ({@code samhandl}) apart from the noun ({@code samhandling}); the entry joins them. */
    @ParameterizedTest
    @ValueSource(strings = {"samhandling", "samhandler", "samhandle", "samarbeid"})
    void cooperationAsANounOrAVerbFindsBoth(String query) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(Set.of(PASSAGES.get(4), PASSAGES.get(5)),
                    Set.copyOf(s.search(new SearchRequest(query, "sak", null, 10)).hits().stream().map(SearchHit::text).toList()),
                    query);
        }
    }
}
