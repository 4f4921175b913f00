package no.evidens.pipeline.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a stop of a long-running command ({@code serve}, {@code watch}, {@code ingest}): the processes it
 * started that are still there (Tika's worker processes, and Tesseract under them, of an ingestion that did not end in
 * time) are ended, so that none outlives it. An ingestion that ended closed its workers itself; a worker left alone
 * would end only after the file it was reading, once it found its input closed.
 */
final class Workers {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private Workers() {
    }

    static void end() {
        ProcessHandle.current().descendants().forEach(p -> {
            if (p.destroyForcibly()) {
                LOG.info("ended process {} at the stop", p.pid());
            }
        });
    }
}
