package no.evidens.pipeline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.BoundedInputStream;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Takes the documents a container holds (e-mail attachments, files in a zip) out as documents of
 * their own, each extracted on its own with its own pages, instead of Tika's default of pouring
 * their text into the container's. Bounded in size and in depth.
 */
final class EmbeddedCollector implements EmbeddedDocumentExtractor {
    /** Unpacked bytes past which a container's compression ratio is checked. */
    static final long BOMB_MIN_BYTES = 10L * 1024 * 1024;
    /** Most a container may unpack to, as a multiple of its own size, past {@link #BOMB_MIN_BYTES}. */
    static final long BOMB_RATIO = 100;

    private final TikaExtractor extractor;
    private final int depth;
    private final long containerBytes;
    private final List<Extraction.Embedded> found = new ArrayList<>();
    private long unpacked;
    private boolean bomb;

    EmbeddedCollector(TikaExtractor extractor, int depth, long containerBytes) {
        this.extractor = extractor;
        this.depth = depth;
        this.containerBytes = containerBytes;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return true;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws IOException, SAXException {
        if (isMessageBody(metadata)) {
            // The text of an e-mail is the e-mail's own, not a document of its own.
            extractor.parseInto(stream, new EmbeddedContentHandler(handler), metadata);
            return;
        }
        String name = nameOf(metadata);
        if (name.startsWith("/") || List.of(name.split("/")).contains("..")) {
            found.add(new Extraction.Embedded(name, null, null, "unsafe path in the archive (it points outside it); not opened"));
            return;
        }
        if (bomb) {
            found.add(new Extraction.Embedded(name, null, null, bombReason()));
            return;
        }
        if (depth + 1 > TikaExtractor.MAX_DEPTH) {
            found.add(new Extraction.Embedded(name, null, null,
                    "nesting deeper than " + TikaExtractor.MAX_DEPTH + " containers (zip in zip); not opened"));
            return;
        }
        BoundedInputStream bounded = new BoundedInputStream(TikaExtractor.MAX_EMBEDDED_BYTES, stream);
        try (TemporaryResources tmp = new TemporaryResources();
             TikaInputStream tis = TikaInputStream.get(bounded, tmp, new Metadata())) {
            java.nio.file.Path file = tis.getPath(); // spools the bytes to a temporary file
            if (bounded.hasHitBound()) {
                found.add(new Extraction.Embedded(name, null, null, "larger than "
                        + (TikaExtractor.MAX_EMBEDDED_BYTES >> 20) + " MB unpacked (a possible zip bomb); not opened"));
                return;
            }
            unpacked += java.nio.file.Files.size(file);
            if (unpacked > BOMB_MIN_BYTES && unpacked > BOMB_RATIO * containerBytes) {
                bomb = true;
                found.add(new Extraction.Embedded(name, null, null, bombReason()));
                return;
            }
            String sha = Sha256.of(file);
            try {
                found.add(new Extraction.Embedded(name, sha, extractor.extract(file, name, depth + 1), null));
            } catch (ExtractionException e) {
                found.add(new Extraction.Embedded(name, sha, null, e.getMessage()));
            }
        }
    }

    private String bombReason() {
        return "the archive unpacks to more than " + BOMB_RATIO + " times its own size (a possible zip bomb); not opened";
    }

    /** A part of an e-mail with no file name and not sent as an attachment, in plain text or HTML: the body. */
    private static boolean isMessageBody(Metadata metadata) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        String type = metadata.get(Metadata.CONTENT_TYPE);
        String disposition = metadata.get("Content-Disposition");
        return (name == null || name.isBlank()) && type != null
                && (type.startsWith("text/plain") || type.startsWith("text/html"))
                && (disposition == null || disposition.toLowerCase(java.util.Locale.ROOT).startsWith("inline"));
    }

    private String nameOf(Metadata metadata) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name == null || name.isBlank()) {
            name = metadata.get(TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID);
        }
        if (name == null || name.isBlank()) {
            name = "vedlegg-" + (found.size() + 1);
        }
        return name.replace('\\', '/');
    }

    List<Extraction.Embedded> found() {
        return found;
    }
}
