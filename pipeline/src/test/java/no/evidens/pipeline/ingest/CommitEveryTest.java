package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How often an ingestion commits: every 25 documents in a small bundle, about twenty times in a large one. */
class CommitEveryTest {
    @Test
    void twentyCommitsABundleButNeverFewerThan25DocumentsApart() {
        assertEquals(25, IngestRoute.commitEvery(0));
        assertEquals(25, IngestRoute.commitEvery(300));
        assertEquals(50, IngestRoute.commitEvery(1_000));
        assertEquals(5_000, IngestRoute.commitEvery(100_000));
    }
}
