package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A law's paragraph in a query ({@code § 4-2}) ranks the passages that cite it before those that hold its two numbers
 * apart; it still finds both, as before. A law's name is found written with or without its linking s. Invented law:
 * {@code glimmerlova}.
 */
class LawParagraphTest {
    @TempDir
    Path dir;

    @Test
    void theParagraphsNumbersSideBySideComeFirst() throws IOException {
        OneDocumentIndex.write(dir, List.of(
                "Vedtaket bygger på glimmerlova § 2-4 og § 4-2 om 4 og 2 års frist.",
                "Vedtaket bygger på glimmerslova § 4-2."));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            List<String> ids = s.search(new SearchRequest("glimmerlova § 4-2", null, null, 10)).hits().stream()
                    .map(SearchHit::passageId).toList();
            assertEquals(List.of("sak/d/1", "sak/d/0"), ids, "glimmerslova is glimmerlova, and its § 4-2 comes first");
        }
    }
}
