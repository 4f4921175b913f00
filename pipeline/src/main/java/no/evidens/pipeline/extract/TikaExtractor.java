package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts text, pages and metadata with Apache Tika. The media type is detected from the content
 * (the file name only helps). Thread-safe: one instance serves all ingestion threads.
 */
public final class TikaExtractor implements Extractor {
    /** Most characters kept from one document; longer documents fail with this reason, never silently cut. */
    public static final int DEFAULT_MAX_CHARS = 20_000_000;
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    /** How deep containers (zip in zip, mail in mail) are opened. */
    public static final int MAX_DEPTH = 5;
    /**
     * The version of extraction a remembered failure was reached with: Tika's own and ours (raise the
     * number when what Evidens does with Tika's output changes, so failed files are read again).
     */
    public static final String VERSION = org.apache.tika.Tika.getString() + " / evidens-extract 15";
    /** Most entries of a refused archive listed one by one in the receipt. */
    static final int MAX_LISTED = 10_000;
    /** Most bytes one embedded document may unpack to. */
    static final long MAX_EMBEDDED_BYTES = 512L * 1024 * 1024;
    private static final String MBOX = "application/mbox";
    private static final String RFC822 = "message/rfc822";
    private static final String KMZ = "application/vnd.google-earth.kmz";
    private static final String ZIP = "application/zip";
    private static final String TEXT = "text/plain";
    /** The name under which a container's read error after some of its documents is listed. */
    static final String REST = "(resten av filen)";
    /** Embedded images, fonts and objects of ordinary documents are not documents of their own. */
    private static final EmbeddedDocumentExtractor SKIP_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // never called: shouldParseEmbedded says no
        }
    };

    /** Tesseract's language for OCR: Norwegian (Debian's tesseract-ocr-nor). */
    public static final String OCR_LANGUAGE = "nor";
    /** Most seconds Tesseract may spend on one image or page. */
    static final int OCR_TIMEOUT_SECONDS = 120;

    /** Tika's own auto-detecting parser, its tables of parsers by type built once ({@link KeptParserTable}). */
    private final AutoDetectParser parser = KeptParserTable.create();
    private final int maxChars;
    private final boolean ocr;
    /** Seconds Tesseract may spend on one image or page ({@link #OCR_TIMEOUT_SECONDS} but in tests). */
    private final int ocrTimeoutSeconds;

    public TikaExtractor() {
        this(DEFAULT_MAX_CHARS, tesseractInstalled());
    }

    /**
     * @param maxChars most characters kept from one document
     * @param ocr      whether to OCR pages without a text layer and images (needs Tesseract)
     */
    public TikaExtractor(int maxChars, boolean ocr) {
        this(maxChars, ocr, OCR_TIMEOUT_SECONDS);
    }

    /** As {@link #TikaExtractor(int, boolean)}, with another limit for Tesseract on one image or page (tests). */
    TikaExtractor(int maxChars, boolean ocr, int ocrTimeoutSeconds) {
        this.maxChars = maxChars;
        this.ocr = ocr;
        this.ocrTimeoutSeconds = ocrTimeoutSeconds;
    }

    /** Whether Tesseract is on this machine, for Tika's OCR parser. */
    public static boolean tesseractInstalled() {
        try {
            return new TesseractOCRParser().hasTesseract();
        } catch (TikaConfigException e) {
            return false;
        }
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        // Parsers find their helpers here (the PDF parser its OCR parser); what is done with embedded
        // documents is still decided by the EmbeddedDocumentExtractor set per file.
        context.set(Parser.class, parser);
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setSkipOcr(!ocr);
        tesseract.setLanguage(OCR_LANGUAGE);
        tesseract.setTimeoutSeconds(ocrTimeoutSeconds);
        context.set(TesseractOCRConfig.class, tesseract);
        // A Word file's running header and footer («Side 5») are page furniture, never body text.
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false);
        context.set(OfficeParserConfig.class, office);
        PDFParserConfig pdf = new PDFParserConfig();
        if (!ocr) {
            // Tika's default for PDFs OCRs only the pages that have no text layer; without Tesseract, none.
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        } else {
            // A scanned page is cleaned as a picture file is before Tesseract reads it.
            pdf.setRenderer(new CleanedPdfRenderer());
        }
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    @Override
    public Extraction extract(Path file) throws ExtractionException {
        return extract(file, file.getFileName().toString(), 0, Set.of());
    }

    /**
     * Extracts {@code file}, named {@code name}, found {@code depth} containers deep inside containers
     * whose hashes are {@code above}.
     */
    Extraction extract(Path file, String name, int depth, Set<String> above) throws ExtractionException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, Failures.detail(e), e);
        }
        if (size == 0) {
            throw new ExtractionException(Reason.EMPTY);
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.substring(name.lastIndexOf('/') + 1));
        try (Detected detected = detect(file, metadata)) {
            return extract(file, name, depth, above, size, metadata, detected);
        }
    }

    /** {@link #extract(Path, String, int, Set)} once the file's type is {@code detected}. */
    private Extraction extract(Path file, String name, int depth, Set<String> above, long size, Metadata metadata,
                               Detected detected) throws ExtractionException {
        MediaType type = detected.type();
        String base = type.getBaseType().toString();
        if (MBOX.equals(base) && singleMessage(file)) {
            return extractSingleMessage(file, name, depth, above);
        }
        if (KMZ.equals(base)) {
            // A KMZ is a zip of KML (and anything else a zip holds): opened as the zip it is.
            metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, "application/zip");
            base = "application/zip";
        }
        ZipListing listing = ZIP.equals(base) ? ZipListing.read(file) : null;
        EmbeddedCollector children = new EmbeddedCollector(this, depth, size, file, above);
        if (listing != null && listing.declaredBytes() > Math.max(EmbeddedCollector.BOMB_MIN_BYTES,
                EmbeddedCollector.BOMB_RATIO * size)) {
            // Refused on its declared sizes before a byte is unpacked; each entry still listed.
            ExtractionException bomb = new ExtractionException(Reason.ZIP_BOMB,
                    "declares " + listing.declaredBytes() + " bytes unpacked from " + size);
            listing.entries().stream().limit(MAX_LISTED).forEach(e -> children.missing(e.name(), bomb));
            return new Extraction("", List.of(0), type.toString(), null, children.found(), null, List.of(), Set.of());
        }
        // The container the detection opened is read by the parse (not a type set by us: that is detected anew).
        OpenPdfLayout parsed = parse(file, metadata, type.toString(), children, null,
                metadata.get(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE) == null ? detected.take() : null);
        PageTextHandler handler = parsed.text();
        String mediaType = metadata.get(Metadata.CONTENT_TYPE);
        if (TEXT.equals(base) && handler.text().indexOf('\uFFFD') >= 0 && !isUtf8(file)) {
            // Tika's charset guess fails on short Windows-1252 text with a few curly quotes: read it as such.
            handler = parse(file, metadata, type.toString(), new EmbeddedCollector(this, depth, size, file, above),
                    "text/plain; charset=windows-1252", null).text();
        }
        if (listing != null) {
            for (ZipListing.Entry e : listing.entries()) {
                if (!children.has(e.name())) {
                    children.missing(e.name(), new ExtractionException(e.encrypted() ? Reason.ENCRYPTED : Reason.NOT_READ,
                            "listed in the zip, not given by the parser"));
                }
            }
        }
        String text = MailHeading.withSubject(handler.text(), metadata, mediaType);
        List<Integer> pageStarts = MailHeading.shifted(handler.pageStarts(), text.length() - handler.text().length());
        if (listing != null && !text.isBlank() && listing.onlyNames(text)) {
            text = "";
            pageStarts = List.of(0);
        }
        List<Extraction.Embedded> embedded = children.found();
        if (text.isBlank() && embedded.isEmpty()) {
            throw ContentChecks.hasEncryptionMarker(file)
                    ? new ExtractionException(Reason.ENCRYPTED, "media type " + mediaType) : Failures.noText(mediaType, ocr);
        }
        if (mediaType != null && mediaType.startsWith("text/plain") && !ContentChecks.looksLikeText(text)) {
            throw new ExtractionException(Reason.NOT_TEXT, "media type " + mediaType);
        }
        PdfLayout.Result layout = mediaType != null && mediaType.contains("pdf")
                ? parsed.layout(file, pageStarts.size()) : PdfLayout.Result.NONE;
        // Tika's paragraph breaks between lines the layout shows to be one paragraph are undone.
        text = PdfParagraphs.rejoin(text, pageStarts, layout.joins());
        return new Extraction(text, pageStarts, mediaType == null ? "application/octet-stream" : mediaType,
                metadata.get(TikaCoreProperties.TITLE), embedded, metadata.get(TikaCoreProperties.CREATED),
                layout.marginLines(), layout.drawnHyphens());
    }

    /**
     * Reads a part that exists only inside its container's parser (a PST mail item), in place, by the
     * parser for the type its container gave it.
     */
    Extraction extractOpen(TikaInputStream in, Metadata metadata, int depth, Set<String> above) throws ExtractionException {
        String type = metadata.get(Metadata.CONTENT_TYPE);
        if (type != null) {
            metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type);
        }
        EmbeddedCollector children = new EmbeddedCollector(this, depth, EmbeddedCollector.BOMB_MIN_BYTES, null, above);
        PageTextHandler handler = new PageTextHandler(maxChars);
        ParseContext context = context();
        context.set(EmbeddedDocumentExtractor.class, children);
        try {
            parser.parse(in, handler, metadata, context);
        } catch (IOException | SAXException | TikaException | RuntimeException | StackOverflowError e) {
            throw Failures.of(e, maxChars, type);
        }
        String mediaType = metadata.get(Metadata.CONTENT_TYPE);
        String text = MailHeading.withSubject(handler.text(), metadata,
                type != null && type.contains("mail") ? "message/rfc822" : mediaType);
        if (text.isBlank() && children.found().isEmpty()) {
            throw Failures.noText(mediaType, ocr);
        }
        return new Extraction(text, MailHeading.shifted(handler.pageStarts(), text.length() - handler.text().length()),
                mediaType == null ? "application/octet-stream" : mediaType, metadata.get(TikaCoreProperties.TITLE),
                children.found(), metadata.get(TikaCoreProperties.CREATED), List.of(), Set.of());
    }

    /**
     * Detects a file's type before it is parsed (to choose how), and tells the parse of the same file what it
     * is, by Tika's own override for a type a parser already knows ({@code CONTENT_TYPE_PARSER_OVERRIDE},
     * which Tika's detector answers first and its parsers are chosen by), so that Tika does not run every
     * pattern of its type registry over the same bytes again (a sixth of a worker's CPU on the generated
     * bundle). When the detection opened the file as a container (a zip, an Office package, an OLE file), its
     * stream is kept with the container open ({@link Detected}) for the parse, whose parser reads the container
     * it finds open, as it reads the one Tika's own detection opens when a file is parsed from scratch: the
     * container is not opened and detected a second time (an Office package's was 4% of a worker's CPU on
     * the generated bundle, flight recording of 2026-12-01).
     */
    private Detected detect(Path file, Metadata metadata) throws ExtractionException {
        TikaInputStream in = null;
        try {
            in = TikaInputStream.get(file, metadata);
            MediaType type = parser.getDetector().detect(in, metadata);
            if (type != null) {
                metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, type.toString());
            }
            if (in.getOpenContainer() == null) {
                in.close();
                return new Detected(type, null);
            }
            return new Detected(type, in);
        } catch (IOException e) {
            closeQuietly(in);
            throw new ExtractionException(Reason.UNREADABLE, Failures.detail(e), e);
        }
    }

    private static void closeQuietly(TikaInputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read from it yet that could be lost
            }
        }
    }

    /** A file's detected type and, when the detection opened it as a container, the stream holding it open. */
    private static final class Detected implements AutoCloseable {
        private final MediaType type;
        private TikaInputStream container;

        Detected(MediaType type, TikaInputStream container) {
            this.type = type;
            this.container = container;
        }

        MediaType type() {
            return type;
        }

        /** The stream with the container open, handed over once (its taker closes it), or null. */
        TikaInputStream take() {
            TikaInputStream out = container;
            container = null;
            return out;
        }

        @Override
        public void close() {
            closeQuietly(take());
        }
    }

    /**
     * Runs Tika over the file; every document it holds goes to {@code children}; a PDF's layout is read from
     * the document Tika loaded ({@link OpenPdfLayout}). A container that breaks part way keeps what it gave
     * before (and the archive's listing names the rest).
     */
    private OpenPdfLayout parse(Path file, Metadata metadata, String detected, EmbeddedCollector children,
                                String typeOverride, TikaInputStream opened) throws ExtractionException {
        String base = MediaType.parse(detected) == null ? detected : MediaType.parse(detected).getBaseType().toString();
        if (typeOverride != null) {
            metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, typeOverride);
        }
        if (metadata.get(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE) != null) {
            // A type set by us (a KMZ read as a zip, text read as Windows-1252) is the one detected and parsed.
            forgetDetected(metadata);
        }
        PageTextHandler handler = new PageTextHandler(maxChars);
        OpenPdfLayout parsed;
        try (TikaInputStream in = opened != null ? opened : TikaInputStream.get(file, metadata)) {
            parsed = new OpenPdfLayout(handler, in);
            if (ODS.equals(base)) {
                handler.nameTables(OdsSheets.names(file));
            }
            ParseContext context = context();
            if (!base.startsWith("image/")) {
                // (Tika runs OCR on an image as the image's embedded content: keep that.)
                context.set(EmbeddedDocumentExtractor.class, children);
            }
            // A picture to OCR is read from a cleaned copy (OcrImage); its type stays the original's.
            Path cleaned = ocr && base.startsWith("image/") ? OcrImage.cleaned(file) : null;
            if (cleaned != null) {
                forgetDetected(metadata); // the cleaned copy is detected as it is
            }
            try (TikaInputStream picture = cleaned == null ? null : TikaInputStream.get(cleaned)) {
                parser.parse(picture == null ? in : picture, parsed, metadata, context);
            } finally {
                // Told to this parse only: a later parse of the same metadata (the Windows-1252 retry) detects anew.
                forgetDetected(metadata);
                if (cleaned != null) {
                    Files.deleteIfExists(cleaned);
                    metadata.set(Metadata.CONTENT_TYPE, detected);
                }
            }
        } catch (IOException | SAXException | TikaException | RuntimeException | StackOverflowError e) {
            ExtractionException failure = Failures.of(e, maxChars, detected);
            if (children.found().isEmpty() || failure.reason() == Reason.TEXT_TOO_LONG) {
                throw failure;
            }
            // What it gave before the break is kept; the break itself is listed, not passed over.
            children.missing(REST, failure);
            parsed = new OpenPdfLayout(handler, null);
        }
        return parsed;
    }

    private static void forgetDetected(Metadata metadata) {
        metadata.remove(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE.getName());
    }

    /** An {@code .eml} that begins with an mbox {@code From } line: read as the one e-mail it is. */
    private Extraction extractSingleMessage(Path file, String name, int depth, Set<String> above) throws ExtractionException {
        Path eml = null;
        try {
            eml = ContentChecks.withoutFirstLine(file);
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.substring(name.lastIndexOf('/') + 1));
            EmbeddedCollector children = new EmbeddedCollector(this, depth, Files.size(file), file, above);
            PageTextHandler handler = parse(eml, metadata, RFC822, children, RFC822, null).text();
            String text = MailHeading.withSubject(handler.text(), metadata, RFC822);
            if (text.isBlank() && children.found().isEmpty()) {
                throw Failures.noText(RFC822, ocr);
            }
            return new Extraction(text, List.of(0), RFC822, metadata.get(TikaCoreProperties.TITLE), children.found(),
                    metadata.get(TikaCoreProperties.CREATED), List.of(), Set.of());
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, Failures.detail(e), e);
        } finally {
            deleteQuietly(eml);
        }
    }

    private static boolean singleMessage(Path file) throws ExtractionException {
        try {
            return ContentChecks.mboxMessages(file) <= 1;
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, Failures.detail(e), e);
        }
    }

    private static boolean isUtf8(Path file) throws ExtractionException {
        try {
            return ContentChecks.isUtf8(file);
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, Failures.detail(e), e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file; the system's cleaner takes it
            }
        }
    }

    /** Parses an embedded part straight into its container's text (an e-mail's body). */
    void parseInto(InputStream stream, ContentHandler handler, Metadata metadata) throws IOException, SAXException {
        ParseContext context = context();
        context.set(EmbeddedDocumentExtractor.class, SKIP_EMBEDDED);
        try {
            parser.parse(stream, handler, metadata, context);
        } catch (TikaException e) {
            throw new IOException("the message body cannot be read", e);
        }
    }
}
