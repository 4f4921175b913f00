package no.evidens.pipeline.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The account of one ingestion: every file of the bundle exactly once.
 *
 * @param manifest the bundle's manifest file, or null when it has none (it is read, not indexed)
 */
public record Receipt(@JsonProperty("case") String caseId, String bundle, String manifest, List<ReceiptFile> files, Counts counts) {
    public record Counts(int indexed, int duplicate, int failed) {
    }

    public Receipt {
        files = List.copyOf(files);
    }
}
