package no.evidens.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: one document of case {@code sak}, each text one passage (with its indicators), indexed in a folder. */
final class OneDocumentIndex {
    private OneDocumentIndex() {
    }

    /** Indexes {@code texts} as the passages of one document, the i-th with {@code indicators.get(i)}. */
    static void write(Path dir, List<String> texts, List<List<String>> indicators) throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            List<Passage> passages = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < texts.size(); i++) {
                String p = texts.get(i);
                int start = text.length();
                text.append(p).append("\n\n");
                passages.add(new Passage(Passage.idOf("sak", "d", i), "sak", "d", "a.txt", "rapport", "A", "", 1, start,
                        start + p.length(), p, List.of(), indicators.get(i)));
            }
            w.add(new IndexedDocument("d", "sak", "a.txt", "rapport", "A", "sha", "text/plain", text.toString().strip(),
                    List.of(0)), passages);
            w.commit();
        }
    }

    /** Indexes {@code texts} as the passages of one document, none with an indicator. */
    static void write(Path dir, List<String> texts) throws IOException {
        write(dir, texts, texts.stream().map(t -> List.<String>of()).toList());
    }

    /** The ids of the passages a search of {@code query} (top 10) finds in the index in {@code dir}, sorted. */
    static List<String> found(Path dir, String query) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            return s.search(new SearchRequest(query, null, null, 10)).hits().stream().map(SearchHit::passageId).sorted().toList();
        }
    }

    /** The texts of the first 10 hits a search of {@code query} finds in the case {@code sak} ({@link #write}'s), in rank order. */
    static List<String> texts(EvidenceSearcher s, String query) throws IOException {
        return s.search(new SearchRequest(query, "sak", null, 10)).hits().stream().map(SearchHit::text).toList();
    }
}
