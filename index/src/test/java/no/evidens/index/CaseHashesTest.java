package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Test
    void hashesKeptForTheLastCommitAreTakenFromTheirFileUntilTheNextCommit() throws Exception {
        Path index = tmp.resolve("index");
        Path memory = tmp.resolve("hashes").resolve("sak-1.txt");
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(index)) {
            w.add(doc("sak-1", "a", "aaa"), List.of(passage("sak-1", "a")));
            w.add(doc("sak-2", "c", "ccc"), List.of(passage("sak-2", "c")));
            w.commit();
        }
        assertEquals(Set.of("aaa"), CaseHashes.read(index, "sak-1", memory));
        assertTrue(Files.isRegularFile(memory), "kept for the commit read");
        // The file is what answers while its commit is the last: a hash written into it is found, the index unread.
        List<String> lines = new ArrayList<>(Files.readAllLines(memory, StandardCharsets.UTF_8));
        lines.set(2, "2");
        lines.add("fff");
        Files.write(memory, lines, StandardCharsets.UTF_8);
        assertEquals(Set.of("aaa", "fff"), CaseHashes.read(index, "sak-1", memory));
        // A new commit: the file no longer answers; the index is read and the file written again.
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(index)) {
            w.add(doc("sak-1", "b", "bbb"), List.of());
            w.commit();
        }
        assertEquals(Set.of("aaa", "bbb"), CaseHashes.read(index, "sak-1", memory));
        assertEquals(Set.of("aaa", "bbb"), CaseHashes.read(index, "sak-1"));
        // The hashes in the file written again (its second line names the commit by a hex digest, which may itself
        // hold "fff", so only the hash lines are compared).
        List<String> kept = Files.readAllLines(memory, StandardCharsets.UTF_8);
        assertEquals(Set.of("aaa", "bbb"), Set.copyOf(kept.subList(3, kept.size())));
    }

    @Test
    void aFileCutShortOrOfAnIndexMadeAgainIsNotTrusted() throws Exception {
        Path index = tmp.resolve("index");
        Path memory = tmp.resolve("sak-1.txt");
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(index)) {
            w.add(doc("sak-1", "a", "aaa"), List.of(passage("sak-1", "a")));
            w.commit();
        }
        assertEquals(Set.of("aaa"), CaseHashes.read(index, "sak-1", memory));
        List<String> whole = Files.readAllLines(memory, StandardCharsets.UTF_8);
        Files.write(memory, whole.subList(0, whole.size() - 1), StandardCharsets.UTF_8);
        assertEquals(Set.of("aaa"), CaseHashes.read(index, "sak-1", memory), "cut short: the index is read");
        String commit = Files.readAllLines(memory, StandardCharsets.UTF_8).get(1);
        // The same index made again, with as many commits: its last segments file has the same name, not the same bytes.
        try (var files = Files.walk(index)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(index)) {
            w.add(doc("sak-1", "b", "bbb"), List.of(passage("sak-1", "b")));
            w.commit();
        }
        String again = CaseHashes.lastCommit(index);
        assertEquals(commit.split(" ")[0], again.split(" ")[0], "the same file name");
        assertFalse(commit.equals(again), "other bytes");
        assertEquals(Set.of("bbb"), CaseHashes.read(index, "sak-1", memory));
    }
}
