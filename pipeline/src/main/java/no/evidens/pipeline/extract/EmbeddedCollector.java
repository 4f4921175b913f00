package no.evidens.pipeline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
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
 * Takes every document a file holds out as a document of its own (an e-mail's attachments, the files
 * of an archive or an mbox, a PDF inside a spreadsheet, files embedded in RTF or attached to a PDF),
 * each extracted on its own with its own pages and its own containers, instead of Tika's default of
 * pouring their text into the parent's. An e-mail's or MHTML page's body parts join the parent's text.
 * Bounded in size (a byte budget per container, so a bomb is stopped while it is copied) and in depth;
 * what cannot be read is kept with its reason. A part with the same bytes as its container or one above
 * it (a zip that holds itself, a gzip quine) is listed as such and not opened again: its text was read once.
 */
final class EmbeddedCollector implements EmbeddedDocumentExtractor {
    /** Unpacked bytes every container may reach whatever its own size. */
    static final long BOMB_MIN_BYTES = 10L * 1024 * 1024;
    /** Most a container may unpack to, as a multiple of its own size, past {@link #BOMB_MIN_BYTES}. */
    static final long BOMB_RATIO = 100;
    /**
     * Parts that are not content of their own: renderings and thumbnails of the parent itself, its
     * fonts, macro code, XMP metadata and earlier revisions of a PDF.
     */
    private static final Set<String> NOT_CONTENT = Set.of(
            TikaCoreProperties.EmbeddedResourceType.THUMBNAIL.name(), TikaCoreProperties.EmbeddedResourceType.RENDERING.name(),
            TikaCoreProperties.EmbeddedResourceType.FONT.name(), TikaCoreProperties.EmbeddedResourceType.MACRO.name(),
            TikaCoreProperties.EmbeddedResourceType.METADATA.name(), TikaCoreProperties.EmbeddedResourceType.VERSION.name());

    private final TikaExtractor extractor;
    private final int depth;
    private final long allowedBytes;
    /** The container's own file (null for a part read in place), whose hash joins {@link #above} lazily. */
    private final Path container;
    /** Hashes of the containers this one lies in. */
    private final Set<String> above;
    private Set<String> lineage;
    private final List<Extraction.Embedded> found = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private long unpacked;
    private boolean bomb;

    EmbeddedCollector(TikaExtractor extractor, int depth, long containerBytes, Path container, Set<String> above) {
        this.extractor = extractor;
        this.depth = depth;
        this.allowedBytes = Math.max(BOMB_MIN_BYTES, BOMB_RATIO * containerBytes);
        this.container = container;
        this.above = Set.copyOf(above);
    }

    /**
     * Hashes of this container and every container above it; its own is taken only when it turns out to
     * hold a part, so a file that holds nothing is not read twice.
     */
    private Set<String> lineage() throws IOException {
        if (lineage == null) {
            Set<String> all = new HashSet<>(above);
            if (container != null) {
                all.add(Sha256.of(container));
            }
            lineage = Set.copyOf(all);
        }
        return lineage;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        String type = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE);
        return type == null || !NOT_CONTENT.contains(type);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws IOException, SAXException {
        if (!shouldParseEmbedded(metadata)) {
            return;
        }
        if (isBodyPart(metadata)) {
            // The text of an e-mail (or of an MHTML page) is the parent's own, not a document of its own.
            extractor.parseInto(stream, new EmbeddedContentHandler(handler), metadata);
            return;
        }
        String name = uniqueName(nameOf(metadata));
        if (name.startsWith("/") || List.of(name.split("/")).contains("..")) {
            fail(name, null, new ExtractionException(Reason.UNSAFE_PATH, name));
            return;
        }
        long budget = Math.min(TikaExtractor.MAX_EMBEDDED_BYTES, allowedBytes - unpacked);
        if (bomb || budget <= 0) {
            bomb = true;
            fail(name, null, new ExtractionException(Reason.ZIP_BOMB, bombDetail()));
            return;
        }
        if (depth + 1 > TikaExtractor.MAX_DEPTH) {
            fail(name, null, new ExtractionException(Reason.TOO_DEEP, "more than " + TikaExtractor.MAX_DEPTH + " levels"));
            return;
        }
        Object open = stream instanceof TikaInputStream t ? t.getOpenContainer() : null;
        if (open instanceof DirectoryEntry dir) {
            // An OLE document inside another (a message attached to an Outlook message, a workbook in a
            // Word file): Tika hands over its folder, not its bytes; written out as the file it is.
            stream = OleFolders.asStream(dir);
        } else if (open != null) {
            // A part only its container's own parser can read (a PST mail item): read in place.
            try {
                Extraction read = extractor.extractOpen((TikaInputStream) stream, metadata, depth + 1, lineage());
                // It has no bytes of its own: its identity (and its index entry's hash) is its text's.
                found.add(new Extraction.Embedded(name, Sha256.ofText(read.text()), read, null, null));
            } catch (ExtractionException e) {
                fail(name, null, e);
            }
            return;
        }
        // A bounded copy: an entry that lies about its size is stopped at the container's remaining budget.
        BoundedInputStream bounded = new BoundedInputStream(budget, stream);
        try (TemporaryResources tmp = new TemporaryResources();
             TikaInputStream tis = TikaInputStream.get(bounded, tmp, new Metadata())) {
            Path file = tis.getPath(); // spools the bytes to a temporary file
            if (bounded.hasHitBound()) {
                if (budget < TikaExtractor.MAX_EMBEDDED_BYTES) {
                    bomb = true;
                    fail(name, null, new ExtractionException(Reason.ZIP_BOMB, bombDetail()));
                } else {
                    fail(name, null, new ExtractionException(Reason.ENTRY_TOO_LARGE,
                            "more than " + (TikaExtractor.MAX_EMBEDDED_BYTES >> 20) + " MB unpacked"));
                }
                return;
            }
            unpacked += Files.size(file);
            String sha = Sha256.of(file);
            if (lineage().contains(sha)) {
                // A Droste zip or a gzip quine: opening it again would give the same text once per level.
                fail(name, sha, new ExtractionException(Reason.CONTAINS_ITSELF, "the same SHA-256 as a container above it"));
                return;
            }
            try {
                found.add(new Extraction.Embedded(name, sha, extractor.extract(file, name, depth + 1, lineage()), null, null));
            } catch (ExtractionException e) {
                fail(name, sha, e);
            }
        }
    }

    /** Records a part that could not be read. */
    void fail(String name, String sha256, ExtractionException e) {
        found.add(new Extraction.Embedded(name, sha256, null, e.reason(), e.detail()));
    }

    private String bombDetail() {
        return "more than " + (allowedBytes >> 20) + " MB unpacked from a container";
    }

    /** A part without a file name, not sent as an attachment, in plain text or HTML: an e-mail's body. */
    private static boolean isBodyPart(Metadata metadata) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        String type = metadata.get(Metadata.CONTENT_TYPE);
        String disposition = metadata.get("Content-Disposition");
        return (name == null || name.isBlank()) && type != null
                && (type.startsWith("text/plain") || type.startsWith("text/html"))
                && (disposition == null || disposition.toLowerCase(Locale.ROOT).startsWith("inline"));
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

    /** Two parts of one container never share a name, so each has its own line in the receipt. */
    private String uniqueName(String name) {
        String unique = name;
        for (int n = 2; !names.add(unique); n++) {
            unique = name + " (" + n + ")";
        }
        return unique;
    }

    /** Records a part its container lists but the parser never gave. */
    void missing(String name, ExtractionException e) {
        names.add(name);
        fail(name, null, e);
    }

    /** Whether a part of this name was seen (an archive's listed entry the parser did give). */
    boolean has(String name) {
        return names.contains(name);
    }

    List<Extraction.Embedded> found() {
        return found;
    }
}
