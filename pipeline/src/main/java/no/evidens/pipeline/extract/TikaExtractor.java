package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
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
    /** Most bytes one embedded document may unpack to. */
    static final long MAX_EMBEDDED_BYTES = 512L * 1024 * 1024;
    /** Containers whose documents become documents of their own; others keep their embedded parts out. */
    private static final Set<String> CONTAINERS = Set.of("message/rfc822", "application/vnd.ms-outlook",
            "application/zip", "application/x-tar", "application/gzip", "application/x-7z-compressed");
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

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int maxChars;
    private final boolean ocr;

    public TikaExtractor() {
        this(DEFAULT_MAX_CHARS, tesseractInstalled());
    }

    /**
     * @param maxChars most characters kept from one document
     * @param ocr      whether to OCR pages without a text layer and images (needs Tesseract)
     */
    public TikaExtractor(int maxChars, boolean ocr) {
        this.maxChars = maxChars;
        this.ocr = ocr;
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
        tesseract.setTimeoutSeconds(OCR_TIMEOUT_SECONDS);
        context.set(TesseractOCRConfig.class, tesseract);
        // A Word file's running header and footer («Side 5») are page furniture, never body text.
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false);
        context.set(OfficeParserConfig.class, office);
        if (!ocr) {
            // Tika's default for PDFs OCRs only the pages that have no text layer; without Tesseract, none.
            PDFParserConfig pdf = new PDFParserConfig();
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
            context.set(PDFParserConfig.class, pdf);
        }
        return context;
    }

    @Override
    public Extraction extract(Path file) throws ExtractionException {
        return extract(file, file.getFileName().toString(), 0);
    }

    /** Extracts {@code file}, named {@code name}, found {@code depth} containers deep. */
    Extraction extract(Path file, String name, int depth) throws ExtractionException {
        try {
            if (Files.size(file) == 0) {
                throw new ExtractionException("the file is empty");
            }
        } catch (IOException e) {
            throw new ExtractionException("the file cannot be read: " + e.getMessage(), e);
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.substring(name.lastIndexOf('/') + 1));
        PageTextHandler handler = new PageTextHandler(maxChars);
        EmbeddedCollector children = null;
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            MediaType type = parser.getDetector().detect(in, metadata);
            if (ODS.equals(type.getBaseType().toString())) {
                handler.nameTables(OdsSheets.names(file));
            }
            ParseContext context = context();
            if (CONTAINERS.contains(type.getBaseType().toString())) {
                children = new EmbeddedCollector(this, depth, Files.size(file));
                context.set(EmbeddedDocumentExtractor.class, children);
            } else if (!"image".equals(type.getType())) {
                // (Tika runs OCR on an image as the image's embedded content: keep that.)
                context.set(EmbeddedDocumentExtractor.class, SKIP_EMBEDDED);
            }
            // A picture to OCR is read from a cleaned copy (OcrImage); its type stays the original's.
            Path cleaned = ocr && "image".equals(type.getType()) ? OcrImage.cleaned(file) : null;
            try (TikaInputStream picture = cleaned == null ? null : TikaInputStream.get(cleaned)) {
                parser.parse(picture == null ? in : picture, handler, metadata, context);
            } finally {
                if (cleaned != null) {
                    Files.deleteIfExists(cleaned);
                    metadata.set(Metadata.CONTENT_TYPE, type.toString());
                }
            }
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException("the file is encrypted or password-protected", e);
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ExtractionException("the text is longer than the limit of " + maxChars + " characters", e);
            }
            throw new ExtractionException("the file's content cannot be read: " + e.getMessage(), e);
        } catch (TikaException e) {
            throw new ExtractionException("the file is damaged or not what its name says ("
                    + firstLine(e) + ")", e);
        } catch (IOException e) {
            throw new ExtractionException("the file cannot be read: " + e.getMessage(), e);
        }
        String mediaType = metadata.get(Metadata.CONTENT_TYPE);
        List<Extraction.Embedded> embedded = children == null ? List.of() : children.found();
        if (handler.text().isBlank() && embedded.isEmpty()) {
            throw new ExtractionException(needsOcr(mediaType)
                    ? (ocr ? "no text found, not even by OCR" : "needs OCR: it has no text layer, and Tesseract is not installed")
                    : "no text found in the file");
        }
        List<Integer> pageStarts = handler.pageStarts();
        PdfLayout.Result layout = mediaType != null && mediaType.contains("pdf")
                ? PdfLayout.read(file, pageStarts.size()) : PdfLayout.Result.NONE;
        // Tika's paragraph breaks between lines the layout shows to be one paragraph are undone.
        String text = PdfParagraphs.rejoin(handler.text(), pageStarts, layout.joins());
        return new Extraction(text, pageStarts, mediaType == null ? "application/octet-stream" : mediaType,
                metadata.get(TikaCoreProperties.TITLE), embedded, metadata.get(TikaCoreProperties.CREATED),
                layout.marginLines(), layout.drawnHyphens());
    }

    /** Parses an embedded part straight into its container's text (an e-mail's body). */
    void parseInto(InputStream stream, ContentHandler handler, Metadata metadata) throws IOException, SAXException {
        ParseContext context = context();
        context.set(EmbeddedDocumentExtractor.class, SKIP_EMBEDDED);
        try {
            parser.parse(stream, handler, metadata, context);
        } catch (TikaException e) {
            throw new IOException("the message body cannot be read (" + firstLine(e) + ")", e);
        }
    }

    private static boolean needsOcr(String mediaType) {
        return mediaType == null || mediaType.startsWith("image/") || mediaType.contains("pdf");
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
