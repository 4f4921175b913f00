package no.evidens.pipeline.ingest;

/**
 * What became of one file of a bundle, or of one document inside one.
 *
 * @param path     path inside the bundle ({@code !/} before each step into a container)
 * @param sha256   hex SHA-256 of its bytes, or null when it could not be read
 * @param type     document type
 * @param status   {@code indexed}, {@code container} (an archive with no text of its own, whose documents
 *                 each have their own line), {@code duplicate}, {@code failed} or {@code skipped} (a file the system
 *                 made beside the documents, such as Thumbs.db: not read, reason {@code skipped: …})
 * @param reason   why it failed or was skipped: one of the fixed plain sentences
 *                 ({@link no.evidens.pipeline.extract.Reason}); null when indexed
 * @param detail   the library's own message or the limit that was hit, for whoever debugs; or null
 * @param pages    pages found (0 when not indexed)
 * @param passages passages indexed (0 when not indexed)
 * @param newVersionOf the document this file's content replaces: the path was in the case from the same bundle
 *                 with other content before ({@link CaseVersions}); null (and not written) otherwise
 */
public record ReceiptFile(String path, String sha256, String type, String status, String reason, String detail,
                          int pages, int passages,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          String newVersionOf) {
    public ReceiptFile(String path, String sha256, String type, String status, String reason, String detail, int pages,
                       int passages) {
        this(path, sha256, type, status, reason, detail, pages, passages, null);
    }

    /** This line, saying that its content replaces the document {@code docId}. */
    public ReceiptFile asNewVersionOf(String docId) {
        return new ReceiptFile(path, sha256, type, status, reason, detail, pages, passages, docId);
    }

    public static final String INDEXED = "indexed";
    public static final String CONTAINER = "container";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";
    /** A file the system made beside the documents (Thumbs.db, an Office lock file): not read, and not a failure. */
    public static final String SKIPPED = "skipped";
    /** A duplicate's reason when the file it repeats was ingested before this bundle. */
    public static final String DUPLICATE_IN_CASE = "the same content is already in this case";
    /** A container's reason when it was in the case with documents missing, and was read again to bring them in. */
    public static final String DUPLICATE_READ_AGAIN = "the same content is already in this case, but documents in it were "
            + "missing: read again";
    /**
     * A container's reason when it is in the case with documents missing that this ingestion does not read again
     * (they were missing after two readings in a row).
     */
    public static final String DUPLICATE_INCOMPLETE = "the same content is already in this case, but documents in it "
            + "are missing: not read again (ingest --retry-failed reads it again)";
    /** The start of a duplicate's reason that names the file of this bundle it repeats. */
    public static final String DUPLICATE_OF = "the same content as ";
    /** A container's reason: how many files it holds ({@link #containerReason}). */
    private static final java.util.regex.Pattern CONTAINER_REASON = java.util.regex.Pattern.compile("an archive of (\\d+) files?, .*");

    /** A duplicate's reason: the file of this bundle it repeats, or null when that was in the case already. */
    public static String duplicateReason(String original) {
        return original == null ? DUPLICATE_IN_CASE : DUPLICATE_OF + original;
    }

    /** A container's reason: it holds {@code n} files, each with a line of its own. */
    public static String containerReason(int n) {
        return "an archive of " + n + (n == 1 ? " file, listed" : " files, each listed") + " on its own";
    }

    /** The number of files a container's reason names, or -1 when the reason is not a container's. */
    public static int containerFiles(String reason) {
        java.util.regex.Matcher m = CONTAINER_REASON.matcher(reason == null ? "" : reason);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
