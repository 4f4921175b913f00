package no.evidens.pipeline.web;

import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;

import org.apache.lucene.store.LockObtainFailedException;

import no.evidens.index.IndexHealth;
import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptNotSaved;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * How an upload's ingestion ended when it did not end well ({@link IngestJobs}): the words of its failure, or a wait for
 * the index (a SolrCloud cluster or its ZooKeeper that did not answer, or refused the writes; or the embedded index held by
 * another ingestion).
 */
final class IngestOutcome {
    private IngestOutcome() {
    }

    /** The job waits for the index: its bundle is kept, and it is ingested again when the index answers. */
    static void waitForIndex(IngestJob job) {
        job.state = IngestJob.WAITING;
        job.error = new ErrorTexts.Keyed("error.ingest.waiting-for-index", List.of());
    }

    /**
     * The job waits for the index, as {@link #waitForIndex(IngestJob)}; when a look at the cluster found a shard without a
     * leader or a core stuck, its words say that (and which shard and node), not only that the index does not answer.
     */
    static void waitForIndex(IngestJob job, Optional<IndexHealth> look) {
        waitForIndex(job);
        look.ifPresent(h -> {
            List<String> args = List.of(String.join(", ", h.nodes()), String.join(", ", h.shards()));
            if (h.state() == IndexHealth.State.SHARD_WITHOUT_LEADER) {
                job.error = new ErrorTexts.Keyed("error.ingest.waiting-for-cluster.shard-without-leader", args);
            } else if (h.state() == IndexHealth.State.CORE_STUCK) {
                job.error = new ErrorTexts.Keyed("error.ingest.waiting-for-cluster.core-stuck", args);
            }
        });
    }

    /**
     * The job waits for another ingestion that writes the index (another server on the home, a command, the inbox's
     * watcher): its bundle is kept, and it is ingested when that one has ended, as one waiting for the index is.
     */
    static void waitForWriter(IngestJob job) {
        job.state = IngestJob.WAITING;
        job.error = new ErrorTexts.Keyed("error.ingest.waiting-for-writer", List.of());
        job.writerHeldAt = System.nanoTime(); // the next look that finds the index's lock free lets it go on (IndexReleases)
    }

    /** Whether the embedded index was held by another writer (Lucene's write lock), which refuses at once rather than waits. */
    static boolean indexHeldByAnother(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LockObtainFailedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Settles a job whose ingestion threw: it waits for the index when the index could not be reached or another ingestion
     * held it, else it failed,
     * in the catalogue's words ({@link #failure}). A receipt the ingestion made but could not keep is shown all the same.
     *
     * @return whether the job waits for the index
     */
    static boolean settle(IngestJob job, Throwable e) {
        if (e instanceof ReceiptNotSaved notSaved) {
            job.receipt = notSaved.receipt();
        }
        if (IndexUnreachableException.in(e)) {
            waitForIndex(job, IndexUnreachableException.healthIn(e));
            return true;
        }
        if (indexHeldByAnother(e)) {
            waitForWriter(job); // its writer never opened: nothing of it went into the index
            return true;
        }
        job.error = failure(e);
        job.state = IngestJob.FAILED;
        return false;
    }

    /** Whether the cluster refused or lost some of the bundle's documents (the rest may be in the index). */
    static boolean notSavedByCluster(Receipt receipt) {
        String reason = Reason.NOT_SAVED_BY_CLUSTER.text();
        return receipt != null && receipt.files().stream().anyMatch(f -> reason.equals(f.reason()));
    }

    /**
     * Why an ingestion failed, as the catalogue words it: the key the first exception of its causes carries (a
     * damaged zip, a wrong manifest), else the general failure. Its English message is not kept: it may name
     * files on the server.
     */
    static ErrorTexts.Keyed failure(Throwable e) {
        if (Messages.diskFull(e)) {
            return new ErrorTexts.Keyed("error.disk-full", List.of());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            ErrorTexts.Keyed k = ErrorTexts.ownKey(t);
            if (k != null && Texts.of(Language.NB).has(k.key())) {
                return k;
            }
            if (t instanceof ZipException) {
                return new ErrorTexts.Keyed("error.ingest.bad-zip", List.of());
            }
        }
        return new ErrorTexts.Keyed("error.ingest.failed", List.of());
    }
}
