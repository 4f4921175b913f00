package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.index.StoredFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot's reader of stored fields is kept per thread: the same one for every call on a thread, another on each
 * other thread, each reading the right entries; a later snapshot has readers of its own that see its new entries.
 */
class IndexSnapshotStoredFieldsTest {
    @TempDir
    Path dir;

    private void commit(String docId, int passages) throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            StringBuilder text = new StringBuilder();
            List<Passage> list = new ArrayList<>();
            for (int i = 0; i < passages; i++) {
                String p = "Tilsynet fant at kommunen ikke fulgte opp avvik nummer " + i + " i " + docId + ".";
                int start = text.length();
                text.append(p).append("\n\n");
                list.add(new Passage(Passage.idOf("sak", docId, i), "sak", docId, docId + ".txt", "journal", "A", "Funn", 1,
                        start, start + p.length(), p, List.of(), List.of()));
            }
            w.add(new IndexedDocument(docId, "sak", docId + ".txt", "journal", "A", "sha" + docId, "text/plain",
                    text.toString().strip(), List.of(0)), list);
            w.commit();
        }
    }

    /** The passage ids of every entry of {@code s} that is a passage, read with {@code stored}. */
    private static List<String> ids(IndexSnapshot s, StoredFields stored) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int doc = 0; doc < s.getIndexReader().maxDoc(); doc++) {
            String id = stored.document(doc).get(PassageSchema.ID);
            // A passage id ends in its number (case/document/number); a whole document's entry is not a passage.
            if (id != null && id.matches(".*/[0-9]+")) {
                ids.add(id);
            }
        }
        ids.sort(null);
        return ids;
    }

    @Test
    void oneReaderPerThreadAndSnapshot() throws Exception {
        commit("d1", 40);
        try (SnapshotSource source = new SnapshotSource(dir, NorwegianAnalysis.queryAnalyzer(null))) {
            IndexSnapshot first = source.acquire();
            List<String> expected = ids(first, first.getIndexReader().storedFields());
            assertEquals(40, expected.size());
            StoredFields here = first.storedFields();
            assertSame(here, first.storedFields());
            assertEquals(expected, ids(first, here));
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<Future<StoredFields>> other = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    other.add(threads.submit(() -> {
                        StoredFields mine = first.storedFields();
                        for (int round = 0; round < 20; round++) {
                            assertEquals(expected, ids(first, first.storedFields()));
                        }
                        assertSame(mine, first.storedFields());
                        return mine;
                    }));
                }
                for (Future<StoredFields> f : other) {
                    assertNotSame(here, f.get());
                }
            } finally {
                threads.shutdown();
            }
            source.release(first);

            commit("d2", 5);
            IndexSnapshot second = source.acquire();
            try {
                assertNotSame(here, second.storedFields());
                assertEquals(45, ids(second, second.storedFields()).size());
            } finally {
                source.release(second);
            }
        }
    }
}
