package no.evidens.pipeline.ingest;

/**
 * What became of one file of a bundle, or of one document inside one.
 *
 * @param path     path inside the bundle ({@code !/} before each step into a container)
 * @param sha256   hex SHA-256 of its bytes, or null when it could not be read
 * @param type     document type
 * @param status   {@code indexed}, {@code container} (an archive with no text of its own, whose documents
 *                 each have their own line), {@code duplicate} or {@code failed}
 * @param reason   why it failed or was skipped: one of the fixed plain sentences
 *                 ({@link no.evidens.pipeline.extract.Reason}); null when indexed
 * @param detail   the library's own message or the limit that was hit, for whoever debugs; or null
 * @param pages    pages found (0 when not indexed)
 * @param passages passages indexed (0 when not indexed)
 */
public record ReceiptFile(String path, String sha256, String type, String status, String reason, String detail,
                          int pages, int passages) {
    public static final String INDEXED = "indexed";
    public static final String CONTAINER = "container";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";
}
