package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Containers from Apache Tika's own test documents ({@code ../shared/peer-corpus}, read from there, never
 * copied): documents inside OLE files and PST mailboxes, which Tika hands over as folders, not bytes;
 * archives that hold themselves (no test can make one: a quine is crafted by hand).
 */
class PeerCorpusContainersTest {
    private final TikaExtractor tika = new TikaExtractor(1_000_000, false);

    private static Path peer(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/peer-corpus/tika-test-documents").resolve(file);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("../shared/peer-corpus is needed for this test: " + file);
    }

    private static Map<String, Extraction.Embedded> byName(Extraction e) {
        return e.embedded().stream().collect(Collectors.toMap(Extraction.Embedded::name, Function.identity()));
    }

    @Test
    void anOutlookMessageAttachedToAnotherIsReadNotEmpty() throws Exception {
        Extraction.Embedded attached = byName(tika.extract(peer("microsoft/testMSG_att_msg.msg"))).get("Test Attachment.msg");
        assertNotNull(attached.extraction(), attached.problem());
        assertTrue(attached.extraction().text().contains("Nick Booth"), attached.extraction().text());
    }

    @Test
    void eachMessageOfAPstMailboxIsADocument() throws Exception {
        Extraction pst = tika.extract(peer("microsoft/testPST.pst"));
        assertEquals(7, pst.embedded().size());
        for (Extraction.Embedded message : pst.embedded()) {
            assertNotNull(message.extraction(), message.name() + ": " + message.problem());
        }
    }

    @Test
    void aPresentationEmbeddedInAWorkbookIsADocumentOfItsOwn() throws Exception {
        Extraction.Embedded ppt = byName(tika.extract(peer("microsoft/testEXCEL_embeded.xls"))).get("MBD0003271D.ppt");
        assertNotNull(ppt.extraction(), ppt.problem());
        assertTrue(ppt.extraction().text().contains("quick brown fox"), ppt.extraction().text());
    }

    @Test
    void aZipThatHoldsItselfIsOpenedOnceAndItsCopyListedAsSuch() throws Exception {
        Map<String, Extraction.Embedded> inside = byName(tika.extract(peer("pkg/droste.zip")));
        assertEquals(java.util.Set.of("droste.jpg", "droste.zip"), inside.keySet());
        assertEquals(Reason.CONTAINS_ITSELF, inside.get("droste.zip").reason());
        assertEquals(Sha256.of(peer("pkg/droste.zip")), inside.get("droste.zip").sha256());
    }

    @Test
    void aGzipThatUnpacksToItselfIsOpenedOnce() throws Exception {
        Extraction quine = tika.extract(peer("pkg/quine.gz"));
        assertEquals(1, quine.embedded().size());
        assertEquals(Reason.CONTAINS_ITSELF, quine.embedded().get(0).reason());
    }
}
