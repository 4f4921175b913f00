package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaExtractorTest {
    @TempDir
    Path tmp;

    /** A picture of a line of text, as a scanner would give it. */
    private Path scan(String line) throws IOException {
        BufferedImage img = new BufferedImage(1800, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 56));
        g.drawString(line, 40, 120);
        g.dispose();
        Path png = tmp.resolve("skannet.png");
        ImageIO.write(img, "png", png.toFile());
        return png;
    }

    @Test
    void scannedImagesAreReadWithNorwegianOcr() throws Exception {
        Extraction e = new TikaExtractor(1_000_000, true).extract(scan("Barneverntjenesten møter NAV hver måned"));
        assertTrue(e.text().contains("Barneverntjenesten"), "OCR text: " + e.text().strip());
        assertTrue(e.text().contains("måned"), "Norwegian letters come through OCR: " + e.text().strip());
        assertTrue(e.mediaType().startsWith("image/png"));
    }

    @Test
    void scannedPdfPagesWithoutATextLayerAreReadWithOcr() throws Exception {
        Path png = scan("Ansvarsgruppen møtes hver tredje uke");
        Path pdf = scannedPdf(png);
        Extraction e = new TikaExtractor(1_000_000, true).extract(pdf);
        assertTrue(e.text().contains("Ansvarsgruppen"), "OCR text: " + e.text().strip());
        assertEquals("application/pdf", e.mediaType());
    }

    @Test
    void aLetterheadAndPageNumberInTheMarginsOfASinglePageAreKnownByWhereTheyStand() throws Exception {
        Path pdf = pdfOfLines("brev.pdf", new String[][] {{"Statsforvalteren i Vestfjord", "800"},
                {"Tilsynet fant at kommunen mangler rutiner.", "700"}, {"Ansvarsgruppen har ikke møttes siden mars.", "684"}, {"Side 1 av 1", "40"}});
        Extraction e = new TikaExtractor(1_000_000, false).extract(pdf);
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(e).text();
        assertEquals("Tilsynet fant at kommunen mangler rutiner.\n\nAnsvarsgruppen har ikke møttes siden mars.", text);
    }

    /**
     * A letterhead drawn twice over itself (as some producers stamp a line): Tika's text holds it twice on one line,
     * and the layout reads the page as Tika's text stripper does, so the margin line it gives is that line and the
     * letterhead is known as page furniture all the same.
     */
    @Test
    void aLetterheadDrawnTwiceOverItselfIsKnownByWhereItStands() throws Exception {
        Path pdf = pdfOfLines("stempel.pdf", new String[][] {{"Statsforvalteren i Vestfjord", "800"},
                {"Statsforvalteren i Vestfjord", "800"},
                {"Tilsynet fant at kommunen mangler rutiner.", "700"},
                {"Ansvarsgruppen har ikke møttes siden mars.", "684"}, {"Side 1 av 1", "40"}});
        Extraction e = new TikaExtractor(1_000_000, false).extract(pdf);
        assertTrue(e.text().contains("Statsforvalteren i VestfjordStatsforvalteren i Vestfjord"), e.text());
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(e).text();
        assertEquals("Tilsynet fant at kommunen mangler rutiner.\n\nAnsvarsgruppen har ikke møttes siden mars.", text);
    }

    /**
     * A PDF of A4 pages, each a list of {text, y from the bottom} lines in 11 pt Helvetica at x = 60; a
     * line with a third element "full" is spread to 470 pt, as justified text is.
     */
    private Path pdfOfLines(String name, String[][]... pages) throws IOException {
        Path pdf = tmp.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String[][] lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    for (String[] l : lines) {
                        c.beginText();
                        c.setFont(font, 11);
                        float width = font.getStringWidth(l[0]) / 1000 * 11;
                        c.setWordSpacing(l.length > 2 ? (470 - width) / (l[0].split(" ").length - 1) : 0);
                        c.newLineAtOffset(60, Float.parseFloat(l[1]));
                        c.showText(l[0]);
                        c.endText();
                    }
                }
            }
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    /**
     * The walk's report (round 53): US Letter pages, a 16 pt title whose top stands 52 pt below the top edge, well
     * apart from the body, and a second page opening with a section heading as high; both in the top margin, both
     * part of the text. The 9 pt page numbers at the foot still go.
     */
    @Test
    void aTitleAndASectionHeadingNearTheTopEdgeOfAPdfStayInItsText() throws Exception {
        Path pdf = tmp.resolve("tittel.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            Object[][][] pages = {
                    {{"Internkontroll i barneverntjenesten i Solvik kommune", 728, bold, 16},
                            {"Tilsynet fant at kommunen ikke har sikret forsvarlig oppfølging.", 652, regular, 11},
                            {"Ansvarsgruppen har ikke møttes siden mars.", 624, regular, 11}, {"Side 1 av 2", 40, regular, 9}},
                    {{"3 Avviksbehandling", 726, bold, 11},
                            {"Avvik meldes til leder og følges opp innen en uke.", 690, regular, 11},
                            {"Kommunen har ikke dokumentert oppfølgingen.", 662, regular, 11}, {"Side 2 av 2", 40, regular, 9}}};
            for (Object[][] lines : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    for (Object[] l : lines) {
                        c.beginText();
                        c.setFont((PDType1Font) l[2], (Integer) l[3]);
                        c.newLineAtOffset(72, (Integer) l[1]);
                        c.showText((String) l[0]);
                        c.endText();
                    }
                }
            }
            doc.save(pdf.toFile());
        }
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(new TikaExtractor(1_000_000, false).extract(pdf)).text();
        assertTrue(text.startsWith("Internkontroll i barneverntjenesten i Solvik kommune\n"), text);
        assertTrue(text.contains("\n3 Avviksbehandling\n"), text);
        assertTrue(text.endsWith("Kommunen har ikke dokumentert oppfølgingen."), text);
        assertTrue(!text.contains("Side "), text);
    }

    @Test
    void aDoubleSpacedParagraphIsRebuiltFromItsLinesAndAShortLineEndsIt() throws Exception {
        // Each line its own text object, 26 pt apart: Tika gives each line as a paragraph of its own.
        Path pdf = pdfOfLines("dobbel.pdf", new String[][] {
                {"Tilsynet fant at kommunen ikke har sikret at barn som bor i fosterhjem", "700", "full"},
                {"får den oppfølgingen de har krav på, og at ansvarsgruppene ikke har møttes", "674", "full"},
                {"siden mars.", "648"},
                {"Kommunen må lukke avviket innen tre måneder etter at rapporten er", "622", "full"},
                {"mottatt, og sende en plan for oppfølgingen.", "596"}});
        Extraction e = new TikaExtractor(1_000_000, false).extract(pdf);
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(e).text();
        assertEquals("Tilsynet fant at kommunen ikke har sikret at barn som bor i fosterhjem får den oppfølgingen de har "
                + "krav på, og at ansvarsgruppene ikke har møttes siden mars.\n\nKommunen må lukke avviket innen tre måneder "
                + "etter at rapporten er mottatt, og sende en plan for oppfølgingen.", text);
    }

    @Test
    void aPdfsLayoutIsReadFromTheDocumentTikaLoadedTheSameAsFromItsFileLoadedAgain() throws Exception {
        Path pdf = pdfOfLines("en-gang.pdf", new String[][] {
                {"Statsforvalteren i Fjordvik", "800"},
                {"Tilsynet fant at kommunen ikke har sikret at barn som bor i fosterhjem", "700", "full"},
                {"får den oppfølgingen de har krav på.", "674"},
                {"Side 1", "30"}});
        org.apache.tika.parser.AutoDetectParser tika = new org.apache.tika.parser.AutoDetectParser();
        try (org.apache.tika.io.TikaInputStream in = org.apache.tika.io.TikaInputStream.get(pdf)) {
            OpenPdfLayout parsed = new OpenPdfLayout(new PageTextHandler(1_000_000), in);
            tika.parse(in, parsed, new org.apache.tika.metadata.Metadata(), new org.apache.tika.parser.ParseContext());
            assertTrue(parsed.readFromTikasDocument(), "read from Tika's open document: the PDF is loaded once");
            PdfLayout.Result once = parsed.layout(pdf, 1);
            assertEquals(PdfLayout.read(pdf, 1), once);
            assertEquals(List.of(List.of("Statsforvalteren i Fjordvik", "Side 1")), once.marginLines());
        }
    }

    @Test
    void aWordFilesHeaderAndFooterNeverEnterItsText() throws Exception {
        Path docx = tmp.resolve("rapport.docx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("Statsforvaltaren – rapport frå tilsyn");
            doc.createFooter(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Side 1");
            doc.createParagraph().createRun().setText("Kommunen har ikke sikret forsvarlig oppfølging.");
            try (java.io.OutputStream out = Files.newOutputStream(docx)) {
                doc.write(out);
            }
        }
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(new TikaExtractor(1_000_000, false).extract(docx)).text();
        assertEquals("Kommunen har ikke sikret forsvarlig oppfølging.", text);
    }

    @Test
    void theOnlyLineOfAPageNearItsTopIsNeverTakenForFurniture() throws Exception {
        // 57 pt from the top of an A4 page (842 pt): inside the top margin, but all the page says.
        Path pdf = pdfOfLines("en-linje.pdf", new String[][] {{"Vedtaket om tvangsmulkt er opphevet.", "785"}});
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(new TikaExtractor(1_000_000, false).extract(pdf)).text();
        assertEquals("Vedtaket om tvangsmulkt er opphevet.", text);
    }

    @Test
    void aPageWithASingleLineBetweenRunningHeaderAndPageNumberKeepsIt() throws Exception {
        String[][] full = new String[12][];
        for (int i = 0; i < 10; i++) {
            full[i] = new String[] {"Tilsynet har gått gjennom rutinene for mottak av meldinger nummer " + i + ".", String.valueOf(740 - 16 * i)};
        }
        String[][] p1 = full.clone();
        p1[10] = new String[] {"Statsforvalteren i Vestfjord – rapport fra tilsyn", "800"};
        p1[11] = new String[] {"Side 1 av 3", "40"};
        String[][] p2 = full.clone();
        p2[10] = new String[] {"Statsforvalteren i Vestfjord – rapport fra tilsyn", "800"};
        p2[11] = new String[] {"Side 2 av 3", "40"};
        String[][] p3 = {{"Statsforvalteren i Vestfjord – rapport fra tilsyn", "800"}, {"Kommunen har lukket avviket.", "770"},
                {"Side 3 av 3", "40"}};
        Path pdf = pdfOfLines("tre-sider.pdf", p1, p2, p3);
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(new TikaExtractor(1_000_000, false).extract(pdf)).text();
        assertTrue(text.endsWith("Kommunen har lukket avviket."), text);
        assertTrue(!text.contains("Statsforvalteren") && !text.contains("Side "), text);
    }

    @Test
    void aSpreadsheetGivesEachSheetItsNameAndEachRowOneLineWithItsCellsApart() throws Exception {
        no.evidens.corpus.FormatBundle.writeTo(tmp.resolve("formater"));
        for (no.evidens.corpus.FormatDocument d : no.evidens.corpus.FormatBundle.documents()) {
            if (d.format().equals("ods") || d.format().equals("xlsx")) {
                String text = new no.evidens.pipeline.normalise.TextNormaliser()
                        .normalise(new TikaExtractor(1_000_000, false).extract(tmp.resolve("formater").resolve(d.path()))).text();
                String sheet = d.expectedText().substring(0, d.expectedText().indexOf("\n\n"));
                assertTrue(text.startsWith(sheet + "\n\n"), d.format() + ": " + text);
                String firstRow = d.expectedText().split("\n")[2];
                assertTrue(firstRow.contains(" | "), firstRow);
                assertTrue(text.contains("\n\n" + firstRow + "\n\n"), d.format() + " row: " + firstRow);
            }
        }
    }

    @Test
    void aHyphenDrawnAsAShapeAtALineEndJoinsTheWord() throws Exception {
        Path pdf = tmp.resolve("strek.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.beginText();
                c.setFont(font, 12);
                c.newLineAtOffset(60, 700);
                c.showText("Tilsynet ser at over");
                c.endText();
                float end = 60 + font.getStringWidth("Tilsynet ser at over") / 1000 * 12;
                c.addRect(end + 0.6f, 700 + 12 * 0.26f, 12 * 0.28f, 12 * 0.07f);
                c.fill();
                c.beginText();
                c.setFont(font, 12);
                c.newLineAtOffset(60, 684);
                c.showText("gangen til voksen alder er sårbar.");
                c.endText();
            }
            doc.save(pdf.toFile());
        }
        Extraction e = new TikaExtractor(1_000_000, false).extract(pdf);
        assertEquals(java.util.Set.of("over-gangen"), e.drawnHyphens());
        String text = new no.evidens.pipeline.normalise.TextNormaliser().normalise(e).text();
        assertEquals("Tilsynet ser at overgangen til voksen alder er sårbar.", text);
    }

    /**
     * On a busy machine Tesseract can pass its limit for a page: the scan is then reported as timed out (read again
     * next time), never as damaged. A limit of 0 s stands for the overloaded machine: no page is read in it.
     */
    @Test
    void aScanWhoseOcrRunsOutOfTimeIsTimedOutNotDamaged() throws Exception {
        Path png = scan("Ansvarsgruppen møtes hver tredje uke");
        Path pdf = scannedPdf(png);
        TikaExtractor overloaded = new TikaExtractor(1_000_000, true, 0);
        for (Path scanned : List.of(pdf, png)) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> overloaded.extract(scanned));
            assertEquals(Reason.TIMED_OUT, e.reason(), scanned.getFileName() + ": " + e.getMessage() + " / " + e.detail());
            assertTrue(e.getMessage().startsWith("timed out"), e.getMessage());
        }
    }

    @Test
    void withoutTesseractAScanFailsAsNeedingOcrNeverAsEmpty() throws Exception {
        Path png = scan("Taushetsplikt");
        ExtractionException e = assertThrows(ExtractionException.class, () -> new TikaExtractor(1_000_000, false).extract(png));
        assertTrue(e.getMessage().startsWith("needs OCR"), e.getMessage());
    }

    @Test
    void textOverTheLimitIsRefusedNotCut() throws Exception {
        Path big = tmp.resolve("lang.txt");
        Files.writeString(big, "Samarbeid om tjenester. ".repeat(1000));
        ExtractionException e = assertThrows(ExtractionException.class, () -> new TikaExtractor(5_000, false).extract(big));
        assertEquals(Reason.TEXT_TOO_LONG, e.reason());
        assertTrue(e.getMessage().contains("longer than the limit"), e.getMessage());
        assertTrue(e.detail().contains("5000"), e.detail());
    }

    @Test
    void windows1252TextIsDetectedByContent() throws Exception {
        Path txt = tmp.resolve("notat.txt");
        String note = "Kommunens rutine for «bekymringsmelding» til barneverntjenesten er ikke kjent for ansatte på "
                + "helsestasjonen, og særlig ikke for fastlegene i området.";
        Files.write(txt, note.getBytes(Charset.forName("windows-1252")));
        Extraction e = new TikaExtractor(1_000_000, false).extract(txt);
        assertTrue(e.text().contains("«bekymringsmelding»") && e.text().contains("særlig"), e.text());
        assertEquals(java.util.List.of(0), e.pageStarts());
    }

    /** A one-page PDF with no text layer: the scanned picture {@code png} as its page. */
    private Path scannedPdf(Path png) throws IOException {
        Path pdf = tmp.resolve("skannet.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(900, 100));
            doc.addPage(page);
            PDImageXObject image = PDImageXObject.createFromFile(png.toString(), doc);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, 900, 100);
            }
            doc.save(pdf.toFile());
        }
        return pdf;
    }
}
