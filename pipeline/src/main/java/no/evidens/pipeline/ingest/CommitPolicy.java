package no.evidens.pipeline.ingest;

import java.time.Duration;

/**
 * When an ingestion (or a reindex) commits the index, counted in documents added since the last commit. A commit is when what was
 * added becomes durable: a process killed mid-ingest loses what came after the last one, and ingesting again reads
 * it again. Each commit also writes what each adding thread holds as a segment of its own and syncs its files, and
 * Lucene merges many small segments again; so a bundle is committed a quarter at a time, and sooner, from a twentieth
 * on, once a minute has passed since the last commit (a slow or very large bundle stays durable about once a minute).
 * Never fewer than {@link #FEWEST} documents apart. The ingestion's last commit, after its last document, is not
 * this policy's.
 *
 * @param atLeast documents before a commit that a minute since the last commit allows
 * @param atMost  documents after which a commit is made however little time has passed
 * @param after   the time since the last commit from which {@code atLeast} documents are enough
 */
public record CommitPolicy(int atLeast, int atMost, Duration after) {
    /** Fewest documents between commits. */
    static final int FEWEST = 25;
    /** A commit once a bundle's quarter has been added ... */
    static final int QUARTERS = 4;
    /** ... or its twentieth, once {@link #AFTER} has passed. */
    static final int TWENTIETHS = 20;
    static final Duration AFTER = Duration.ofMinutes(1);

    public CommitPolicy {
        if (atLeast < 1 || atMost < atLeast || after.isNegative()) {
            throw new IllegalArgumentException("commit policy: " + atLeast + ", " + atMost + ", " + after);
        }
    }

    /** The policy for a bundle of so many files (a file that holds documents counts once: the share is a guide). */
    public static CommitPolicy forBundle(int files) {
        return new CommitPolicy(Math.max(FEWEST, files / TWENTIETHS), Math.max(FEWEST, files / QUARTERS), AFTER);
    }

    /** Whether to commit, {@code added} documents and {@code nanos} of time after the last commit. */
    public boolean due(int added, long nanos) {
        return added >= atMost || (added >= atLeast && nanos >= after.toNanos());
    }
}
