package no.evidens.pipeline.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The account of one ingestion: every file of the bundle exactly once.
 *
 * @param manifest the bundle's manifest file, or null when it has none (it is read, not indexed)
 */
public record Receipt(@JsonProperty("case") String caseId, String bundle, String manifest, List<ReceiptFile> files, Counts counts) {
    /**
     * @param indexed    documents indexed with their text
     * @param duplicate  files whose bytes were already in the case
     * @param failed     files and documents inside them that gave no text, each with its reason
     * @param containers archives with no text of their own (their documents are counted one by one)
     * @param skipped    files the system made beside the documents (Thumbs.db, an Office lock file), not read; written
     *                   only when there are any, so a receipt without them reads as before
     */
    public record Counts(int indexed, int duplicate, int failed, int containers,
                         @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
                         int skipped) {
        /** Counts of a bundle with no file skipped. */
        public Counts(int indexed, int duplicate, int failed, int containers) {
            this(indexed, duplicate, failed, containers, 0);
        }
    }

    public Receipt {
        files = List.copyOf(files);
    }
}
