package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.swing.text.Document;
import javax.swing.text.rtf.RTFEditorKit;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class FormatBundleTest {

    @TempDir
    static Path outA;

    @TempDir
    static Path outB;

    static List<FormatDocument> documents;
    static List<Path> writtenA;

    @BeforeAll
    static void render() throws IOException {
        documents = FormatBundle.documents();
        writtenA = FormatBundle.writeTo(outA);
    }

    private static FormatDocument doc(String path) {
        return documents.stream().filter(d -> d.path().equals(path)).findFirst()
            .orElseThrow(() -> new AssertionError("no document " + path));
    }

    private static byte[] bytes(String path) throws IOException {
        return Files.readAllBytes(outA.resolve(path));
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    // --- the bundle as a whole -------------------------------------------------------------------

    @Test
    void everyFormatOfTheIssueIsThere() {
        Set<String> formats = documents.stream().map(FormatDocument::format).collect(Collectors.toSet());
        assertTrue(formats.containsAll(Set.of("pdf", "docx", "doc", "odt", "rtf", "xlsx", "ods", "html", "txt", "eml", "msg",
            "zip", "png")), formats.toString());
        Set<String> paths = new HashSet<>();
        for (FormatDocument d : documents) {
            assertTrue(paths.add(d.path()), "listed once: " + d.path());
            for (FormatDocument.Quotation q : d.quotations()) {
                assertEquals(q.text(), d.expectedText().substring(q.start(), q.end()), d.path());
            }
            if (d.expectedStatus().equals(FormatDocument.INDEXED)) {
                assertFalse(d.expectedText().isBlank(), d.path());
            }
            if (d.isChild()) {
                assertTrue(paths.contains(d.path().substring(0, d.path().lastIndexOf("!/"))), "container first: " + d.path());
            }
        }
    }

    @Test
    void everyFileIsWrittenAndTheManifestListsEveryDocument() throws IOException {
        List<FormatDocument> files = documents.stream().filter(d -> !d.isChild()).toList();
        assertEquals(files.size(), writtenA.size());
        for (FormatDocument d : files) {
            assertTrue(writtenA.contains(outA.resolve(d.path())), d.path());
            assertTrue(Files.isRegularFile(outA.resolve(d.path())), d.path());
        }
        List<String> lines = Files.readAllLines(outA.resolve(FormatBundle.MANIFEST), StandardCharsets.UTF_8);
        assertEquals(documents.size() + 1, lines.size());
        for (FormatDocument d : documents) {
            assertEquals(1, lines.stream().filter(l -> l.startsWith(SampleBundle.csv(d.path()) + ",")).count(), d.path());
        }
    }

    @Test
    void renderingIsDeterministic() throws IOException {
        List<Path> writtenB = FormatBundle.writeTo(outB);
        assertEquals(writtenA.size(), writtenB.size());
        for (FormatDocument d : documents) {
            if (!d.isChild()) {
                assertArrayEquals(bytes(d.path()), Files.readAllBytes(outB.resolve(d.path())), d.path());
            }
        }
        assertArrayEquals(bytes(FormatBundle.MANIFEST), Files.readAllBytes(outB.resolve(FormatBundle.MANIFEST)));
    }

    // --- justified, hyphenated PDFs --------------------------------------------------------------

    static final String ONE = "pdf/tilsynsrapport-en-spalte.pdf";
    static final String TWO = "pdf/tilsynsrapport-to-spalter.pdf";

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setLineSeparator("\n");
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }

    @Test
    void justifiedPdfsHaveHeaderAndFooterOnEveryPage() throws IOException {
        for (String path : List.of(ONE, TWO)) {
            JustifiedPdfRenderer.Style style = path.equals(ONE) ? FormatBundle.ONE_COLUMN : FormatBundle.TWO_COLUMNS;
            List<String> pages = pageTexts(bytes(path));
            assertEquals(doc(path).pageCount(), pages.size(), path);
            assertTrue(pages.size() >= 3, path + " has several pages");
            for (int n = 1; n <= pages.size(); n++) {
                List<String> lines = List.of(pages.get(n - 1).strip().split("\n"));
                String header = lines.get(0);
                assertTrue(header.contains(style.headerLeft()) && header.contains(style.headerRight()),
                    path + " page " + n + " header: " + header);
                assertEquals(String.format(style.footer(), n, pages.size()), lines.get(lines.size() - 1).strip(),
                    path + " page " + n + " footer");
            }
        }
    }

    /**
     * Rebuilds the body text of each page from PDFTextStripper's lines, knowing from the layout how each
     * line ends, and checks it against the expected text of the page.
     */
    /** The body text of each page rebuilt from PDFTextStripper's lines, joined as the layout says each line ends. */
    private static List<String> joinedPages(String path) throws IOException {
        JustifiedPdfRenderer renderer = new JustifiedPdfRenderer(
            path.equals(ONE) ? FormatBundle.ONE_COLUMN : FormatBundle.TWO_COLUMNS);
        JustifiedPdfRenderer.Layout layout = renderer.layout(FormatBundle.source("format/tilsynsrapport.txt"));
        List<String> pages = pageTexts(bytes(path));
        List<String> joined = new ArrayList<>();
        for (int n = 1; n <= pages.size(); n++) {
            joined.add(collapse(joinLines(pages.get(n - 1), layout.pages().get(n - 1), path + " page " + n)));
        }
        return joined;
    }

    @Test
    void eachPageHoldsItsExpectedTextOnceLineEndsAreJoined() throws IOException {
        for (String path : List.of(ONE, TWO)) {
            List<String> pages = joinedPages(path);
            FormatDocument d = doc(path);
            for (int n = 1; n <= pages.size(); n++) {
                assertEquals(collapse(d.pageText(n)), pages.get(n - 1), path + " page " + n);
            }
        }
    }

    private static String joinLines(String pageText, List<JustifiedPdfRenderer.Line> layoutLines, String where) {
        List<String> lines = new ArrayList<>(List.of(pageText.strip().split("\n")));
        lines = lines.subList(1, lines.size() - 1); // header and footer
        assertEquals(layoutLines.size(), lines.size(), where + ": one extracted line per laid-out line");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            switch (layoutLines.get(i).end()) {
                case HYPHEN -> {
                    assertTrue(line.endsWith("-"), where + ": " + line);
                    body.append(line, 0, line.length() - 1);
                }
                case SOFT_HYPHEN -> {
                    assertTrue(line.endsWith("\u00AD"), where + ": " + line);
                    body.append(line, 0, line.length() - 1);
                }
                case LOST_HYPHEN -> {
                    assertTrue(Character.isLetter(line.charAt(line.length() - 1)), where + ": " + line);
                    body.append(line);
                }
                case REAL_HYPHEN -> {
                    assertTrue(line.endsWith("-"), where + ": " + line);
                    body.append(line);
                }
                case SPACE, PARAGRAPH -> body.append(line).append(' ');
            }
        }
        return body.toString();
    }

    @Test
    void lineEndsShowEveryKindOfHyphenAndRealHyphensStayInTheText() throws IOException {
        Set<JustifiedPdfRenderer.LineEnd> all = new HashSet<>();
        for (JustifiedPdfRenderer.Style style : List.of(FormatBundle.ONE_COLUMN, FormatBundle.TWO_COLUMNS)) {
            JustifiedPdfRenderer.Layout layout = new JustifiedPdfRenderer(style)
                .layout(FormatBundle.source("format/tilsynsrapport.txt"));
            List<JustifiedPdfRenderer.Line> lines = layout.lines();
            Set<JustifiedPdfRenderer.LineEnd> ends = lines.stream().map(JustifiedPdfRenderer.Line::end)
                .collect(Collectors.toSet());
            assertTrue(ends.containsAll(Set.of(JustifiedPdfRenderer.LineEnd.HYPHEN, JustifiedPdfRenderer.LineEnd.SOFT_HYPHEN,
                JustifiedPdfRenderer.LineEnd.LOST_HYPHEN)), "columns " + style.columns() + ": " + ends);
            all.addAll(ends);
            // A word broken across a page break, so the page starts inside a word.
            if (style.columns() == 1) {
                String text = doc(ONE).expectedText();
                assertTrue(layout.pageStarts().stream().skip(1).anyMatch(p -> Character.isLetter(text.charAt(p - 1))),
                    "a page that starts inside a hyphenated word");
            }
        }
        assertEquals(Set.of(JustifiedPdfRenderer.LineEnd.values()), all);
        String text = doc(ONE).expectedText();
        for (String kept : List.of("sosial- og helsetjenester", "NAV-kontoret", "§ 4-3", "18–23 år", "fylkesmennene",
            "Barne- og ungdomspsykiatrien")) {
            assertTrue(text.contains(kept), kept);
        }
        String raw = String.join("", pageTexts(bytes(ONE)));
        assertTrue(raw.contains("\u00AD\n"), "a soft hyphen at a line end");
        assertFalse(text.contains("\u00AD"), "no soft hyphen in the expected text");
    }

    @Test
    void atLeastTwoQuotationsCrossAPageBreakInEachJustifiedPdf() throws IOException {
        for (String path : List.of(ONE, TWO)) {
            FormatDocument d = doc(path);
            List<FormatDocument.Quotation> across = d.quotationsAcrossPages();
            assertTrue(across.size() >= 2, path + ": " + across.size() + " quotations across pages");
            List<String> pages = joinedPages(path);
            for (FormatDocument.Quotation q : across) {
                int first = d.pageOf(q.start());
                String head = collapse(d.expectedText().substring(q.start(), d.pageStarts().get(first)));
                String tail = collapse(d.expectedText().substring(d.pageStarts().get(first), q.end()));
                assertTrue(head.startsWith("«") && tail.endsWith("»"), q.text());
                assertTrue(pages.get(first - 1).endsWith(head), path + " page " + first + " ends with " + head);
                assertTrue(pages.get(first).startsWith(tail), path + " page " + (first + 1) + " starts with " + tail);
            }
        }
    }

    @Test
    void hyphenatorFollowsItsSyllableRule() {
        assertEquals(List.of(3, 6, 9), Hyphenator.syllableBreaks("fylkesmennene")); // fylkesmen- / nene
        assertTrue(Hyphenator.breaks("NAV-kontoret").contains(new Hyphenator.Break(4, false)));
        assertEquals(List.of(), Hyphenator.breaks("18–23"));
        assertEquals(List.of(), Hyphenator.breaks("4-3"));
        assertEquals(List.of(), Hyphenator.breaks("NAV"));
        assertTrue(Hyphenator.breaks("barneverntjenesten").stream().anyMatch(b -> b.index() == 9),
            "barnevern-tjenesten: " + Hyphenator.breaks("barneverntjenesten"));
    }

    // --- scans ---------------------------------------------------------------------------------------

    @Test
    void scannedPdfHasPageImagesAndNoTextLayer() throws IOException {
        FormatDocument d = doc("skann/notat-ettervern-skannet.pdf");
        assertTrue(d.needsOcr());
        try (PDDocument pdf = Loader.loadPDF(bytes(d.path()))) {
            assertEquals(d.pageCount(), pdf.getNumberOfPages());
            assertTrue(pdf.getNumberOfPages() >= 2);
            assertTrue(new PDFTextStripper().getText(pdf).isBlank(), "no text layer");
            for (PDPage page : pdf.getPages()) {
                List<COSName> names = new ArrayList<>();
                page.getResources().getXObjectNames().forEach(names::add);
                assertEquals(1, names.size());
                PDImageXObject image = (PDImageXObject) page.getResources().getXObject(names.get(0));
                assertEquals(ScanRenderer.PAGE_WIDTH, image.getWidth(), "300 dpi");
                assertEquals(1, image.getBitsPerComponent());
            }
        }
    }

    @Test
    void pngNamedDocxIsAPictureOfItsText() throws IOException {
        byte[] png = bytes("hostile/egentlig-bilde.docx");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png)));
        assertTrue(doc("hostile/egentlig-bilde.docx").needsOcr());
    }

    // --- office formats -----------------------------------------------------------------------------

    @Test
    void docxParagraphsAreTheExpectedText() throws IOException {
        FormatDocument d = doc("office/referat-samarbeidsforum.docx");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes(d.path())))) {
            assertEquals(d.expectedText(), docx.getParagraphs().stream().map(XWPFParagraph::getText)
                .collect(Collectors.joining("\n\n")));
        }
    }

    @Test
    void committedDocIsWord97WithTheExpectedText() throws IOException {
        FormatDocument d = doc("office/samarbeidsavtale-ettervern.doc");
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes(d.path())));
             WordExtractor extractor = new WordExtractor(doc)) {
            List<String> paragraphs = new ArrayList<>();
            for (String p : extractor.getParagraphText()) {
                if (!p.isBlank()) {
                    paragraphs.add(p.strip());
                }
            }
            assertEquals(d.expectedText(), String.join("\n\n", paragraphs));
        }
    }

    @Test
    void odtIsAValidPackageWithTheExpectedText() throws Exception {
        FormatDocument d = doc("office/undersokelsesrapport-storvik.odt");
        Map<String, byte[]> entries = unzip(bytes(d.path()));
        assertEquals("mimetype", entries.keySet().iterator().next());
        assertEquals(OdfWriter.TEXT_MIME, new String(entries.get("mimetype"), StandardCharsets.US_ASCII));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes(d.path())))) {
            assertEquals(ZipEntry.STORED, zip.getNextEntry().getMethod());
        }
        org.w3c.dom.Document content = xml(entries.get("content.xml"));
        NodeList text = content.getElementsByTagName("office:text").item(0).getChildNodes();
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < text.getLength(); i++) {
            if (text.item(i).getNodeType() == Node.ELEMENT_NODE) {
                paragraphs.add(text.item(i).getTextContent());
            }
        }
        assertEquals(d.expectedText(), String.join("\n\n", paragraphs));
        xml(entries.get("META-INF/manifest.xml"));
        xml(entries.get("meta.xml"));
    }

    @Test
    void rtfUsesCodePageEscapesAndReadsBackInTheJdk() throws Exception {
        FormatDocument d = doc("office/barn-som-parorende.rtf");
        byte[] rtf = bytes(d.path());
        String raw = new String(rtf, StandardCharsets.US_ASCII);
        for (int b : rtf) {
            assertTrue(b >= 0, "pure ASCII");
        }
        assertTrue(raw.startsWith("{\\rtf1\\ansi\\ansicpg1252"));
        assertTrue(raw.contains("p\\'e5r\\'f8rende"), "æøå as \\'xx");
        assertTrue(raw.contains("\\'ab") && raw.contains("\\'bb"), "«» as \\'ab \\'bb");
        RTFEditorKit kit = new RTFEditorKit();
        Document document = kit.createDefaultDocument();
        kit.read(new StringReader(raw), document, 0);
        String text = document.getText(0, document.getLength());
        assertEquals(collapse(d.expectedText()), collapse(text));
    }

    @Test
    void spreadsheetsHoldTheirTablesRowByRow() throws Exception {
        FormatDocument xlsx = doc("regneark/handlingsplan-og-statistikk.xlsx");
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(xlsx.path())))) {
            for (Sheet sheet : workbook) {
                text.append(text.length() == 0 ? "" : "\n\n").append(sheet.getSheetName()).append("\n\n");
                List<String> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(cell.getCellType() == CellType.NUMERIC
                            ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                    }
                    rows.add(String.join(SheetTable.CELL_SEPARATOR, cells));
                }
                text.append(String.join("\n", rows));
            }
        }
        assertEquals(xlsx.expectedText(), text.toString());
        assertTrue(xlsx.expectedText().contains("Påbegynt"));

        FormatDocument ods = doc("regneark/statistikk.ods");
        Map<String, byte[]> entries = unzip(bytes(ods.path()));
        assertEquals(OdfWriter.SHEET_MIME, new String(entries.get("mimetype"), StandardCharsets.US_ASCII));
        org.w3c.dom.Document content = xml(entries.get("content.xml"));
        Element table = (Element) content.getElementsByTagName("table:table").item(0);
        StringBuilder odsText = new StringBuilder(table.getAttribute("table:name")).append("\n\n");
        NodeList rows = table.getElementsByTagName("table:table-row");
        for (int r = 0; r < rows.getLength(); r++) {
            NodeList cells = ((Element) rows.item(r)).getElementsByTagName("table:table-cell");
            List<String> values = new ArrayList<>();
            for (int c = 0; c < cells.getLength(); c++) {
                values.add(cells.item(c).getTextContent());
            }
            odsText.append(r == 0 ? "" : "\n").append(String.join(SheetTable.CELL_SEPARATOR, values));
        }
        assertEquals(ods.expectedText(), odsText.toString());
    }

    @Test
    void htmlHasSoftHyphensAndNoBreakSpacesThatNormalisationRemoves() throws IOException {
        FormatDocument d = doc("web/fastlege-journalutdrag.html");
        String html = new String(bytes(d.path()), StandardCharsets.UTF_8);
        assertTrue(html.contains("&shy;"));
        assertTrue(html.contains("§&nbsp;"));
        String body = html.substring(html.indexOf("<h1>"), html.indexOf("</body>"));
        String text = body.replaceAll("</(h1|p)>\\n?", "\n\n").replaceAll("<[^>]+>", "")
            .replace("&shy;", "").replace("&nbsp;", " ").replace("&quot;", "\"").replace("&#39;", "'")
            .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
        assertEquals(d.expectedText(), text);
    }

    // --- plain text in three charsets ---------------------------------------------------------------

    @Test
    void textFilesAreReallyInTheCharsetsTheyClaim() throws IOException {
        FormatDocument utf8 = doc("tekst/rutine-bekymringsmelding-utf-8.txt");
        byte[] u = bytes(utf8.path());
        assertTrue(indexOf(u, new byte[] {(byte) 0xC3, (byte) 0xA6}) >= 0, "æ as C3 A6");
        assertTrue(u[0] != (byte) 0xEF, "no BOM");
        assertEquals(utf8.expectedText() + "\n", strictly(u, StandardCharsets.UTF_8));

        FormatDocument cp = doc("tekst/tiltaksplan-storvik-windows-1252.txt");
        byte[] w = bytes(cp.path());
        assertTrue(indexOf(w, new byte[] {(byte) 0xE6}) >= 0, "æ as E6");
        assertTrue(indexOf(w, new byte[] {(byte) 0x96}) >= 0, "– as 96, which ISO-8859-1 lacks");
        assertTrue(indexOf(w, new byte[] {(byte) 0xAB}) >= 0, "« as AB");
        assertTrue(indexOf(w, new byte[] {'\r', '\n'}) >= 0, "CRLF");
        assertThrows(CharacterCodingException.class, () -> strictly(w, StandardCharsets.UTF_8));
        assertEquals(cp.expectedText().replace("\n", "\r\n") + "\r\n", strictly(w, Charset.forName("windows-1252")));

        FormatDocument latin = doc("tekst/internkontroll-iso-8859-1.txt");
        byte[] l = bytes(latin.path());
        for (int b : new int[] {0xE6, 0xF8, 0xE5, 0xAB, 0xBB, 0xA7}) {
            assertTrue(indexOf(l, new byte[] {(byte) b}) >= 0, Integer.toHexString(b));
        }
        for (byte b : l) {
            assertFalse((b & 0xff) >= 0x80 && (b & 0xff) <= 0x9f, "no C1 range bytes (they would be Windows-1252)");
        }
        assertThrows(CharacterCodingException.class, () -> strictly(l, StandardCharsets.UTF_8));
        assertEquals(latin.expectedText() + "\n", strictly(l, StandardCharsets.ISO_8859_1));
    }

    // --- e-mail ---------------------------------------------------------------------------------------

    @Test
    void emlParsesWithMime4jIntoBodyAndTwoAttachments() throws IOException {
        FormatDocument mail = doc(FormatBundle.EML_PATH);
        Message message = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(bytes(mail.path())));
        assertEquals(mail.title(), message.getSubject());
        assertEquals("Åse Fjærvoll", message.getFrom().get(0).getName());
        Multipart multipart = (Multipart) message.getBody();
        assertEquals(3, multipart.getBodyParts().size());
        TextBody body = (TextBody) multipart.getBodyParts().get(0).getBody();
        assertEquals("quoted-printable", multipart.getBodyParts().get(0).getContentTransferEncoding());
        try (InputStream in = body.getInputStream()) {
            assertEquals(mail.expectedText() + "\n", mail.title() + "\n\n"
                + new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
        assertEquals("samarbeidsplan.pdf", multipart.getBodyParts().get(1).getFilename());
        assertEquals("individuell-plan-lunde.docx", multipart.getBodyParts().get(2).getFilename());
        FormatDocument pdfChild = doc(mail.path() + "!/samarbeidsplan.pdf");
        try (InputStream in = ((SingleBody) multipart.getBodyParts().get(1).getBody()).getInputStream();
             PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
            assertEquals(pdfChild.pageCount(), pdf.getNumberOfPages());
            assertEquals(collapse(pdfChild.expectedText()), collapse(new PDFTextStripper().getText(pdf)));
        }
        FormatDocument docxChild = doc(mail.path() + "!/individuell-plan-lunde.docx");
        try (InputStream in = ((SingleBody) multipart.getBodyParts().get(2).getBody()).getInputStream();
             XWPFDocument docx = new XWPFDocument(in)) {
            assertEquals(docxChild.expectedText(), docx.getParagraphs().stream().map(XWPFParagraph::getText)
                .collect(Collectors.joining("\n\n")));
        }
        for (String line : new String(bytes(mail.path()), StandardCharsets.US_ASCII).split("\r\n")) {
            // RFC 5322: at most 998 characters; quoted-printable and base64 lines at most 76.
            assertTrue(line.length() <= 998, "line length: " + line);
            if (!line.matches("[A-Za-z-]+: .*|\\s.*")) {
                assertTrue(line.length() <= 76, "body line length: " + line);
            }
        }
    }

    // --- ZIP ----------------------------------------------------------------------------------------

    @Test
    void zipHoldsTwoDocumentsAndAZipWithAThird() throws IOException {
        Map<String, byte[]> outer = unzip(bytes(FormatBundle.ZIP_PATH));
        assertEquals(Set.of("journalnotater-skolehelsetjenesten.html", "tiltaksplan-storvik.docx", FormatBundle.INNER_ZIP),
            outer.keySet());
        Map<String, byte[]> inner = unzip(outer.get(FormatBundle.INNER_ZIP));
        assertEquals(Set.of("individuell-plan-lunde.odt"), inner.keySet());
        List<FormatDocument> children = documents.stream().filter(d -> d.path().startsWith(FormatBundle.ZIP_PATH + "!/"))
            .toList();
        assertEquals(4, children.size());
        String html = new String(outer.get("journalnotater-skolehelsetjenesten.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains(HtmlRenderer.escape(
            doc(FormatBundle.ZIP_PATH + "!/journalnotater-skolehelsetjenesten.html").expectedText().split("\n\n")[1])));
    }

    // --- hostile --------------------------------------------------------------------------------------

    @Test
    void hostileFilesAreWhatTheyClaim() throws IOException {
        Map<String, String> keywords = new LinkedHashMap<>();
        documents.stream().filter(d -> d.path().startsWith("hostile/"))
            .forEach(d -> keywords.put(d.path(), d.reasonKeyword()));
        assertEquals(Map.of(
            "hostile/tom.pdf", "empty",
            "hostile/avkuttet.pdf", "damaged",
            "hostile/kryptert.pdf", "encrypted",
            "hostile/egentlig-bilde.docx", "",
            "hostile/egentlig-pdf.txt", "",
            "hostile/zipbombe.zip", "zip bomb",
            "hostile/sti-utenfor.zip", "unsafe path",
            "hostile/dypt-nestet.zip", "nesting",
            "hostile/stor-tekst.txt", "longer than the limit",
            "hostile/bare-nullbytes.pdf", "damaged"), keywords);

        assertEquals(0, Files.size(outA.resolve("hostile/tom.pdf")));

        byte[] cut = bytes("hostile/avkuttet.pdf");
        assertTrue(new String(cut, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        assertTrue(indexOf(cut, "%%EOF".getBytes(StandardCharsets.US_ASCII)) < 0);
        assertThrows(IOException.class, () -> {
            try (PDDocument pdf = Loader.loadPDF(cut)) {
                new PDFTextStripper().getText(pdf);
            }
        });

        byte[] encrypted = bytes("hostile/kryptert.pdf");
        assertThrows(InvalidPasswordException.class, () -> Loader.loadPDF(encrypted).close());
        try (PDDocument pdf = Loader.loadPDF(encrypted, FormatBundle.USER_PASSWORD)) {
            assertTrue(pdf.isEncrypted());
            assertTrue(new PDFTextStripper().getText(pdf).contains("internkontroll"));
        }

        FormatDocument disguised = doc("hostile/egentlig-pdf.txt");
        try (PDDocument pdf = Loader.loadPDF(bytes(disguised.path()))) {
            assertEquals(collapse(disguised.expectedText()), collapse(new PDFTextStripper().getText(pdf)));
        }

        byte[] bomb = bytes("hostile/zipbombe.zip");
        assertTrue(bomb.length < 64 * 1024, "small: " + bomb.length);
        assertTrue(unpackedSize(bomb) >= 100L * 1024 * 1024, "expands past 100 MiB");

        Map<String, byte[]> slip = unzip(bytes("hostile/sti-utenfor.zip"));
        assertTrue(slip.keySet().stream().allMatch(name -> name.startsWith("../")), slip.keySet().toString());

        assertEquals(FormatBundle.NESTING_DEPTH, depth(bytes("hostile/dypt-nestet.zip")));
        assertTrue(FormatBundle.NESTING_DEPTH > 5);

        byte[] large = bytes("hostile/stor-tekst.txt");
        assertTrue(large.length >= 30 * 1024 * 1024);
        assertTrue(strictly(large, StandardCharsets.UTF_8).startsWith("Delegering og internkontroll"));

        byte[] nul = bytes("hostile/bare-nullbytes.pdf");
        assertTrue(nul.length > 0);
        for (byte b : nul) {
            assertEquals(0, b);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Bytes when every ZIP inside is unpacked too, counted without keeping them. */
    private static long unpackedSize(byte[] zip) throws IOException {
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".zip")) {
                    total += unpackedSize(in.readAllBytes());
                } else {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        total += n;
                    }
                }
            }
        }
        return total;
    }

    private static int depth(byte[] zip) throws IOException {
        int deepest = 1;
        for (Map.Entry<String, byte[]> e : unzip(zip).entrySet()) {
            if (e.getKey().endsWith(".zip")) {
                deepest = Math.max(deepest, 1 + depth(e.getValue()));
            }
        }
        return deepest;
    }

    private static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static String strictly(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
