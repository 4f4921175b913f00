package no.evidens.pipeline.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;

/** The receipt line of a file that failed, and its log line: the route's and the look-ahead's alike. */
final class FailedLines {
    /**
     * The route's logger: a failure is logged under it whichever step found it. Made when the first failure is logged
     * (a holder class), as {@link IncompleteContainers}'s, so that a re-ingest with nothing to log does not start the
     * logging library.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(IngestRoute.class);
    }

    /** The start of the detail of a failure said again from memory. */
    static final String FAILED_BEFORE = "failed before with the same extractor";

    private FailedLines() {
    }

    /** A failed file's receipt line, not logged. */
    static ReceiptFile line(String path, String type, String sha, Exception e) {
        if (e instanceof IndexIdempotentRepository.IndexUnreachable unreachable) {
            return new ReceiptFile(path, sha, type, ReceiptFile.FAILED, Reason.NOT_STORED.text(),
                    unreachable.getCause().getMessage(), 0, 0);
        }
        String reason = e instanceof ExtractionException ee ? ee.reason().text() : Reason.UNEXPECTED.text();
        String detail = e instanceof ExtractionException ee ? ee.detail() : faultDetail(e);
        // a file the system made (Thumbs.db, a lock file) is not read, and that is no failure of the ingest
        String status = Reason.SYSTEM_FILE.text().equals(reason) ? ReceiptFile.SKIPPED : ReceiptFile.FAILED;
        return new ReceiptFile(path, sha, type, status, reason, detail, 0, 0);
    }

    /**
     * What a fault of ours was, for the receipt: its class and where in Evidens it was thrown (the first of our frames,
     * else the first frame), so that a user reporting the line says where to look. Never its message: a library's
     * message may quote the input.
     */
    static String faultDetail(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        StackTraceElement where = frames.length == 0 ? null : frames[0];
        for (StackTraceElement f : frames) {
            if (f.getClassName().startsWith("no.evidens.")) {
                where = f;
                break;
            }
        }
        String name = e.getClass().getSimpleName();
        if (where == null) {
            return name;
        }
        String type = where.getClassName().substring(where.getClassName().lastIndexOf('.') + 1);
        return name + " (at " + type + "." + where.getMethodName() + ":" + where.getLineNumber() + ")";
    }

    /** Logs a file that failed for its input, or was skipped, (an {@link ExtractionException}): path, reason and detail, never its text. */
    static void log(ReceiptFile line) {
        Log.LOG.info("{}: {}: {} ({})", line.status(), line.path(), line.reason(), line.detail());
    }

    /** The same bytes failed with the same extractor before: said again, not read again. */
    static ExtractionException failedBefore(FailureMemory.Failure before) {
        String detail = before.detail();
        return new ExtractionException(before.reason(), FAILED_BEFORE + "; not read again"
                + " (ingest --retry-failed reads it again)" + (detail == null ? "" : "; " + detail));
    }
}
