package no.evidens.pipeline.ingest;

/**
 * What became of one file of a bundle.
 *
 * @param path     path inside the bundle
 * @param sha256   hex SHA-256 of its bytes, or null when it could not be read
 * @param type     document type
 * @param status   {@code indexed}, {@code duplicate} or {@code failed}
 * @param reason   why it failed or was skipped, for a person to read; null when indexed
 * @param pages    pages found (0 when not indexed)
 * @param passages passages indexed (0 when not indexed)
 */
public record ReceiptFile(String path, String sha256, String type, String status, String reason, int pages,
                          int passages) {
    public static final String INDEXED = "indexed";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";
}
