package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test documents of case {@code sak}: one report a document, each text a passage of its own, blank lines between. */
final class ReportDocuments {
    private ReportDocuments() {
    }

    /** Adds document {@code docId} to {@code w}, one passage a text. */
    static void add(EvidenceIndexWriter w, String docId, List<String> texts) throws IOException {
        List<Passage> passages = new ArrayList<>();
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                doc.append("\n\n");
            }
            int start = doc.length();
            doc.append(texts.get(i));
            passages.add(new Passage(Passage.idOf("sak", docId, i), "sak", docId, docId + ".txt", "rapport", "T", "", 1, start,
                    doc.length(), texts.get(i), List.of(), List.of()));
        }
        w.add(new IndexedDocument(docId, "sak", docId + ".txt", "rapport", "T", "sha-" + docId, "text/plain", doc.toString(),
                List.of(0)), passages);
    }
}
