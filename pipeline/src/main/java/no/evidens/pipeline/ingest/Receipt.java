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
     */
    public record Counts(int indexed, int duplicate, int failed, int containers) {
    }

    public Receipt {
        files = List.copyOf(files);
    }
}
