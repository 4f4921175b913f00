package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many passages read by id at once (a group overview's quotations): the same passages as reading each by itself, over
 * documents in several segments, one written out of order and one written again; ids that name no passage left out,
 * one asked for twice there once, and more ids than a Solr request takes answered whole.
 */
class EvidenceSearcherPassagesTest {
    @TempDir
    Path dir;

    private static Passage passage(String caseId, String docId, int n) {
        String text = "Barnevernet vurderte samarbeid med skolen, avsnitt " + n;
        return new Passage(Passage.idOf(caseId, docId, n), caseId, docId, docId + ".txt", "journal", "Tittel", "", 1,
                100 * n, 100 * n + text.length(), text, List.of(), List.of(), List.of(), Map.of());
    }

    private static IndexedDocument document(String caseId, String docId) {
        return new IndexedDocument(docId, caseId, docId + ".txt", "journal", "Tittel " + docId, "sha-" + docId, "text/plain", "Tekst.", List.of(0));
    }

    private static List<Passage> numbered(String caseId, String docId, int... numbers) {
        List<Passage> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(passage(caseId, docId, n));
        }
        return out;
    }

    /** What reading each id by itself gives: the passages found, by id, in the order asked, each once. */
    private static Map<String, String> oneByOne(EvidenceSearcher s, List<String> ids) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            if (!out.containsKey(id)) {
                s.passage(id).ifPresent(h -> out.put(id, h.text()));
            }
        }
        return out;
    }

    private static Map<String, String> texts(Map<String, SearchHit> hits) {
        Map<String, String> out = new LinkedHashMap<>();
        hits.forEach((id, h) -> {
            assertEquals(id, h.passageId());
            out.put(id, h.text());
        });
        return out;
    }

    @Test
    void manyPassagesAtOnceAreThoseReadOneByOne() throws IOException {
        int many = 700; // more than one Solr request asks for
        int[] all = new int[many];
        for (int i = 0; i < many; i++) {
            all[i] = i;
        }
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(document("sak-1", "a"), numbered("sak-1", "a", 0, 1, 2, 3));
            w.add(document("sak-1", "b"), numbered("sak-1", "b", 2, 0));
            w.commit();
            w.add(document("sak-2", "a"), numbered("sak-2", "a", all));
            w.commit();
            // written again: the first copy's passages are deleted, not merged away
            w.replace(document("sak-1", "b"), numbered("sak-1", "b", 2, 0, 1));
            w.commit();
        }
        List<String> ids = new ArrayList<>(List.of("sak-2/a/7", "sak-1/a/3", "sak-1/b/2", "sak-1/b/0", "sak-1/b/1", "sak-1/a/0",
                "sak-1/a/3", "sak-1/a/4", "sak-1/a/x", "sak-1/a/03", "sak-1/c/0", "uten-skråstrek", "sak-3/a/0"));
        for (int i = many - 1; i >= 0; i--) {
            ids.add("sak-2/a/" + i);
        }
        ids.add("sak-2/a/" + many);
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            Map<String, String> expected = oneByOne(s, ids);
            assertEquals(5 + many, expected.size(), "the test's own count: the ids of passages, each once");
            Map<String, SearchHit> batch = s.passages(ids);
            assertEquals(expected, texts(batch));
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(batch.keySet()), "in the order first asked for");
            assertEquals(Map.of(), s.passages(List.of()));
            assertEquals(Map.of(), s.passages(List.of("sak-1/a/9", "sak-1/a/-1")));
        }
    }
}
