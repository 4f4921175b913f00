package no.evidens.pipeline.extract;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.WriteLimitReachedException;

/**
 * Turns what a parser threw, or a file that gave no text, into one of the fixed {@link Reason}s; the
 * library's own message goes to the detail. Tika's exception types say most; where a library says it
 * only in words (POI's "Strict OOXML", commons-compress's split archives), those words are matched.
 */
final class Failures {
    /** Encrypted formats Tika recognises but cannot read (PGP, AxCrypt, S/MIME enveloped data, …). */
    private static final Set<String> ENCRYPTED_TYPES = Set.of("application/pgp-encrypted", "application/x-axcrypt",
            "application/pkcs7-mime", "application/x-tika-iworks-protected", "application/x-tika-ooxml-protected",
            "application/x-tika-msoffice-encrypted");
    /** Drawings: CAD and vector formats, which hold shapes, not written text. */
    private static final Set<String> DRAWINGS = Set.of("image/vnd.dwg", "image/vnd.dxf", "application/dxf",
            "image/vnd.dgn", "application/sldworks", "image/svg+xml", "image/vnd.dwf", "model/vnd.dwf",
            "application/x-dwg");
    /** Archive formats: one that yields neither text nor an entry is broken. */
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-tar", "application/gzip",
            "application/x-gzip", "application/x-bzip2", "application/x-7z-compressed", "application/x-rar-compressed",
            "application/vnd.rar", "application/zlib", "application/x-xz", "application/x-compress", "application/java-archive");

    /**
     * Tika's words (lower case) when Tesseract did not finish a page or picture within its limit: it says so only in
     * a plain {@code TikaException}'s message, which the PDF parser may wrap.
     */
    private static final String TESSERACT_TIMEOUT = "tesseractocrparser timeout";

    private Failures() {
    }

    /** What a parser threw on a file of the detected {@code mediaType} (null when unknown). */
    static ExtractionException of(Throwable e, int maxChars, String mediaType) {
        String detail = detail(e);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("enveloped") || ENCRYPTED_TYPES.contains(type.split(";")[0].strip())) {
            return new ExtractionException(Reason.ENCRYPTED, detail, e);
        }
        if (WriteLimitReachedException.isWriteLimitReached(e)) {
            return new ExtractionException(Reason.TEXT_TOO_LONG, "limit " + maxChars + " characters", e);
        }
        String all = chainText(e).toLowerCase(Locale.ROOT);
        if (all.contains(TESSERACT_TIMEOUT)) {
            // Tesseract stopped at its limit for one page or picture (slow on a busy machine): the file ran out of
            // time, whatever the format's parser made of it afterwards; it says nothing of the bytes.
            return new ExtractionException(Reason.TIMED_OUT, "OCR limit per page or picture; " + detail, e);
        }
        if (has(e, EncryptedDocumentException.class) || all.contains("password") || all.contains("encrypted")) {
            return new ExtractionException(Reason.ENCRYPTED, detail, e);
        }
        UnsupportedZipFeatureException zip = find(e, UnsupportedZipFeatureException.class);
        if (zip != null && zip.getFeature() == UnsupportedZipFeatureException.Feature.SPLITTING
                || all.contains("split") && all.contains("archive") || all.contains("spanned")) {
            return new ExtractionException(Reason.MULTI_PART, detail, e);
        }
        if (zip != null && zip.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION) {
            return new ExtractionException(Reason.ENCRYPTED, detail, e);
        }
        if (has(e, UnsupportedFormatException.class) || zip != null || all.contains("strict ooxml")
                || all.contains("not supported") || all.contains("unsupported")) {
            return new ExtractionException(Reason.UNSUPPORTED_VARIANT, detail, e);
        }
        if (has(e, StackOverflowError.class) || has(e, OutOfMemoryError.class)
                || e instanceof RuntimeException && !(has(e, IOException.class))) {
            return new ExtractionException(Reason.PARSER_CRASHED, detail, e);
        }
        // Anything else a parser throws (EOF, a bad zip, a malformed structure) means the bytes are not
        // what the format requires.
        return new ExtractionException(Reason.DAMAGED, detail, e);
    }

    /** The reason a file of {@code mediaType} that parsed without error gave no text and held nothing. */
    static ExtractionException noText(String mediaType, boolean ocr) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String base = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type;
        String detail = mediaType == null ? null : "media type " + mediaType;
        if (ENCRYPTED_TYPES.contains(base) || base.contains("encrypted") || base.contains("protected")) {
            return new ExtractionException(Reason.ENCRYPTED, detail);
        }
        if (DRAWINGS.contains(base) || base.contains("dwg") || base.contains("cad")) {
            return new ExtractionException(Reason.DRAWING_OR_IMAGE, detail);
        }
        if (ARCHIVES.contains(base)) {
            return new ExtractionException(Reason.DAMAGED, detail == null ? null : detail + ", no readable entry");
        }
        if (base.startsWith("image/") || base.contains("pdf") || base.isEmpty()) {
            return new ExtractionException(ocr ? Reason.NO_TEXT_AFTER_OCR : Reason.NEEDS_OCR, detail);
        }
        return new ExtractionException(Reason.NO_TEXT, detail);
    }

    /** The library's message, first line of the deepest cause, with its exception class. */
    static String detail(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? "" : root.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        String top = e == root ? "" : e.getClass().getSimpleName() + " / ";
        return (top + root.getClass().getSimpleName() + (m.isBlank() ? "" : ": " + m));
    }

    private static String chainText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t.getClass().getName()).append(' ').append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
