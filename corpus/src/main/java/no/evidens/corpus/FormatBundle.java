package no.evidens.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * The second generated bundle, for the extraction work: the project's own fictional Norwegian texts
 * rendered into every file format an audit bundle holds (PDF justified and hyphenated in one and two
 * columns with running headers and footers, a scanned PDF, DOCX, DOC, ODT, RTF, XLSX, ODS, HTML, TXT in
 * three charsets, an e-mail with attachments, ZIP in ZIP) and a folder {@code hostile/} of broken and
 * hostile files, each with the outcome and reason the receipt must give.
 *
 * <p>{@link #documents()} describes every document, including those inside the e-mail and the ZIPs;
 * {@link #writeTo(Path)} writes the files. Output is deterministic: two runs give identical bytes.
 */
public final class FormatBundle {

    /** The audit case the bundle is ingested as. */
    public static final String CASE_ID = "fjordvik-formater-2026";

    static final String RESOURCE_DIR = "format/";
    static final String FJORDVIK = SampleBundle.RESOURCE_DIR;
    static final String MANIFEST = "manifest.csv";

    /** One column: justified, hyphenated, header and "Side n av m" footer. */
    static final JustifiedPdfRenderer.Style ONE_COLUMN = new JustifiedPdfRenderer.Style(1, 12f, 16.65f,
        "Statsforvalteren i Vestfjord", "Tilsynsrapport – Fjordvik kommune 2026", "Side %d av %d");
    /** Two columns: justified, hyphenated, header and a bare page number as footer. */
    static final JustifiedPdfRenderer.Style TWO_COLUMNS = new JustifiedPdfRenderer.Style(2, 11.5f, 14.05f,
        "Fjordvik kommune", "Rapport fra tilsyn 2026 – to spalter", "%d");

    /** Size of the generated over-long text file. */
    static final int LARGE_TEXT_BYTES = 30 * 1024 * 1024;
    /** Size of each entry of the zip bomb, and how many there are. */
    static final int BOMB_ENTRY_BYTES = 10 * 1024 * 1024;
    static final int BOMB_ENTRIES = 10;
    /** How deep the deeply nested ZIP goes (the outer file is level 1). */
    static final int NESTING_DEPTH = 7;
    static final String USER_PASSWORD = "bruker-fjordvik";
    static final String OWNER_PASSWORD = "eier-fjordvik";

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Makes the bytes of a file. */
    @FunctionalInterface
    interface Bytes {
        byte[] make() throws IOException;
    }

    /** A document and, for a file of the bundle, how to make its bytes (null inside a container). */
    record Item(FormatDocument document, Bytes bytes) {
    }

    private FormatBundle() {
    }

    /**
     * A justified, hyphenated PDF with running header and footer, made from any text in the source-text
     * format (paragraphs separated by blank lines; the first is the title), with what its extraction must
     * give. For evaluating extraction on texts that are not part of the project.
     */
    public record RenderedPdf(byte[] bytes, String expectedText, List<Integer> pageStarts) {
    }

    public static RenderedPdf renderJustifiedPdf(String sourceText, boolean twoColumns) throws IOException {
        SourceText text = SourceText.parse(sourceText);
        JustifiedPdfRenderer renderer = new JustifiedPdfRenderer(twoColumns ? TWO_COLUMNS : ONE_COLUMN);
        return new RenderedPdf(renderer.render(text, text.paragraphs().get(0), LocalDate.of(2026, 1, 1)),
                text.expectedText(), renderer.layout(text).pageStarts());
    }

    /** Every document, files and the documents inside them, in a fixed order. */
    public static List<FormatDocument> documents() {
        return items().stream().map(Item::document).toList();
    }

    /**
     * Writes every file of the bundle to {@code dir/<path>} and a {@code manifest.csv} listing every
     * document (files and the documents inside them) with its expected outcome.
     *
     * @return the files written, in the order of {@link #documents()} (the manifest is not included)
     */
    public static List<Path> writeTo(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("path,format,expectedStatus,reasonKeyword,needsOcr,pages,title\r\n");
        for (Item item : items()) {
            FormatDocument doc = item.document();
            if (item.bytes() != null) {
                Path target = dir;
                for (String segment : doc.path().split("/")) {
                    target = target.resolve(segment);
                }
                Files.createDirectories(target.getParent());
                Files.write(target, item.bytes().make());
                written.add(target);
            }
            manifest.append(SampleBundle.csv(doc.path())).append(',')
                .append(doc.format()).append(',')
                .append(doc.expectedStatus()).append(',')
                .append(SampleBundle.csv(doc.reasonKeyword())).append(',')
                .append(doc.needsOcr()).append(',')
                .append(doc.pageCount()).append(',')
                .append(SampleBundle.csv(doc.title())).append("\r\n");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        return List.copyOf(written);
    }

    /** Renders the bundle into the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        BundleMain.run("FormatBundle", args, dir -> {
            List<Path> files = writeTo(dir);
            return "Wrote " + files.size() + " files (" + documents().size() + " documents) of case "
                + CASE_ID + " and " + MANIFEST + " to " + dir.toAbsolutePath();
        });
    }

    // ---------------------------------------------------------------------------------------------

    static List<Item> items() {
        try {
            return buildItems();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the format bundle", e);
        }
    }

    private static List<Item> buildItems() throws IOException {
        List<Item> items = new ArrayList<>();

        // PDF with a text layer: justified and hyphenated, headers and footers, quotations across pages.
        SourceText report = source(RESOURCE_DIR + "tilsynsrapport.txt");
        LocalDate reportDate = LocalDate.of(2026, 4, 14);
        for (JustifiedPdfRenderer.Style style : List.of(ONE_COLUMN, TWO_COLUMNS)) {
            JustifiedPdfRenderer renderer = new JustifiedPdfRenderer(style);
            boolean one = style.columns() == 1;
            items.add(indexed(one ? "pdf/tilsynsrapport-en-spalte.pdf" : "pdf/tilsynsrapport-to-spalter.pdf", "pdf",
                report, reportDate, renderer.layout(report).pageStarts(),
                (one ? "one column" : "two columns") + ", justified, hyphenated at line ends (drawn, soft and lost"
                    + " hyphens; real hyphens kept), running header and page-number footer on every page,"
                    + " quotations across page breaks",
                () -> renderer.render(report, report.title(), reportDate)));
        }

        // Scanned: page images only.
        SourceText scanned = source(FJORDVIK + "klientdokumentasjon/nav-notat-ettervern-lunde.txt");
        LocalDate scannedDate = LocalDate.of(2025, 11, 3);
        items.add(ocr("skann/notat-ettervern-skannet.pdf", "pdf", scanned, scannedDate,
            ScanRenderer.pageLayout(scanned).pageStarts(),
            "scanned-looking PDF: 300 dpi black-and-white page images (CCITT G4), no text layer",
            () -> ScanRenderer.pdf(scanned, scanned.title(), scannedDate)));

        // Office documents.
        SourceText referat = source(FJORDVIK + "styringsdokumenter/referat-samarbeidsforum-2025-10-07.txt");
        LocalDate referatDate = LocalDate.of(2025, 10, 7);
        items.add(indexed("office/referat-samarbeidsforum.docx", "docx", referat, referatDate, List.of(0),
            "Word 2007+ (POI XWPF)", () -> new DocxRenderer().render(referat, referat.title(), referatDate)));
        SourceText avtale = source(FJORDVIK + "styringsdokumenter/samarbeidsavtale-barnevern-nav-ettervern.txt");
        LocalDate avtaleDate = LocalDate.of(2025, 3, 10);
        items.add(indexed("office/samarbeidsavtale-ettervern.doc", "doc", avtale, avtaleDate, List.of(0),
            "Word 97 (made once with LibreOffice from the DOCX rendering; committed)",
            () -> resourceBytes(RESOURCE_DIR + "samarbeidsavtale-ettervern.doc")));
        SourceText undersokelse = source(FJORDVIK + "klientdokumentasjon/undersokelsesrapport-storvik.txt");
        LocalDate undersokelseDate = LocalDate.of(2025, 6, 12);
        items.add(indexed("office/undersokelsesrapport-storvik.odt", "odt", undersokelse, undersokelseDate,
            List.of(0), "OpenDocument text written as ZIP + XML",
            () -> OdfWriter.text(undersokelse, undersokelse.title(), undersokelseDate)));
        SourceText parorende = source(FJORDVIK + "journaler/psykisk-helse-rus-barn-som-parorende.txt");
        LocalDate parorendeDate = LocalDate.of(2025, 9, 15);
        items.add(indexed("office/barn-som-parorende.rtf", "rtf", parorende, parorendeDate, List.of(0),
            "hand-written RTF, \\'e6-style escapes for æøå«», \\u escapes for ‹›",
            () -> new RtfRenderer().render(parorende, parorende.title(), parorendeDate)));

        // Spreadsheets.
        SheetTable handlingsplan = SheetTable.parse("Handlingsplan", SampleBundle.readResource(RESOURCE_DIR + "handlingsplan.tsv"));
        SheetTable statistikk = SheetTable.parse("Statistikk", SampleBundle.readResource(RESOURCE_DIR + "statistikk.tsv"));
        LocalDate sheetDate = LocalDate.of(2026, 5, 2);
        List<SheetTable> xlsxSheets = List.of(handlingsplan, statistikk);
        items.add(sheet("regneark/handlingsplan-og-statistikk.xlsx", "xlsx",
            "Handlingsplan etter tilsyn og statistikk – Fjordvik kommune", sheetDate, xlsxSheets,
            "Excel 2007+ (POI XSSF), two sheets as tables, whole numbers as numeric cells",
            () -> XlsxRenderer.render(xlsxSheets, "Handlingsplan etter tilsyn og statistikk", sheetDate)));
        items.add(sheet("regneark/statistikk.ods", "ods", "Statistikk over bekymringsmeldinger og ettervern",
            sheetDate, List.of(statistikk), "OpenDocument spreadsheet written as ZIP + XML",
            () -> OdfWriter.spreadsheet(List.of(statistikk), "Statistikk", sheetDate)));

        // HTML and plain text.
        SourceText fastlege = source(FJORDVIK + "journaler/fastlege-journalutdrag.txt");
        LocalDate fastlegeDate = LocalDate.of(2025, 9, 30);
        items.add(indexed("web/fastlege-journalutdrag.html", "html", fastlege, fastlegeDate, List.of(0),
            "HTML with soft hyphens (&shy;) inside long words and no-break spaces after §",
            () -> htmlWithSoftHyphens(fastlege, fastlegeDate)));
        SourceText rutine = source(FJORDVIK + "styringsdokumenter/rutine-bekymringsmelding.txt");
        items.add(indexed("tekst/rutine-bekymringsmelding-utf-8.txt", "txt", rutine, LocalDate.of(2025, 8, 20),
            List.of(0), "UTF-8 without BOM, LF line ends",
            () -> encode(rutine.expectedText() + "\n", StandardCharsets.UTF_8)));
        SourceText tiltak = source(FJORDVIK + "klientdokumentasjon/tiltaksplan-og-ansvarsgruppemote-storvik.txt");
        items.add(indexed("tekst/tiltaksplan-storvik-windows-1252.txt", "txt", tiltak, LocalDate.of(2025, 10, 6),
            List.of(0), "Windows-1252 (æ = 0xE6, – = 0x96, « = 0xAB), CRLF line ends",
            () -> encode(tiltak.expectedText().replace("\n", "\r\n") + "\r\n", WINDOWS_1252)));
        SourceText delegering = source(FJORDVIK + "styringsdokumenter/internkontroll-og-delegering.txt");
        items.add(indexed("tekst/internkontroll-iso-8859-1.txt", "txt", delegering, LocalDate.of(2025, 1, 20),
            List.of(0), "ISO-8859-1 (æ = 0xE6, ø = 0xF8, å = 0xE5, « = 0xAB, § = 0xA7), LF line ends",
            () -> encode(delegering.expectedText() + "\n", StandardCharsets.ISO_8859_1)));

        // E-mail with a PDF and a DOCX attached.
        addEmail(items);
        // ZIP with two documents and a ZIP inside.
        addZip(items);
        // Broken and hostile files.
        addHostile(items);
        return List.copyOf(items);
    }

    static final String EML_PATH = "epost/dokumentasjon-til-tilsynet.eml";
    static final String MSG_PATH = "epost/referat-ansvarsgruppe.msg";

    private static void addEmail(List<Item> items) throws IOException {
        SourceText mail = source(RESOURCE_DIR + "epost.txt");
        LocalDate date = LocalDate.of(2026, 2, 2);
        SourceText plan = source(FJORDVIK + "styringsdokumenter/samarbeidsplan.txt");
        LocalDate planDate = LocalDate.of(2024, 12, 16);
        SourceText ip = source(FJORDVIK + "klientdokumentasjon/individuell-plan-lunde.txt");
        LocalDate ipDate = LocalDate.of(2025, 8, 28);
        // An e-mail's text is its subject (its heading), then its body.
        String body = mail.title() + "\n\n" + String.join("\n\n", mail.body());
        items.add(new Item(new FormatDocument(EML_PATH, "eml", mail.title(), date, FormatDocument.INDEXED, "", false,
            body, List.of(0), FormatDocument.quotationsOf(body),
            "e-mail: UTF-8 quoted-printable body, RFC 2047 subject, a PDF and a DOCX attached in base64;"
                + " the body is this document, each attachment a document of its own"),
            () -> EmlWriter.write(
                "=?UTF-8?Q?=C3=85se_Fj=C3=A6rvoll?=\r\n <ase.fjaervoll@fjordvik.kommune.example>",
                "Statsforvalteren i Vestfjord <tilsyn@statsforvalteren-vestfjord.example>",
                mail.title(), "Mon, 2 Feb 2026 09:14:00 +0100", "dokumentasjon-2026-0001@fjordvik.kommune.example",
                mail.body(), List.of(
                    new EmlWriter.Attachment("samarbeidsplan.pdf", "application/pdf",
                        new PdfRenderer().render(plan, plan.title(), planDate)),
                    new EmlWriter.Attachment("individuell-plan-lunde.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        new DocxRenderer().render(ip, ip.title(), ipDate))))));
        items.add(child(EML_PATH + "!/samarbeidsplan.pdf", "pdf", plan, planDate, PdfRenderer.layout(plan).pageStarts(),
            "PDF attachment of the e-mail"));
        items.add(child(EML_PATH + "!/individuell-plan-lunde.docx", "docx", ip, ipDate, List.of(0),
            "DOCX attachment of the e-mail"));
        addOutlookMessage(items);
    }

    /** An Outlook .msg: the same kind of e-mail as an OLE2 file, with a PDF attached. */
    private static void addOutlookMessage(List<Item> items) throws IOException {
        String subject = "Referat fra ansvarsgruppemøte om Tobias Lunde";
        String from = "Kari Berg";
        List<String> body = List.of("Hei!",
            "Vedlagt er kommunens rutine for internkontroll, som ansvarsgruppen ba om. Koordinator sa i møtet at "
                + "«ingen av oss har sett rutinen før», og NAV-veilederen ba om at den blir tatt opp i samarbeidsforum.",
            "Hilsen Kari Berg, barneverntjenesten");
        // Tika lays a message out as its subject, the sender, then the body.
        String expected = subject + "\n\nFrom\n\n" + from + "\n\n" + String.join("\n\n", body);
        SourceText attached = source(FJORDVIK + "styringsdokumenter/internkontroll-og-delegering.txt");
        LocalDate attachedDate = LocalDate.of(2025, 1, 20);
        LocalDate date = LocalDate.of(2025, 6, 12);
        items.add(new Item(new FormatDocument(MSG_PATH, "msg", subject, date, FormatDocument.INDEXED, "", false,
            expected, List.of(0), FormatDocument.quotationsOf(expected),
            "Outlook message (OLE2, written with POIFS): subject, sender and body are the message's text; "
                + "the PDF attached is a document of its own"),
            () -> MsgWriter.write(from, "kari.berg@fjordvik.kommune.example", subject, body, List.of(
                new MsgWriter.Attachment("internkontroll-og-delegering.pdf",
                    new PdfRenderer().render(attached, attached.title(), attachedDate))))));
        items.add(child(MSG_PATH + "!/internkontroll-og-delegering.pdf", "pdf", attached, attachedDate,
            PdfRenderer.layout(attached).pageStarts(), "PDF attachment of the Outlook message"));
    }

    static final String ZIP_PATH = "arkiv/journaldokumenter.zip";
    static final String INNER_ZIP = "eldre/eldre-dokumenter.zip";

    private static void addZip(List<Item> items) {
        LocalDate date = LocalDate.of(2025, 11, 10);
        SourceText notater = source(FJORDVIK + "journaler/skolehelsetjeneste-journalnotater.txt");
        LocalDate notaterDate = LocalDate.of(2025, 10, 2);
        SourceText tiltak = source(FJORDVIK + "klientdokumentasjon/tiltaksplan-og-ansvarsgruppemote-storvik.txt");
        LocalDate tiltakDate = LocalDate.of(2025, 10, 6);
        SourceText ip = source(FJORDVIK + "klientdokumentasjon/individuell-plan-lunde.txt");
        LocalDate ipDate = LocalDate.of(2025, 8, 28);
        items.add(new Item(container(ZIP_PATH, "Journaldokumenter (arkiv)", date,
            "ZIP holding two documents and a ZIP with a third"), () -> {
                Map<String, byte[]> inner = new LinkedHashMap<>();
                inner.put("individuell-plan-lunde.odt", OdfWriter.text(ip, ip.title(), ipDate));
                Map<String, byte[]> outer = new LinkedHashMap<>();
                outer.put("journalnotater-skolehelsetjenesten.html", new HtmlRenderer().render(notater, notater.title(), notaterDate));
                outer.put("tiltaksplan-storvik.docx", new DocxRenderer().render(tiltak, tiltak.title(), tiltakDate));
                outer.put(INNER_ZIP, ZipBytes.zip(inner));
                return ZipBytes.zip(outer);
            }));
        items.add(child(ZIP_PATH + "!/journalnotater-skolehelsetjenesten.html", "html", notater, notaterDate, List.of(0),
            "HTML entry of the ZIP"));
        items.add(child(ZIP_PATH + "!/tiltaksplan-storvik.docx", "docx", tiltak, tiltakDate, List.of(0),
            "DOCX entry of the ZIP"));
        items.add(new Item(container(ZIP_PATH + "!/" + INNER_ZIP, "Eldre dokumenter (arkiv i arkiv)", date,
            "ZIP inside the ZIP (depth 2)"), null));
        items.add(child(ZIP_PATH + "!/" + INNER_ZIP + "!/individuell-plan-lunde.odt", "odt", ip, ipDate, List.of(0),
            "ODT entry of the ZIP inside the ZIP"));
    }

    private static void addHostile(List<Item> items) throws IOException {
        LocalDate date = LocalDate.of(2026, 3, 1);
        SourceText delegering = source(FJORDVIK + "styringsdokumenter/internkontroll-og-delegering.txt");
        LocalDate delegeringDate = LocalDate.of(2025, 1, 20);
        items.add(failed("hostile/tom.pdf", "", "Tom fil", date, "empty", "an empty file (0 bytes) named .pdf",
            () -> new byte[0]));
        items.add(failed("hostile/avkuttet.pdf", "pdf", "Avkuttet PDF", date, "damaged",
            "a PDF cut off after 40 % of its bytes: no cross-reference table, no trailer, no %%EOF",
            () -> truncatedPdf(delegering, delegeringDate)));
        items.add(failed("hostile/kryptert.pdf", "pdf", "Passordbeskyttet PDF", date, "encrypted",
            "a PDF encrypted with a user password (RC4 128 bit); it cannot be opened without the password",
            () -> encryptedPdf(delegering, delegeringDate)));
        SourceText avvik = source(RESOURCE_DIR + "avviksmelding.txt");
        items.add(new Item(new FormatDocument("hostile/egentlig-bilde.docx", "png", avvik.title(), date,
            FormatDocument.INDEXED, "", true, avvik.expectedText(), List.of(0), FormatDocument.quotationsOf(avvik.expectedText()),
            "extension lies: a PNG picture of text named .docx; read by content, through OCR"),
            () -> ScanRenderer.png(avvik)));
        SourceText avtale = source(FJORDVIK + "styringsdokumenter/samarbeidsavtale-barnevern-nav-ettervern.txt");
        LocalDate avtaleDate = LocalDate.of(2025, 3, 10);
        items.add(indexed("hostile/egentlig-pdf.txt", "pdf", avtale, avtaleDate, PdfRenderer.layout(avtale).pageStarts(),
            "extension lies: a PDF named .txt; read by content, it is a good PDF",
            () -> new PdfRenderer().render(avtale, avtale.title(), avtaleDate)));
        items.add(failed("hostile/zipbombe.zip", "zip", "Zip-bombe", date, "zip bomb",
            "a ZIP of under 1 kB holding a ZIP of " + BOMB_ENTRIES + " entries of "
                + BOMB_ENTRY_BYTES / (1024 * 1024) + " MiB of the digit 0 each: over 100 MiB when unpacked",
            FormatBundle::zipBomb));
        items.add(failed("hostile/sti-utenfor.zip", "zip", "Zip med ../ i stien", date, "unsafe path",
            "a ZIP whose only entry is named ../../utenfor-bundelen.txt (zip slip)",
            () -> ZipBytes.zip(Map.of("../../utenfor-bundelen.txt",
                "Denne filen prøver å havne utenfor mappen den pakkes ut i.\n".getBytes(StandardCharsets.UTF_8)))));
        items.add(failed("hostile/dypt-nestet.zip", "zip", "Dypt nestet zip", date, "nesting",
            "ZIP in ZIP " + NESTING_DEPTH + " levels deep (this file is level 1), a text file at the bottom",
            FormatBundle::deeplyNested));
        items.add(failed("hostile/stor-tekst.txt", "txt", "Svært stor tekstfil", date, "longer than the limit",
            "a UTF-8 text file of " + LARGE_TEXT_BYTES / (1024 * 1024) + " MiB (generated when written, never"
                + " committed): over any sensible per-document character limit, so it must be recorded as such",
            () -> largeText(delegering)));
        items.add(failed("hostile/bare-nullbytes.pdf", "", "Fil med bare nullbytes", date, "damaged",
            "64 KiB of NUL bytes named .pdf: no header, no content",
            () -> new byte[64 * 1024]));
    }

    // ---------------------------------------------------------------------------------------------

    private static Item indexed(String path, String format, SourceText text, LocalDate date, List<Integer> pageStarts,
                                String note, Bytes bytes) {
        return new Item(new FormatDocument(path, format, text.title(), date, FormatDocument.INDEXED, "", false,
            text.expectedText(), pageStarts, FormatDocument.quotationsOf(text.expectedText()), note), bytes);
    }

    private static Item ocr(String path, String format, SourceText text, LocalDate date, List<Integer> pageStarts,
                            String note, Bytes bytes) {
        return new Item(new FormatDocument(path, format, text.title(), date, FormatDocument.INDEXED, "", true,
            text.expectedText(), pageStarts, FormatDocument.quotationsOf(text.expectedText()), note), bytes);
    }

    private static Item child(String path, String format, SourceText text, LocalDate date, List<Integer> pageStarts,
                              String note) {
        return indexed(path, format, text, date, pageStarts, note, null);
    }

    private static Item sheet(String path, String format, String title, LocalDate date, List<SheetTable> sheets,
                              String note, Bytes bytes) {
        String text = String.join("\n\n", sheets.stream().map(SheetTable::expectedText).toList());
        return new Item(new FormatDocument(path, format, title, date, FormatDocument.INDEXED, "", false, text,
            List.of(0), FormatDocument.quotationsOf(text), note), bytes);
    }

    private static FormatDocument container(String path, String title, LocalDate date, String note) {
        return new FormatDocument(path, "zip", title, date, FormatDocument.CONTAINER, "", false, "", List.of(0),
            List.of(), note);
    }

    private static Item failed(String path, String format, String title, LocalDate date, String keyword, String note,
                               Bytes bytes) {
        return new Item(new FormatDocument(path, format, title, date, FormatDocument.FAILED, keyword, false, "",
            List.of(0), List.of(), note), bytes);
    }

    static SourceText source(String resource) {
        return SourceText.parse(SampleBundle.readResource(resource));
    }

    static byte[] resourceBytes(String name) throws IOException {
        try (InputStream in = FormatBundle.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource on the classpath: " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Encodes strictly: a character the charset lacks is an error, never a silent '?'. */
    static byte[] encode(String text, Charset charset) throws CharacterCodingException {
        ByteBuffer buffer = charset.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .encode(CharBuffer.wrap(text));
        return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
    }

    /** HTML whose long words carry soft hyphens at their syllable breaks, and "§&nbsp;4-3". */
    static byte[] htmlWithSoftHyphens(SourceText text, LocalDate date) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"date\" content=\"").append(date).append("\">\n")
            .append("<title>").append(HtmlRenderer.escape(text.title())).append("</title>\n</head>\n<body>\n")
            .append("<h1>").append(HtmlRenderer.escape(text.title())).append("</h1>\n");
        for (String paragraph : text.body()) {
            List<String> words = new ArrayList<>();
            for (String word : paragraph.split(" ")) {
                StringBuilder out = new StringBuilder();
                int from = 0;
                if (word.length() >= 12) {
                    for (Hyphenator.Break b : Hyphenator.breaks(word)) {
                        if (b.addHyphen()) {
                            out.append(HtmlRenderer.escape(word.substring(from, b.index()))).append("&shy;");
                            from = b.index();
                        }
                    }
                }
                out.append(HtmlRenderer.escape(word.substring(from)));
                words.add(out.toString());
            }
            html.append("<p>").append(String.join(" ", words).replace("§ ", "§&nbsp;")).append("</p>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] truncatedPdf(SourceText text, LocalDate date) throws IOException {
        byte[] pdf = new PdfRenderer().render(text, text.title(), date);
        return Arrays.copyOf(pdf, pdf.length * 4 / 10);
    }

    static byte[] encryptedPdf(SourceText text, LocalDate date) throws IOException {
        byte[] plain = new PdfRenderer().render(text, text.title(), date);
        try (PDDocument document = Loader.loadPDF(plain)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(OWNER_PASSWORD, USER_PASSWORD,
                new AccessPermission());
            // RC4 needs no random initialisation vectors, so the bytes stay fixed (AES would not).
            policy.setEncryptionKeyLength(128);
            policy.setPreferAES(false);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] zipBomb() {
        byte[] zeros = new byte[BOMB_ENTRY_BYTES];
        Arrays.fill(zeros, (byte) '0');
        Map<String, byte[]> inner = new LinkedHashMap<>();
        for (int i = 1; i <= BOMB_ENTRIES; i++) {
            inner.put(String.format("nuller-%02d.txt", i), zeros);
        }
        return ZipBytes.zip(Map.of("innhold.zip", ZipBytes.zip(inner)));
    }

    static byte[] deeplyNested() {
        byte[] current = ZipBytes.zip(Map.of("bunn.txt",
            ("Denne teksten ligger " + NESTING_DEPTH + " arkiver dypt.\n").getBytes(StandardCharsets.UTF_8)));
        for (int level = NESTING_DEPTH; level > 1; level--) {
            current = ZipBytes.zip(Map.of("niva-" + level + ".zip", current));
        }
        return current;
    }

    static byte[] largeText(SourceText text) {
        byte[] block = (text.expectedText() + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[LARGE_TEXT_BYTES];
        for (int pos = 0; pos < out.length; pos += block.length) {
            System.arraycopy(block, 0, out, pos, Math.min(block.length, out.length - pos));
        }
        // End on a whole line: cut back to the last newline and pad with newlines (UTF-8 stays valid).
        int last = out.length - 1;
        while (out[last] != '\n') {
            last--;
        }
        Arrays.fill(out, last + 1, out.length, (byte) '\n');
        return out;
    }
}
