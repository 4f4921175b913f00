package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/** A receipt's reasons in the user's language: duplicates and containers as well as failures; the stored English kept as it is. */
class ReceiptWordsTest {
    private static ReceiptFile line(String status, String reason) {
        return new ReceiptFile("a/b.txt", "ab", "journal", status, reason, null, 0, 0);
    }

    @Test
    void everyKindOfLineIsWordedInBokmålAndNynorsk() {
        Texts nb = Texts.of(Language.NB);
        Texts nn = Texts.of(Language.NN);
        assertEquals("dublett: det samme innholdet som journaler/notat.txt",
                ReceiptWords.reason(line(ReceiptFile.DUPLICATE, ReceiptFile.duplicateReason("journaler/notat.txt")), nb));
        assertEquals("dublett: det same innhaldet finst alt i saka", ReceiptWords.reason(line(ReceiptFile.DUPLICATE, ReceiptFile.duplicateReason(null)), nn));
        assertEquals("dublett: det samme innholdet finnes allerede i saken, men dokumenter i det manglet: lest på nytt",
                ReceiptWords.reason(line(ReceiptFile.DUPLICATE, ReceiptFile.DUPLICATE_READ_AGAIN), nb));
        assertEquals("dublett: det same innhaldet finst alt i saka, men dokument i det manglar: ikkje lese på nytt"
                + " (ingest --retry-failed les det på nytt)", ReceiptWords.reason(line(ReceiptFile.DUPLICATE, ReceiptFile.DUPLICATE_INCOMPLETE), nn));
        assertEquals("arkiv med 3 filer, kvar på si eiga linje", ReceiptWords.reason(line(ReceiptFile.CONTAINER, ReceiptFile.containerReason(3)), nn));
        assertEquals("arkiv med én fil, som har sin egen linje", ReceiptWords.reason(line(ReceiptFile.CONTAINER, ReceiptFile.containerReason(1)), nb));
        assertEquals(nb.get("reason.empty"), ReceiptWords.reason(line(ReceiptFile.FAILED, Reason.EMPTY.text()), nb));
        assertEquals(nb.get("reason.unexpected"), ReceiptWords.reason(line(ReceiptFile.FAILED, "java.io.IOException: disk full"), nb),
                "a reason that is not one of the fixed sentences is never shown as it stands");
        assertNull(ReceiptWords.reason(line(ReceiptFile.INDEXED, null), nb));
    }

    @Test
    void theStoredReceiptIsKeptAndTheWordsAreBesideIt() {
        ReceiptFile dup = line(ReceiptFile.DUPLICATE, ReceiptFile.duplicateReason(null));
        Receipt r = new Receipt("sak-1", "b.zip", null, List.of(dup), new Receipt.Counts(0, 1, 0, 0));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = ((List<Map<String, Object>>) ReceiptWords.shown(r, Texts.of(Language.NB)).get("files")).get(0);
        assertEquals("the same content is already in this case", file.get("reason"));
        assertEquals("dublett: det samme innholdet finnes allerede i saken", file.get("reasonText"));
        assertEquals("sak-1", ReceiptWords.shown(r, Texts.of(Language.NB)).get("case"));
    }

    @Test
    void aNewVersionIsSaidInBokmålAndNynorskBesideItsReason() {
        ReceiptFile indexed = new ReceiptFile("journaler/notat.txt", "ab", "journal", ReceiptFile.INDEXED, null, null, 1, 2, "9d5e2fa0ded7aa11");
        ReceiptFile back = new ReceiptFile("journaler/notat.txt", "ab", "journal", ReceiptFile.DUPLICATE, ReceiptFile.duplicateReason(null),
                null, 0, 0, "78eb8afc76e4bb22");
        Receipt r = new Receipt("sak-1", "b.zip", null, List.of(indexed, back), new Receipt.Counts(1, 1, 0, 0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nb = (List<Map<String, Object>>) ReceiptWords.shown(r, Texts.of(Language.NB)).get("files");
        assertEquals("ny versjon av dokument 9d5e2fa0ded7aa11 (samme sti i bunken, annet innhold)", nb.get(0).get("reasonText"));
        assertEquals("9d5e2fa0ded7aa11", nb.get(0).get("newVersionOf"));
        assertEquals("dublett: det samme innholdet finnes allerede i saken; ny versjon av dokument 78eb8afc76e4bb22 (samme sti i bunken, "
                + "annet innhold)", nb.get(1).get("reasonText"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nn = (List<Map<String, Object>>) ReceiptWords.shown(r, Texts.of(Language.NN)).get("files");
        assertEquals("ny versjon av dokument 9d5e2fa0ded7aa11 (same sti i bunken, anna innhald)", nn.get(0).get("reasonText"));
    }
}
