package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.SAXException;

/**
 * Extracts text, pages and metadata with Apache Tika. The media type is detected from the content
 * (the file name only helps). Thread-safe: one instance serves all ingestion threads.
 */
public final class TikaExtractor {
    /** Most characters kept from one document; longer documents fail with this reason, never silently cut. */
    public static final int DEFAULT_MAX_CHARS = 20_000_000;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int maxChars;

    public TikaExtractor() {
        this(DEFAULT_MAX_CHARS);
    }

    public TikaExtractor(int maxChars) {
        this.maxChars = maxChars;
    }

    public Extraction extract(Path file) throws ExtractionException {
        try {
            if (Files.size(file) == 0) {
                throw new ExtractionException("the file is empty");
            }
        } catch (IOException e) {
            throw new ExtractionException("the file cannot be read: " + e.getMessage(), e);
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        PageTextHandler handler = new PageTextHandler(maxChars);
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, handler, metadata, new ParseContext());
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
        return new Extraction(handler.text(), handler.pageStarts(), mediaType == null ? "application/octet-stream" : mediaType,
                metadata.get(TikaCoreProperties.TITLE));
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
