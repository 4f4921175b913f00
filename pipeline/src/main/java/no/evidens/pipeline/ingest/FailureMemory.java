package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.IsolatedExtractor;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.TikaExtractor;

/**
 * Files that failed, remembered by content hash and extractor version ({@code <home>/failed/<sha256>.json}):
 * a re-ingest reports them failed again without reading them again, unless asked to retry or the
 * extractor changed. Failures of our own (an unexpected error, a file that could not be opened) are not
 * remembered: they may not happen again. A file that ran out of time ({@link Reason#TIMED_OUT}) says how busy the
 * machine was more than what the bytes are, so a first time limit met is only noted and the next ingest reads the file
 * again; met on {@link #TIMED_OUT_READINGS} readings in a row, the file is taken to hang and is remembered like any
 * failure (a reading that ends well in between forgets the note). A file whose worker did not start in time was not
 * read at all, and counts for nothing.
 */
final class FailureMemory {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    /** Readings in a row that met the time limit after which a file is remembered as failed. */
    static final int TIMED_OUT_READINGS = 2;

    /**
     * One remembered failure.
     *
     * @param timedOut for {@link Reason#TIMED_OUT}: readings in a row that met the limit (recalled from
     *                 {@link #TIMED_OUT_READINGS} on); 0 for any other reason
     */
    record Failure(Reason reason, String detail, String extractor, int timedOut) {
    }

    private final Path dir;
    private final boolean retry;

    FailureMemory(Path dir, boolean retry) {
        this.dir = dir;
        this.retry = retry;
    }

    /** The failure remembered for these bytes by this extractor version; empty when retrying. */
    Optional<Failure> recall(String sha256) {
        return retry ? Optional.empty() : stored(sha256).filter(f -> f.reason() != Reason.TIMED_OUT || f.timedOut() >= TIMED_OUT_READINGS);
    }

    /** What is written for these bytes by this extractor version, a first time limit met too. */
    private Optional<Failure> stored(String sha256) {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(sha256 + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Failure f = Json.mapper().readValue(file.toFile(), Failure.class);
            return f.reason() != null && TikaExtractor.VERSION.equals(f.extractor()) ? Optional.of(f) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a broken memory only costs a second reading
        }
    }

    /**
     * Whether a failure for this reason says something of the bytes, so that reading them again would say it again:
     * not an error of ours, a time limit met, the index's refusal or failure to save ({@link Reason#NOT_STORED},
     * {@link Reason#NOT_SAVED}), nor a file written to while it was read.
     */
    static boolean lasting(Reason reason) {
        return reason != Reason.UNEXPECTED && reason != Reason.UNREADABLE && reason != Reason.TIMED_OUT
                && reason != Reason.NOT_STORED && reason != Reason.NOT_SAVED && reason != Reason.NOT_SAVED_BY_CLUSTER
                && reason != Reason.CHANGED_DURING_INGEST;
    }

    /** The bytes were read without failing: a time limit met at an earlier reading is forgotten. */
    void readWell(String sha256) {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(sha256 + ".json"));
        } catch (IOException e) {
            // kept: at worst one more time limit met counts as the second in a row
        }
    }

    /**
     * Remembers the failure if it is lasting, or notes a time limit met.
     *
     * @return the failure as the receipt tells it: {@code e}, or a time limit met on readings in a row with a detail
     *         saying that it is now remembered
     */
    Exception remember(String sha256, Exception e) {
        if (e instanceof ExtractionException x && x.reason() == Reason.TIMED_OUT) {
            return rememberTimedOut(sha256, x);
        }
        if (!(e instanceof ExtractionException x) || sha256 == null || !SHA.matcher(sha256).matches()
                || !lasting(x.reason()) || recall(sha256).isPresent()) {
            // A failure said again from memory keeps the words it was first remembered with (rewritten, each
            // re-ingest would wrap them in one more "failed before"); retrying writes the new reading's words.
            return e;
        }
        try {
            Files.createDirectories(dir);
            Json.write(new Failure(x.reason(), x.detail(), TikaExtractor.VERSION, 0), dir.resolve(sha256 + ".json"));
        } catch (RuntimeException | IOException ex) {
            // not remembered: the file is read again next time, nothing worse
        }
        return e;
    }

    /** A reading met the time limit: noted; recalled once so many readings in a row met it. */
    private ExtractionException rememberTimedOut(String sha256, ExtractionException x) {
        String detail = x.detail() == null ? "" : x.detail();
        if (sha256 == null || !SHA.matcher(sha256).matches() || detail.startsWith(IsolatedExtractor.NOT_STARTED)
                || detail.startsWith(FailedLines.FAILED_BEFORE)) {
            return x; // not read at all (no worker started, or said again from memory): it says nothing of the file
        }
        int before = stored(sha256).filter(f -> f.reason() == Reason.TIMED_OUT).map(Failure::timedOut).orElse(0);
        int now = before + 1;
        String said = now >= TIMED_OUT_READINGS ? detail + "; the time limit was met on " + now + " readings in a row" : detail;
        try {
            Files.createDirectories(dir);
            Json.write(new Failure(Reason.TIMED_OUT, said, TikaExtractor.VERSION, now), dir.resolve(sha256 + ".json"));
        } catch (RuntimeException | IOException ex) {
            return x; // not noted: the file is read again next time, as before
        }
        return now >= TIMED_OUT_READINGS ? new ExtractionException(Reason.TIMED_OUT, said
                + ": remembered, not read again (ingest --retry-failed reads it again)", x) : x;
    }
}
