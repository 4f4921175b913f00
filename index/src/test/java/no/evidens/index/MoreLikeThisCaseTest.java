package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passages like one are of its own case only, however alike another case's are: the workspace records a like's showing in
 * the trail of the passage's case alone ({@code /api/like}), which is whole only while no other case's passage is shown.
 */
class MoreLikeThisCaseTest {
    @TempDir
    Path dir;

    private static Passage passage(String caseId, int n) {
        String text = "Barnevernet vurderte taushetsplikt og samarbeid med skolen og helsestasjonen, avsnitt " + n;
        return new Passage(Passage.idOf(caseId, "journal", n), caseId, "journal", "journal.txt", "journal", "Journal", "", 1,
                100 * n, 100 * n + text.length(), text, List.of(), List.of(), List.of(), Map.of());
    }

    private static IndexedDocument document(String caseId) {
        return new IndexedDocument("journal", caseId, "journal.txt", "journal", "Journal", "sha-" + caseId, "text/plain", "Tekst.", List.of(0));
    }

    @Test
    void passagesLikeOneAreOfItsCaseOnly() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            // the other case holds more passages, as alike as the own case's, so they would rank among the first
            w.add(document("sak-1"), List.of(passage("sak-1", 0), passage("sak-1", 1)));
            w.add(document("sak-2"), List.of(passage("sak-2", 0), passage("sak-2", 1), passage("sak-2", 2), passage("sak-2", 3)));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult like = s.moreLikeThis(Passage.idOf("sak-1", "journal", 0), 20);
            assertEquals(List.of(Passage.idOf("sak-1", "journal", 1)), like.hits().stream().map(SearchHit::passageId).toList());
            assertEquals(1, like.total());
        }
    }
}
