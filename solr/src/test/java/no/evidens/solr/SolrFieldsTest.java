package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

import no.evidens.index.IndexedDocument;
import no.evidens.index.PassageSchema;

/** A document's entries on Solr: its text in pieces of its own, the entry with its length, last. */
class SolrFieldsTest {

    private static IndexedDocument document(String text) {
        return new IndexedDocument("d1", "sak", "journaler/logg.txt", "journal", "Logg", "ab".repeat(32), "text/plain", text,
                List.of(0));
    }

    @Test
    void aLargeTextIsStoredInPiecesThatTileItAndTheEntryHoldsItsLengthOnly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * SolrFields.PIECE + 100; i++) {
            text.append("Kvittering ").append(i).append(" mottatt. ");
        }
        // a character of two halves (U+1F600) across the first piece's edge: no piece ends between its halves
        text.replace(SolrFields.PIECE - 1, SolrFields.PIECE + 1, "\uD83D\uDE00");
        IndexedDocument doc = document(text.toString());
        List<SolrInputDocument> block = SolrFields.block(doc, List.of());
        assertEquals(5, block.size(), "four pieces and the entry");
        StringBuilder joined = new StringBuilder();
        for (SolrInputDocument piece : block.subList(0, 4)) {
            String part = (String) piece.getFieldValue(PassageSchema.DOC_TEXT);
            assertEquals(SolrFields.KIND_PIECE, piece.getFieldValue(PassageSchema.KIND));
            assertEquals(joined.length(), piece.getFieldValue(PassageSchema.START));
            assertEquals((long) joined.length(), piece.getFieldValue(PassageSchema.SORT_START));
            assertEquals(joined.length() + part.length(), piece.getFieldValue(PassageSchema.END));
            assertEquals("sak/d1", piece.getFieldValue(PassageSchema.DOC_KEY), "deleted with the document");
            assertTrue(part.length() <= SolrFields.PIECE);
            assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)), "ends inside a character");
            joined.append(part);
        }
        assertEquals(SolrFields.PIECE - 1, block.get(0).getFieldValue(PassageSchema.END));
        assertEquals(doc.text(), joined.toString());
        SolrInputDocument entry = block.get(4);
        assertEquals(PassageSchema.KIND_DOCUMENT, entry.getFieldValue(PassageSchema.KIND));
        assertNull(entry.getFieldValue(PassageSchema.DOC_TEXT), "the text only in its pieces");
        assertEquals(doc.text().length(), entry.getFieldValue(PassageSchema.END));
    }

    @Test
    void anEmptyTextHasNoPiece() {
        List<SolrInputDocument> block = SolrFields.block(document(""), List.of());
        assertEquals(1, block.size());
        assertEquals(0, block.get(0).getFieldValue(PassageSchema.END));
    }

    /** Round 51 (c): the marker tells the document's type, by which case delete-records finds a half-written journal. */
    @Test
    void aMarkerHoldsTheDocumentsCaseKeyAndType() {
        SolrInputDocument marker = SolrFields.pending(document("Journalnotat."), Instant.parse("2026-12-06T14:02:11.250Z"), "4242@arkiv1");
        assertEquals(SolrFields.KIND_PENDING, marker.getFieldValue(PassageSchema.KIND));
        assertEquals(SolrFields.docKey("sak", "d1"), marker.getFieldValue(PassageSchema.DOC_KEY));
        assertEquals("journal", marker.getFieldValue(PassageSchema.TYPE));
        // and its file, which delete-records deletes from the bundle as a whole journal's
        assertEquals(document("Journalnotat.").file(), marker.getFieldValue(PassageSchema.FILE));
        assertEquals(document("Journalnotat.").sha256(), marker.getFieldValue(PassageSchema.SHA256));
    }

    /**
     * Round 52: the marker holds when its writing began and by which process, in fields every config set has, and reads
     * back as such; a marker written before (no time) or with a time this code did not write reads as of unknown age.
     */
    @Test
    void aMarkerHoldsWhenItsWritingBeganAndAnOlderOneHasNoAge() {
        Instant began = Instant.parse("2026-12-06T14:02:11.250Z");
        SolrInputDocument marker = SolrFields.pending(document("Journalnotat."), began, "4242@arkiv1");
        assertEquals("2026-12-06T14:02:11.250Z", marker.getFieldValue(PassageSchema.DATE));
        assertEquals("4242@arkiv1", marker.getFieldValue(PassageSchema.TITLE));
        SolrDocument read = new SolrDocument();
        marker.forEach(f -> read.setField(f.getName(), f.getValue()));
        HalfWritten back = SolrFields.halfWritten(read);
        assertEquals(new HalfWritten("sak", "d1", began, "4242@arkiv1"), back);
        assertEquals(Optional.of(Duration.ofMinutes(90)), back.age(began.plus(Duration.ofMinutes(90))));
        for (String time : new String[] {null, "2026-12-06"}) {
            read.setField(PassageSchema.DATE, time);
            read.removeFields(PassageSchema.TITLE);
            assertEquals(new HalfWritten("sak", "d1", null, null), SolrFields.halfWritten(read), time);
            assertEquals(Optional.empty(), SolrFields.halfWritten(read).age(began));
        }
    }
}
