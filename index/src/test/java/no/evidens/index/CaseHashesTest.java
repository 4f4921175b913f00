package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hashes a re-ingest finds in the case: the same answers as the writer's own "already in the case?". */
class CaseHashesTest {
    @TempDir
    Path tmp;

    private static IndexedDocument doc(String caseId, String docId, String sha) {
        return new IndexedDocument(docId, caseId, docId + ".txt", "journal", docId, sha, "text/plain", "Tekst om " + docId,
                List.of(0));
    }

    private static Passage passage(String caseId, String docId) {
        String text = "Tekst om " + docId;
        return new Passage(Passage.idOf(caseId, docId, 0), caseId, docId, docId + ".txt", "journal", docId, "", 1, 0,
                text.length(), text, List.of(), List.of());
    }

    @Test
    void theCasesDocumentsOnlyAsCommitted() throws Exception {
        Path index = tmp.resolve("index");
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(index)) {
            w.add(doc("sak-1", "a", "aaa"), List.of(passage("sak-1", "a")));
            w.replace(doc("sak-1", "b", "bbb"), List.of());
            w.add(doc("sak-2", "c", "ccc"), List.of(passage("sak-2", "c")));
            w.commit();
            w.add(doc("sak-1", "d", "ddd"), List.of()); // not committed
            Set<String> hashes = CaseHashes.read(index, "sak-1");
            assertEquals(Set.of("aaa", "bbb"), hashes);
            for (String sha : List.of("aaa", "bbb", "ccc", "zzz")) {
                // The writer answers the same for what was committed before it ("ddd" it wrote itself).
                assertEquals(w.contains("sak-1", sha), hashes.contains(sha), sha);
            }
        }
        assertEquals(Set.of("ccc"), CaseHashes.read(index, "sak-2"));
        assertEquals(Set.of("aaa", "bbb", "ddd"), CaseHashes.read(index, "sak-1"), "committed when the writer closed");
    }

    @Test
    void noIndexYetHoldsNothing() throws Exception {
        assertTrue(CaseHashes.read(tmp.resolve("missing"), "sak-1").isEmpty());
        new EvidenceIndexWriter(tmp.resolve("empty")).close();
        assertTrue(CaseHashes.read(tmp.resolve("empty"), "sak-1").isEmpty());
    }
}
