package no.evidens.pipeline.extract;

import java.util.Locale;

/**
 * Why a file or a part of one gave no indexed text: a fixed set, each a plain sentence a person can act
 * on. The library's own message, if any, goes apart in the receipt's {@code detail}, never in the reason.
 */
public enum Reason {
    ENCRYPTED("encrypted: the file is password-protected or encrypted and cannot be read without its key"),
    DAMAGED("damaged: the file is broken, cut short or not what its name says, and cannot be read"),
    UNSUPPORTED_VARIANT("unsupported variant: this kind of file, or this version of its format, cannot be read"),
    MULTI_PART("part of a multi-part archive: it can only be opened together with its other parts"),
    DRAWING_OR_IMAGE("no text: a drawing or image without written text"),
    NEEDS_OCR("needs OCR: it has no text layer, and Tesseract is not installed"),
    NO_TEXT_AFTER_OCR("no text: it has no text layer, and OCR found no text on it"),
    NO_TEXT("no text: the file holds no written text (sound, video, data or an empty document)"),
    EMPTY("empty: the file has no content (0 bytes)"),
    TEXT_TOO_LONG("too large: the text is longer than the limit for one document; not cut, refused"),
    ENTRY_TOO_LARGE("too large: it unpacks to more than the limit for one file; not opened"),
    ZIP_BOMB("too large: the archive unpacks to more than 100 times its own size (a possible zip bomb); not opened"),
    CONTAINS_ITSELF("contains itself: the same bytes as an archive it lies in; read once there, not opened again"),
    TOO_DEEP("too deep: nesting of containers (zip in zip) deeper than the limit; not opened"),
    UNSAFE_PATH("unsafe path: its name points outside the archive; not unpacked"),
    SAME_NAME("same name: the zip holds another entry of this name (written with backslashes, or differing only in its "
            + "encoding); the first is unpacked, this one not"),
    UNSAFE_LINK("unsafe path: a link to a file or folder outside the bundle; not followed"),
    TIMED_OUT("timed out: reading it took longer than the time limit; stopped"),
    PARSER_CRASHED("parser crashed: the reader failed or ran out of memory on this file"),
    NOT_TEXT("not text: the content is random or binary bytes, not text"),
    NOT_READ("not read: the archive lists it, but its content could not be taken out"),
    NOT_STORED("not stored: the search index refused it or could not be reached; ingest the bundle again to retry"),
    NOT_SAVED("not saved: the index could not be saved to disk (the disk is full, or it could not be written); free some "
            + "space and ingest the bundle again to take it up"),
    NOT_SAVED_BY_CLUSTER("not saved: the SolrCloud cluster refused the writes or could not be reached, and did not confirm "
            + "that it saved it; ingest the bundle again when the cluster is back to take it up"),
    UNREADABLE("cannot be read: the file could not be opened from disk"),
    CHANGED_DURING_INGEST("changed during ingest: the file was changed on disk while it was read; ingest the bundle again "
            + "to read it"),
    UNREADABLE_FOLDER("cannot be read: the folder could not be opened from disk; the files in it are not listed"),
    MISSING("missing: listed in manifest.csv but not in the bundle"),
    /** Not a failure: the receipt line's status is {@code skipped}, and the ingest does not fail for it. */
    SYSTEM_FILE("skipped: a file Windows, macOS or Office makes for itself beside the documents (Thumbs.db, desktop.ini, "
            + "an Office lock file ~$…, __MACOSX/, ._ files, .DS_Store), not a document; not read"),
    UNEXPECTED("unexpected error while processing the file");

    private final String text;

    Reason(String text) {
        this.text = text;
    }

    /** The sentence shown in receipts and messages. */
    public String text() {
        return text;
    }

    /** The short name in JSON and in the eval ({@code too-deep}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason whose sentence is {@code text}, or {@link #UNEXPECTED}. */
    public static Reason fromText(String text) {
        for (Reason r : values()) {
            if (r.text.equals(text)) {
                return r;
            }
        }
        return UNEXPECTED;
    }

    /** Whether {@code reason} is one of the fixed sentences (never a library's message). */
    public static boolean isFixed(String reason) {
        for (Reason r : values()) {
            if (r.text.equals(reason)) {
                return true;
            }
        }
        return false;
    }
}
