package no.evidens.pipeline.web;

import java.util.Optional;

import no.evidens.index.IndexHealth;

/**
 * Where a received upload goes in the queue ({@link IngestJobs#take}): run at once, or waiting: for the index (known not
 * writable now, in the words of the look at it when there was one), behind the jobs of the home waiting or running, or
 * behind the one another server on the home runs.
 *
 * @param writable  whether the index could be written, as the retries last saw it
 * @param look      the look at the cluster's health when it could not be, else empty
 * @param elsewhere the job another server on the home runs, or null
 * @param waits     whether the upload waits (the index not writable, or any job before it)
 */
record UploadPlacement(boolean writable, Optional<IndexHealth> look, IngestJob elsewhere, boolean waits) {
    /** @param before whether a job of the home waits or runs here already */
    static UploadPlacement of(boolean writable, Optional<IndexHealth> look, IngestJob elsewhere, boolean before) {
        return new UploadPlacement(writable, look, elsewhere, !writable || before || elsewhere != null);
    }

    /** Marks a new job waiting when it waits: behind another server's writer, or for the index (and behind those waiting). */
    void settle(IngestJob made) {
        if (elsewhere != null && writable) {
            IngestOutcome.waitForWriter(made); // behind the one another server on the home runs
        } else if (waits) {
            // for the index (in the look's words: a shard without a leader, a core stuck), or behind those waiting
            IngestOutcome.waitForIndex(made, look);
        }
    }

    /** Why a waiting upload waits, for the log. */
    String why() {
        if (!writable) {
            return "the index cannot be written now" + look.map(h -> " (" + h.state().code() + ")").orElse("");
        }
        return elsewhere != null ? "behind job " + elsewhere.id + " of another server on the home" : "behind another";
    }
}
