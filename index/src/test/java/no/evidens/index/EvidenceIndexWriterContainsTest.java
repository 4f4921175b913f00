package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest asks once a file whether its content is in the case: answered right without a refresh per question. */
class EvidenceIndexWriterContainsTest {
    @TempDir
    Path dir;

    private static IndexedDocument doc(String id, String type) {
        return new IndexedDocument(id, "sak-1", id + ".txt", type, "Tittel", "sha-" + id, "text/plain", "Tekst.", List.of(0));
    }

    @Test
    void seesWhatItWroteUncommittedWhatWasCommittedBeforeAndNotWhatItDeleted() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(doc("a", "journal"), List.of());
            w.commit();
        }
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            assertTrue(w.contains("sak-1", "sha-a"), "committed by an earlier writer");
            assertFalse(w.contains("sak-1", "sha-b"));
            w.add(doc("b", "annet"), List.of());
            w.replace(doc("c", "annet"), List.of());
            assertTrue(w.contains("sak-1", "sha-b"), "written, not committed");
            assertTrue(w.contains("sak-1", "sha-c"), "replaced, not committed");
            assertFalse(w.contains("sak-2", "sha-b"), "another case");
            assertEquals(2, w.deleteDocuments("sak-1", Set.of("annet")).size());
            assertFalse(w.contains("sak-1", "sha-b"), "deleted");
            assertFalse(w.contains("sak-1", "sha-c"), "deleted");
            assertTrue(w.contains("sak-1", "sha-a"));
            w.deleteDocuments("sak-1", Set.of("journal"));
            assertFalse(w.contains("sak-1", "sha-a"), "deleted, written by an earlier writer");
        }
    }
}
