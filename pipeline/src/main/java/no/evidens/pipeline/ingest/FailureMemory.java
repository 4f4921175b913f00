package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.TikaExtractor;

/**
 * Files that failed, remembered by content hash and extractor version ({@code <home>/failed/<sha256>.json}):
 * a re-ingest reports them failed again without reading them again, unless asked to retry or the
 * extractor changed. Failures of our own (an unexpected error, a file that could not be opened) are not
 * remembered: they may not happen again; nor is a file that ran out of time ({@link Reason#TIMED_OUT}), which says
 * how busy the machine was, not what the bytes are: the next ingest of the bundle reads it again.
 */
final class FailureMemory {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    /** One remembered failure. */
    record Failure(Reason reason, String detail, String extractor) {
    }

    private final Path dir;
    private final boolean retry;

    FailureMemory(Path dir, boolean retry) {
        this.dir = dir;
        this.retry = retry;
    }

    /** The failure remembered for these bytes by this extractor version; empty when retrying. */
    Optional<Failure> recall(String sha256) {
        if (retry || sha256 == null || !SHA.matcher(sha256).matches()) {
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

    /** Whether a failure for this reason says something of the bytes, so that reading them again would say it again. */
    static boolean lasting(Reason reason) {
        return reason != Reason.UNEXPECTED && reason != Reason.UNREADABLE && reason != Reason.TIMED_OUT;
    }

    void remember(String sha256, Exception e) {
        if (!(e instanceof ExtractionException x) || sha256 == null || !SHA.matcher(sha256).matches()
                || !lasting(x.reason()) || recall(sha256).isPresent()) {
            // A failure said again from memory keeps the words it was first remembered with (rewritten, each
            // re-ingest would wrap them in one more "failed before"); retrying writes the new reading's words.
            return;
        }
        try {
            Files.createDirectories(dir);
            Json.write(new Failure(x.reason(), x.detail(), TikaExtractor.VERSION), dir.resolve(sha256 + ".json"));
        } catch (RuntimeException | IOException ex) {
            // not remembered: the file is read again next time, nothing worse
        }
    }
}
