package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.ProvenanceOut;

/**
 * An import takes back a quotation whose personal numbers the export masked when the export's masking of the indexed
 * text at its offsets gives exactly the exported quotation, and refuses it otherwise.
 */
class ImportedCitationsTest {
    private static final String CASE = "sak-1";
    private static final String DOC = "0123456789abcdef";
    private static final String BEFORE = "Journalnotat.\n\n";
    private static final String AFTER = "\n\nSlutt på notatet.";

    /** The quotation {@code exported} imported into a home whose index holds {@code source} at its offsets. */
    private static String imported(String exported, String source) {
        return citations(BEFORE + source + AFTER).cited("avvik-1", quotation(exported, source.length(), "journal.txt", "Journal"))
                .quote();
    }

    private static ImportedCitations citations(String text) {
        IndexedDocument doc = new IndexedDocument(DOC, CASE, "journaler/notat-01017012345.txt", "journal",
                "Journal for 41017012345", "ab12", "text/plain", text, List.of(0));
        return new ImportedCitations((caseId, docId) -> Optional.of(doc).filter(d -> caseId.equals(CASE) && docId.equals(DOC)), CASE);
    }

    private static EvidenceOut quotation(String quote, int length, String file, String title) {
        int start = BEFORE.length();
        return new EvidenceOut(7, 2, "supports", quote, title + ", journal, side 1", new Citation(title, file, "journal", DOC, 1, 1,
                start, start + length), CASE + "/" + DOC + "/1", CASE + "/" + DOC + "/1", "ab12", "/bunter/sak-1", null,
                new ProvenanceOut(null, Map.of()), "kari", "2026-12-01T10:00:00Z", null);
    }

    @Test
    void eachShapeOfMaskTheExportWritesIsTakenBackAsTheSourceHoldsIt() {
        for (String[] pair : List.of(
                new String[] {"Pasient: Roar. Fødselsnummer: 01017012345.", "Pasient: Roar. Fødselsnummer: [fødselsnummer]."},
                new String[] {"Gutten har D-nummer 41017012345 hos NAV.", "Gutten har D-nummer [d-nummer] hos NAV."},
                new String[] {"Far har H-nummer 01417012345 på legevakten.", "Far har H-nummer [h-nummer] på legevakten."},
                new String[] {"Mor (010170-12345) ringte.", "Mor ([fødselsnummer]) ringte."},
                new String[] {"Mor (010170 12345) ringte.", "Mor ([fødselsnummer]) ringte."},
                new String[] {"Mor (010170 123 45) ringte.", "Mor ([fødselsnummer]) ringte."},
                new String[] {"Mor, fnr 010170\n12345, ringte.", "Mor, fnr [fødselsnummer], ringte."},
                new String[] {"Mor 01017012345 og far 01417012345.", "Mor [fødselsnummer] og far [h-nummer]."})) {
            String source = pair[0];
            String exported = NationalIds.mask(source);
            assertEquals(pair[1], exported, "the export's own mask");
            assertEquals(source, imported(exported, source), source);
        }
    }

    @Test
    void aMaskWhereTheSourceHoldsNoPersonalNumberOrAnotherKindIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> imported("Konto [fødselsnummer] i banken.", "Konto 12345678901 i banken."));
        assertEquals("quotation 2 of avvik-1 (journal.txt, characters 15–42) holds a masked personal number, but the text of"
                + " document " + DOC + " in this home's index differs from it at those characters in more than the masked numbers:"
                + " it is not the text quoted; nothing was imported", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> imported("Gutten har [d-nummer].", "Gutten har 01017012345."));
    }

    @Test
    void aMaskedQuotationWhoseOtherWordsDifferIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> imported("Pasient: Roar Storvik. Fødselsnummer: [fødselsnummer].",
                "Pasient: Roar Storvig. Fødselsnummer: 01017012345."));
        assertThrows(IllegalArgumentException.class, () -> imported("Mor [fødselsnummer] ringte.", "Mor 01017012345 ringer."));
    }

    @Test
    void aMaskedQuotationWhoseDocumentIsNotInTheIndexIsRefusedSayingSo() {
        ImportedCitations none = new ImportedCitations(ImportedCitations.Documents.NONE, CASE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> none.cited("merknad-3", quotation("Mor [fødselsnummer] ringte.", 23, "journal.txt", "Journal")));
        assertEquals("quotation 2 of merknad-3 (journal.txt, characters 15–38) holds a masked personal number, and its document "
                + DOC + " is not in this home's index: ingest the case's bundle here, then import again; nothing was imported",
                e.getMessage());
    }

    @Test
    void aQuotationWithoutAMaskIsImportedAsExportedWithoutReadingTheIndex() {
        ImportedCitations unread = new ImportedCitations((caseId, docId) -> {
            throw new AssertionError("the index is read for " + docId);
        }, CASE);
        ImportedCitations.Cited cited = unread.cited("avvik-1", quotation("Mor ringte.", 11, "journal.txt", "Journal"));
        assertEquals(new ImportedCitations.Cited("Mor ringte.", "Journal", "journal.txt"), cited);
    }

    @Test
    void aMaskedTitleAndFileAreTakenBackFromTheIndexedDocument() {
        String source = "Mor 01017012345 ringte.";
        ImportedCitations.Cited cited = citations(BEFORE + source + AFTER).cited("avvik-1", quotation(NationalIds.mask(source),
                source.length(), "journaler/notat-[fødselsnummer].txt", "Journal for [d-nummer]"));
        assertEquals(new ImportedCitations.Cited(source, "Journal for 41017012345", "journaler/notat-01017012345.txt"), cited);
    }
}
