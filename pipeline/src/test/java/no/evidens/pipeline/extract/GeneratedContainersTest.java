package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFClientAnchor;
import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.corpus.MsgWriter;

/**
 * Containers written here (not copied from anywhere), so that a clone without {@code ../shared} tests
 * what {@link PeerCorpusContainersTest} tests on Apache Tika's own files: a presentation embedded in an
 * Excel 97 workbook as an OLE object, and an Outlook message attached to another (Tika hands both over
 * as folders, not bytes). The message is written by the corpus's own MSG writer (POI reads MSG but does
 * not write it). A PST mailbox is not generated: no library on the class path
 * writes PST (java-libpst only reads it), and its format is too large to write by hand for a test.
 */
class GeneratedContainersTest {
    private static final String SLIDE_TEXT = "Tiltaksplanen for ettervern ble lagt fram for kommunestyret i mars.";
    /** The smallest PNG: the picture an OLE object shows in the sheet. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TempDir
    Path tmp;

    @Test
    void aPresentationEmbeddedInAWorkbookIsADocumentOfItsOwn() throws Exception {
        Path xls = tmp.resolve("regneark-med-lysbilder.xls");
        writeWorkbookWithPresentation(xls, "lysbilder.ppt");
        Extraction workbook = new TikaExtractor(1_000_000, false).extract(xls);
        assertTrue(workbook.text().contains("Handlingsplan"), workbook.text());
        // The presentation, and the picture the sheet shows for it (no text without OCR).
        java.util.List<Extraction.Embedded> presentations = workbook.embedded().stream()
                .filter(e -> e.extraction() != null && e.extraction().mediaType().contains("powerpoint")).toList();
        assertEquals(1, presentations.size(), workbook.embedded().toString());
        Extraction.Embedded ppt = presentations.get(0);
        assertNotNull(ppt.sha256());
        assertTrue(ppt.extraction().text().contains(SLIDE_TEXT), ppt.extraction().text());
    }

    @Test
    void anOutlookMessageAttachedToAnotherIsReadNotEmpty() throws Exception {
        Path msg = tmp.resolve("oversendelse.msg");
        writeMessageWithAttachedMessage(msg);
        Extraction outer = new TikaExtractor(1_000_000, false).extract(msg);
        assertTrue(outer.text().contains("Se vedlagte referat"), outer.text());
        assertEquals(1, outer.embedded().size(), outer.embedded().toString());
        Extraction.Embedded attached = outer.embedded().get(0);
        assertNotNull(attached.extraction(), attached.name() + ": " + attached.problem());
        assertTrue(attached.extraction().text().contains(ATTACHED_BODY), attached.extraction().text());
        assertTrue(attached.extraction().text().strip().startsWith("Referat fra ansvarsgruppemøte"), "its subject is its heading");
    }

    private static final String ATTACHED_BODY = "Ansvarsgruppen møttes 3. mars og avtalte en ny individuell plan.";

    /** An Outlook message with another attached as an embedded message, written by the corpus's MSG writer. */
    static void writeMessageWithAttachedMessage(Path file) throws IOException {
        Files.write(file, MsgWriter.write("Kari Berg", "kari.berg@fjordvik.kommune.example", "Oversendelse av referat",
                List.of("Se vedlagte referat fra møtet."), List.of(),
                List.of(new MsgWriter.AttachedMessage("Referat fra ansvarsgruppemøte", List.of(ATTACHED_BODY)))));
    }

    /** An Excel 97 workbook with one sheet of text and a PowerPoint 97 presentation in it as an OLE object. */
    static void writeWorkbookWithPresentation(Path file, String pptName) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            HSSFSheet sheet = wb.createSheet("Handlingsplan");
            sheet.createRow(0).createCell(0).setCellValue("Handlingsplan etter tilsyn");
            try (POIFSFileSystem ppt = new POIFSFileSystem(new ByteArrayInputStream(presentation()))) {
                int storage = wb.addOlePackage(ppt, "Presentasjon", pptName, pptName);
                int picture = wb.addPicture(PNG, HSSFWorkbook.PICTURE_TYPE_PNG);
                HSSFPatriarch drawing = sheet.createDrawingPatriarch();
                drawing.createObjectData(new HSSFClientAnchor(0, 0, 0, 0, (short) 1, 2, (short) 4, 8), storage, picture);
            }
            wb.write(out);
        }
    }

    private static byte[] presentation() throws IOException {
        try (HSLFSlideShow show = new HSLFSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            HSLFTextBox box = show.createSlide().createTextBox();
            box.setText(SLIDE_TEXT);
            box.setAnchor(new Rectangle(40, 40, 600, 120));
            show.write(out);
            return out.toByteArray();
        }
    }
}
