package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.fixture.EncryptedZips;

/** E-mails and zips in a bundle: each document they hold is a document of its own, cited inside its container. */
class ContainerIngestIT {
    @TempDir
    Path tmp;

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String mail(String attachmentName, String attachment) {
        return "From: Kari Berg <kari@fjordvik.kommune.no>\r\nTo: nav@fjordvik.kommune.no\r\n"
                + "Subject: =?UTF-8?Q?M=C3=B8tereferat?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"GRENSE\"\r\n\r\n"
                + "--GRENSE\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Hei! Her er referatet fra samarbeidsmøtet med barneverntjenesten.\r\n\r\n"
                + "--GRENSE\r\nContent-Type: text/plain; charset=UTF-8; name=\"" + attachmentName + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + attachmentName + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(utf8(attachment)) + "\r\n--GRENSE--\r\n";
    }

    @Test
    void attachmentsAndZippedFilesAreDocumentsOfTheirOwn() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle.resolve("journaler"));
        Files.createDirectories(bundle.resolve("klientdokumentasjon"));
        Files.writeString(bundle.resolve("journaler/brev.eml"),
                mail("referat.txt", "Tiltaksplanen ble evaluert i ansvarsgruppemøtet, og koordinator følger opp."));
        byte[] inner = zip(Map.of("b.txt", utf8("Barnevernet deltok i møtet om ettervern.")));
        Files.write(bundle.resolve("klientdokumentasjon/pakke.zip"),
                zip(Map.of("a.txt", utf8("NAV-veilederen deltok i ansvarsgruppen."), "indre.zip", inner)));
        byte[] deep = utf8("Dypt nede ligger et notat om taushetsplikt.");
        for (int level = 0; level < TikaExtractor.MAX_DEPTH + 2; level++) {
            deep = zip(Map.of(level == 0 ? "notat.txt" : "lag" + level + ".zip", deep));
        }
        Files.write(bundle.resolve("dyp.zip"), deep);

        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Receipt r = new Ingestion(home, new DocumentAnalyser(), 2).ingest("sak-1", bundle, ProgressListener.NONE);
        Map<String, ReceiptFile> files = r.files().stream().collect(Collectors.toMap(ReceiptFile::path, Function.identity()));

        ReceiptFile mail = files.get("journaler/brev.eml");
        assertEquals(ReceiptFile.INDEXED, mail.status());
        assertEquals(1, mail.passages(), "the body is the e-mail's own text");
        ReceiptFile attachment = files.get("journaler/brev.eml!/referat.txt");
        assertEquals(ReceiptFile.INDEXED, attachment.status());
        assertEquals("journal", attachment.type(), "an attachment has its e-mail's type");
        assertEquals(ReceiptFile.CONTAINER, files.get("klientdokumentasjon/pakke.zip").status());
        assertTrue(files.get("klientdokumentasjon/pakke.zip").reason().startsWith("an archive of 2 files"));
        assertEquals(ReceiptFile.INDEXED, files.get("klientdokumentasjon/pakke.zip!/a.txt").status());
        assertEquals(ReceiptFile.INDEXED, files.get("klientdokumentasjon/pakke.zip!/indre.zip!/b.txt").status());
        ReceiptFile tooDeep = r.files().stream().filter(f -> f.status().equals(ReceiptFile.FAILED)).findFirst().orElseThrow();
        assertTrue(tooDeep.path().startsWith("dyp.zip!/lag"), tooDeep.path());
        assertEquals(Reason.TOO_DEEP.text(), tooDeep.reason());
        assertEquals(1, r.counts().failed());
        assertEquals(8, r.counts().containers(), "pakke.zip, indre.zip, dyp.zip and the five levels opened in it: " + r.files());

        Receipt again = new Ingestion(home, new DocumentAnalyser(), 2).ingest("sak-1", bundle, ProgressListener.NONE);
        assertEquals(ReceiptFile.DUPLICATE, again.files().stream().filter(f -> f.path().equals("klientdokumentasjon/pakke.zip"))
                .findFirst().orElseThrow().status(), "an archive ingested before is a duplicate too");
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            SearchResult once = searcher.search(new SearchRequest("NAV-veilederen", "sak-1", null, 50));
            assertEquals(1, once.total(), "no passage twice after ingesting again");
            SearchHit hit = searcher.search(new SearchRequest("ansvarsgruppemøtet", "sak-1", null, 5)).hits().get(0);
            assertEquals("journaler/brev.eml!/referat.txt", hit.file());
            String text = searcher.document("sak-1", hit.docId()).orElseThrow().text();
            assertEquals(text.substring(hit.start(), hit.end()), hit.text());
        }
    }

    @Test
    void aZipWhoseOnlyEntryIsEncryptedIsAContainerNotADocument() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle/klientdokumentasjon"));
        Path zip = bundle.resolve("kryptert.zip");
        Files.write(zip, zip(Map.of("inner.txt", utf8("Notatet er låst med et passord."))));
        EncryptedZips.markEncrypted(zip, "inner.txt");
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Receipt r = new Ingestion(home, new DocumentAnalyser(), 1).ingest("sak-3", tmp.resolve("bundle"), ProgressListener.NONE);
        Map<String, ReceiptFile> files = r.files().stream().collect(Collectors.toMap(ReceiptFile::path, Function.identity()));

        ReceiptFile own = files.get("klientdokumentasjon/kryptert.zip");
        assertEquals(ReceiptFile.CONTAINER, own.status(), "no document whose text is its entry's name: " + r.files());
        assertEquals(0, own.passages());
        assertEquals(Reason.ENCRYPTED.text(), files.get("klientdokumentasjon/kryptert.zip!/inner.txt").reason());
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            assertEquals(0, searcher.search(new SearchRequest("inner.txt", "sak-3", null, 5)).total());
        }
    }

    @Test
    void aFailedFileIsRememberedAndNotReadAgainUnlessRetried() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle);
        Files.write(bundle.resolve("odelagt.docx"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 9, 9, 9, 9, 9, 9});
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Receipt first = new Ingestion(home, new DocumentAnalyser(), 1).ingest("sak-2", bundle, ProgressListener.NONE);
        ReceiptFile failed = first.files().get(0);
        assertEquals(ReceiptFile.FAILED, failed.status());
        assertTrue(Reason.isFixed(failed.reason()), failed.reason());

        Receipt again = new Ingestion(home, new DocumentAnalyser(), 1).ingest("sak-2", bundle, ProgressListener.NONE);
        ReceiptFile remembered = again.files().get(0);
        assertEquals(failed.reason(), remembered.reason(), "the same reason again");
        assertTrue(remembered.detail().startsWith("failed before with the same extractor; not read again"), remembered.detail());

        Receipt retried = new Ingestion(home, new DocumentAnalyser(), 1).retryFailed(true)
                .ingest("sak-2", bundle, ProgressListener.NONE);
        assertEquals(failed.reason(), retried.files().get(0).reason());
        assertEquals(failed.detail(), retried.files().get(0).detail(), "read again: the library's own words, not the memory's");
    }
}
