package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passage's values (all but its text) are stored as one encoded value and read back as hits with every value they
 * had; an index whose passages were written before, each value in a stored field of its own, is read as it was and
 * takes new passages beside them.
 */
class StoredPassageTest {
    private static final IndicatorReason REASON = new IndicatorReason("taushetsplikt", IndicatorReason.PATTERN, 1.0,
            List.of("taushetsplikt"), List.of("Taushetsplikten"));

    @TempDir
    Path dir;

    /** A made-up passage with a value in every stored slot (two quotations, laws written in capitals). */
    private static Passage passage(String docId, int n) {
        String text = "Taushetsplikten ble drøftet med «fastlegen» og «helsesykepleier» nr " + n;
        int start = 40 * n + 7;
        return new Passage(Passage.idOf("sak-1", docId, n), "sak-1", docId, "mappe/" + docId + ".docx", "Journal",
                "Møtereferat æøå", "Samarbeid om ettervern", n + 2, start, start + text.length(), text,
                List.of("fastlegen", "helsesykepleier"), List.of("taushetsplikt", "samarbeidsarena"),
                List.of("Barnevernloven", "forvaltningsloven"),
                Map.of(PassageSchema.MUNICIPALITY, " Fjordvik ", PassageSchema.YEAR, "2024", PassageSchema.DATE,
                        "2024-03-05T10:00"),
                List.of(REASON));
    }

    private static IndexedDocument document(String docId) {
        return new IndexedDocument(docId, "sak-1", "mappe/" + docId + ".docx", "Journal", "Møtereferat æøå",
                "sha-" + docId, "text/plain", "Tekst.", List.of(0));
    }

    /** The hit a user is shown for {@code p} (looked up by id): every stored value, the type and laws as indexed. */
    private static SearchHit expected(Passage p) {
        return new SearchHit(p.passageId(), p.caseId(), p.docId(), p.file(), "journal", p.title(), p.heading(), p.page(),
                p.start(), p.end(), p.text(), 0, p.quotes(), p.indicators(), List.of("barnevernloven", "forvaltningsloven"),
                List.of(), List.of(), List.of(REASON));
    }

    @Test
    void aPassageIsStoredAsItsEncodedValuesAndItsTextAndReadBackWhole() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(document("a"), List.of(passage("a", 0), passage("a", 1)));
            w.commit();
        }
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            LeafReader leaf = reader.leaves().get(0).reader();
            Document stored = leaf.storedFields().document(0);
            Set<String> names = new TreeSet<>();
            for (IndexableField f : stored.getFields()) {
                names.add(f.name());
            }
            assertEquals(Set.of(PassageSchema.STORED, PassageSchema.TEXT), names);
            StoredPassage values = StoredPassage.of(stored);
            assertEquals("2024-03-05", values.date());
            assertEquals(Map.of(PassageSchema.MUNICIPALITY, "fjordvik", PassageSchema.YEAR, "2024"), values.documentFacets());
            assertNull(StoredPassage.of(leaf.storedFields().document(2)), "the document's own entry is no passage");
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(expected(passage("a", 1)), s.passage("sak-1/a/1").orElseThrow());
            assertEquals(List.of(expected(passage("a", 0)), expected(passage("a", 1))), s.passagesOf("sak-1", "a"));
            SearchHit found = s.search(new SearchRequest("fastlegen", "sak-1", null, 10)).hits().get(0);
            assertEquals(List.of("fastlegen", "helsesykepleier"), found.quotes());
            assertEquals(List.of(REASON), found.indicatorReasons());
            assertEquals("Samarbeid om ettervern", found.heading());
        }
    }

    /** A passage as it was written before its values were encoded: each in a stored field of its own. */
    private static Document writtenBefore(Passage p) {
        Document d = PassageSchema.toDocument(p);
        d.removeFields(PassageSchema.STORED);
        for (String[] f : new String[][] {{PassageSchema.ID, p.passageId()}, {PassageSchema.CASE, p.caseId()},
                {PassageSchema.DOC, p.docId()}, {PassageSchema.FILE, p.file()}, {PassageSchema.TYPE, "journal"},
                {PassageSchema.TITLE, p.title()}, {PassageSchema.HEADING, p.heading()}}) {
            d.add(new StoredField(f[0], f[1]));
        }
        d.add(new StoredField(PassageSchema.PAGE, p.page()));
        d.add(new StoredField(PassageSchema.START, p.start()));
        d.add(new StoredField(PassageSchema.END, p.end()));
        p.quotes().forEach(q -> d.add(new StoredField(PassageSchema.QUOTE, q)));
        p.indicators().forEach(i -> d.add(new StoredField(PassageSchema.INDICATOR, i)));
        p.indicatorReasons().forEach(r -> d.add(new StoredField(PassageSchema.INDICATOR_WHY, r.encode())));
        p.laws().forEach(l -> d.add(new StoredField(PassageSchema.LAW, l.toLowerCase(java.util.Locale.ROOT))));
        return d;
    }

    @Test
    void passagesWrittenBeforeAreReadAsTheyWereBesideNewOnes() throws IOException {
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(NorwegianAnalysis.analyzer()))) {
            w.addDocuments(List.of(writtenBefore(passage("a", 0)), writtenBefore(passage("a", 1)),
                    PassageSchema.toDocument(document("a"))));
            w.commit();
        }
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(document("b"), List.of(passage("b", 0)));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(expected(passage("a", 1)), s.passage("sak-1/a/1").orElseThrow());
            assertEquals(expected(passage("b", 0)), s.passage("sak-1/b/0").orElseThrow());
            assertEquals(List.of(expected(passage("a", 0)), expected(passage("a", 1))), s.context("sak-1/a/0", 0, 1));
            SearchResult found = s.search(new SearchRequest("fastlegen", "sak-1", null, 10));
            assertEquals(Set.of("sak-1/a/0", "sak-1/a/1", "sak-1/b/0"),
                    Set.copyOf(found.hits().stream().map(SearchHit::passageId).toList()));
            assertEquals(List.of(REASON), found.hits().get(0).indicatorReasons());
        }
    }
}
