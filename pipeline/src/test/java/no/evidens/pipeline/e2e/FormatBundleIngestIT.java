package no.evidens.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.corpus.FormatBundle;
import no.evidens.corpus.FormatDocument;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * Every format an audit bundle holds, and a folder of broken and hostile files, through the whole
 * ingestion: every document accounted for with the right outcome, quotations exact, the batch whole.
 */
class FormatBundleIngestIT {
    @TempDir
    Path tmp;

    @Test
    void everyFileIsIndexedOrFailedForTheRightReason() throws Exception {
        Path bundle = tmp.resolve("bundle");
        FormatBundle.writeTo(bundle);
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Receipt receipt = new Ingestion(home).ingest("formater", bundle, ProgressListener.NONE);
        Map<String, ReceiptFile> rows = receipt.files().stream()
                .collect(Collectors.toMap(ReceiptFile::path, Function.identity()));
        boolean ocr = TikaExtractor.tesseractInstalled();
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            for (FormatDocument d : FormatBundle.documents()) {
                ReceiptFile row = rows.get(d.path());
                assertTrue(row != null, "the receipt accounts for " + d.path());
                switch (d.expectedStatus()) {
                    case FormatDocument.CONTAINER -> assertTrue(row.reason().startsWith("an archive"), d.path());
                    case FormatDocument.FAILED -> {
                        // A refused archive is opened, and what is refused inside it says why.
                        List<ReceiptFile> own = receipt.files().stream()
                                .filter(f -> f.path().equals(d.path()) || f.path().startsWith(d.path() + "!/")).toList();
                        assertTrue(own.stream().anyMatch(f -> f.status().equals(ReceiptFile.FAILED)
                                && f.reason().contains(d.reasonKeyword())), d.path() + ": " + own);
                    }
                    default -> {
                        if (d.needsOcr() && !ocr) {
                            assertTrue(row.reason().startsWith(FormatDocument.NEEDS_OCR), d.path() + ": " + row);
                            continue;
                        }
                        assertEquals(ReceiptFile.INDEXED, row.status(), d.path() + ": " + row.reason());
                        IndexedDocument doc = searcher.document("formater", docIdOf(receipt, row)).orElseThrow();
                        for (FormatDocument.Quotation q : d.quotations()) {
                            assertTrue(doc.text().contains(q.text()), "quotation exact in " + d.path() + ": " + q.text());
                        }
                        if (!d.needsOcr() && !d.format().equals("xlsx") && !d.format().equals("ods")) {
                            assertEquals(d.pageStarts().size(), row.pages(), "pages of " + d.path());
                        }
                    }
                }
            }
        }
        assertTrue(receipt.counts().failed() >= 9, "the hostile files fail: " + receipt.counts());
    }

    /** The document id the receipt's row was indexed under (as the route derives it). */
    private static String docIdOf(Receipt receipt, ReceiptFile row) throws Exception {
        if (!row.path().contains("!/")) {
            return row.sha256().substring(0, 16);
        }
        String parentPath = row.path().substring(0, row.path().lastIndexOf("!/"));
        ReceiptFile parent = receipt.files().stream().filter(f -> f.path().equals(parentPath)).findFirst().orElseThrow();
        String name = row.path().substring(parentPath.length() + 2);
        return no.evidens.pipeline.extract.Sha256.ofText(docIdOf(receipt, parent) + "!/" + name + "#" + row.sha256())
                .substring(0, 16);
    }
}
