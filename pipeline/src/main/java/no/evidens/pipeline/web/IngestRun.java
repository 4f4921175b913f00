package no.evidens.pipeline.web;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.IngestionStopped;

/**
 * One upload's ingestion, on its job's thread ({@link IngestJobs} starts it and lets go of the job after): the bundle
 * ingested into its case, the job settled by how that ended (done; waiting for the index, as a cluster that did not save all
 * of it; cut off by the server's stop; failed, in the catalogue's words by {@link IngestOutcome}), and said in the log by
 * the job's number and case, never a document's text.
 */
final class IngestRun {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);

    private final EvidensHome home;
    private final Function<EvidensHome, Ingestion> ingestions;
    private final IngestStop stop;

    IngestRun(EvidensHome home, Function<EvidensHome, Ingestion> ingestions, IngestStop stop) {
        this.home = home;
        this.ingestions = ingestions;
        this.stop = stop;
    }

    /** Ingests the job's bundle and settles the job's state and words; throws nothing (the caller keeps the job). */
    void ingest(IngestJob job) {
        long t0 = System.nanoTime();
        String caseId = job.caseId;
        try {
            // the upload's own name is the bundle's (a corrected bundle sent again is matched by it), not the kept file's
            job.receipt = ingestions.apply(home).named(job.fileName).stopWhen(stop::asked)
                    .ingest(caseId, job.municipality, job.bundle, job);
            if (IngestOutcome.notSavedByCluster(job.receipt)) {
                IngestOutcome.waitForIndex(job);
                LOG.info("upload {} into case {}: the SolrCloud cluster did not save all of it; waits for it: {}", job.id, caseId,
                        job.receipt.counts());
            } else {
                job.state = IngestJob.DONE;
                LOG.info("ingested upload {} into case {}: {} in {} ms", job.id, caseId, job.receipt.counts(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (IngestionStopped e) {
            job.cutOff(); // interrupted with its progress, or waiting again when it was being tried again
            LOG.info("upload {} into case {} stopped with the server: {}; {}", job.id, caseId, e.getMessage(), job.state);
        } catch (Exception | Error e) {
            if (IngestOutcome.settle(job, e)) {
                LOG.info("upload {} into case {} waits for the index: {}", job.id, caseId, Messages.oneLine(e));
            } else {
                // the job shows a key, not this exception's message: the type and place say where to look (no document text)
                LOG.warn("ingestion of upload {} into case {} failed: {} at {} ({})", job.id, caseId, e.getClass().getSimpleName(),
                        e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0], job.error.key());
            }
        }
    }
}
