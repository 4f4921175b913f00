package no.evidens.pipeline.bundle;

import java.util.Locale;
import java.util.Set;

/**
 * Files an operating system or Office writes beside a user's documents, which come along when a folder is zipped or
 * copied: Windows' thumbnail caches and folder settings, Word's and Excel's lock files ({@code ~$rapport.docx}, the
 * name of whoever had the document open), and what macOS adds ({@code __MACOSX/}, {@code ._} files, {@code .DS_Store}).
 * They hold no evidence; read, they failed (Thumbs.db, a lock file) or were indexed as documents (desktop.ini).
 */
final class SystemFiles {
    /** Names matched whatever their case, as Windows matches them. */
    private static final Set<String> NAMES = Set.of("thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", ".ds_store");

    private SystemFiles() {
    }

    /** Whether the file at this path of a bundle is one the system made, not a document. */
    static boolean is(String pathInBundle) {
        String[] parts = pathInBundle.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("__MACOSX")) {
                return true;
            }
        }
        String name = parts[parts.length - 1];
        return NAMES.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith("~$") || name.startsWith("._");
    }
}
