package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.EncryptedZips;
import no.evidens.pipeline.fixture.SpoiltZips;

/** Containers opened whole, and every failure inside them said with a fixed reason. */
class ContainerExtractionTest {
    @TempDir
    Path tmp;

    private final TikaExtractor tika = new TikaExtractor(1_000_000, false);

    private static Map<String, Extraction.Embedded> byName(Extraction e) {
        return e.embedded().stream().collect(Collectors.toMap(Extraction.Embedded::name, Function.identity()));
    }

    @Test
    void aZipBombIsRefusedOnItsDeclaredSizesBeforeAnythingIsUnpacked() throws Exception {
        Path zip = tmp.resolve("bombe.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("nuller.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
            out.closeEntry();
            out.putNextEntry(new ZipEntry("notat.txt"));
            out.write("Et kort notat.".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        // refused before anything is unpacked: the 200 MB entry's data spoilt, any attempt to inflate it would fail
        SpoiltZips.spoilData(zip, "nuller.txt");
        Extraction e = tika.extract(zip);
        Map<String, Extraction.Embedded> parts = byName(e);
        assertEquals(Reason.ZIP_BOMB, parts.get("nuller.txt").reason());
        assertEquals(Reason.ZIP_BOMB, parts.get("notat.txt").reason(), "every entry is listed");
        assertTrue(parts.get("nuller.txt").problem().contains("zip bomb"));
    }

    @Test
    void anEncryptedEntryOfAZipIsListedAsEncrypted() throws Exception {
        Path zip = tmp.resolve("delvis-kryptert.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("apen.txt"));
            out.write("Tiltaksplanen er fulgt opp.".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("hemmelig.txt"));
            out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
            out.closeEntry();
        }
        EncryptedZips.markEncrypted(zip, "hemmelig.txt");
        Extraction e = tika.extract(zip);
        Map<String, Extraction.Embedded> parts = byName(e);
        assertTrue(parts.get("apen.txt").extraction().text().contains("Tiltaksplanen"), parts.toString());
        assertEquals(Reason.ENCRYPTED, parts.get("hemmelig.txt").reason(), parts.toString());
        assertEquals("", e.text().strip(), "the zip's own text is not the encrypted entry's name");
    }

    @Test
    void aZipWhoseOnlyEntryIsEncryptedHasNoTextOfItsOwn() throws Exception {
        Path zip = tmp.resolve("kryptert.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("inner.txt"));
            out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
            out.closeEntry();
        }
        EncryptedZips.markEncrypted(zip, "inner.txt");
        Extraction e = tika.extract(zip);
        // the entry's name is no text of the zip's: a zip with no text of its own is a container, not a document
        assertEquals("", e.text().strip(), "the zip's own text");
        assertEquals(Reason.ENCRYPTED, byName(e).get("inner.txt").reason(), e.embedded().toString());
    }

    @Test
    void aBrokenZipIsDamagedNotEmpty() throws Exception {
        Path zip = tmp.resolve("odelagt.zip");
        byte[] head = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        Files.write(zip, head);
        ExtractionException e = assertThrows(ExtractionException.class, () -> tika.extract(zip));
        assertEquals(Reason.DAMAGED, e.reason(), e.getMessage() + " / " + e.detail());
        assertTrue(Reason.isFixed(e.getMessage()), "the reason is a fixed sentence, the library's words go to detail");
    }

    @Test
    void randomBytesNamedTxtAreRefusedAsNotText() throws Exception {
        Path txt = tmp.resolve("tilfeldig.txt");
        byte[] bytes = new byte[20_000];
        new Random(13).nextBytes(bytes);
        Files.write(txt, bytes);
        ExtractionException e = assertThrows(ExtractionException.class, () -> tika.extract(txt));
        assertTrue(e.reason() == Reason.NOT_TEXT || e.reason() == Reason.NO_TEXT, e.getMessage());
    }

    @Test
    void windows1252SmartQuotesInAShortTextAreDecodedRight() throws Exception {
        Path txt = tmp.resolve("sitat.txt");
        Files.write(txt, "Hun sa \u201cvi f\u00f8lger opp\u201d i m\u00f8tet.\n".getBytes(Charset.forName("windows-1252")));
        String text = tika.extract(txt).text();
        assertTrue(text.contains("\u201cvi f\u00f8lger opp\u201d"), text);
    }

    @Test
    void anEmlThatStartsWithAnMboxLineStaysOneEmailWithItsSubjectAsHeading() throws Exception {
        Path eml = tmp.resolve("melding.eml");
        writeMail(eml, "From kari@example.no Mon Mar  3 10:00:00 2025\n");
        Extraction e = tika.extract(eml);
        assertTrue(e.mediaType().startsWith("message/rfc822"), e.mediaType());
        assertTrue(e.text().startsWith("Oppfølging av tilsynet"), e.text());
        assertTrue(e.text().contains("Vi har fulgt opp avviket."), e.text());
        assertEquals("vedlegg.txt", e.embedded().get(0).name());
        assertNull(e.embedded().get(0).reason());
    }

    @Test
    void eachMessageOfAnMboxIsADocumentWithItsAttachments() throws Exception {
        Path mbox = tmp.resolve("postkasse.mbox");
        writeMail(mbox, "From kari@example.no Mon Mar  3 10:00:00 2025\n");
        byte[] first = Files.readAllBytes(mbox);
        try (OutputStream out = Files.newOutputStream(mbox, java.nio.file.StandardOpenOption.APPEND)) {
            out.write("\n".getBytes(StandardCharsets.US_ASCII));
            out.write(first);
        }
        Extraction e = tika.extract(mbox);
        assertEquals(2, e.embedded().size(), e.embedded().toString());
        for (Extraction.Embedded message : e.embedded()) {
            assertTrue(message.extraction().text().contains("Vi har fulgt opp avviket."), message.toString());
            assertEquals(1, message.extraction().embedded().size(), "the attachment of " + message.name());
        }
    }

    private static void writeMail(Path file, String fromLine) throws IOException {
        String mail = fromLine
                + "From: Kari <kari@example.no>\n"
                + "To: tilsyn@example.no\n"
                + "Subject: =?UTF-8?Q?Oppf=C3=B8lging_av_tilsynet?=\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain; charset=UTF-8\n\nVi har fulgt opp avviket.\n"
                + "--b1\nContent-Type: text/plain; charset=UTF-8\nContent-Disposition: attachment; filename=\"vedlegg.txt\"\n\n"
                + "Tiltaksplan for tjenesten.\n--b1--\n";
        Files.writeString(file, mail, StandardCharsets.UTF_8);
    }
}
