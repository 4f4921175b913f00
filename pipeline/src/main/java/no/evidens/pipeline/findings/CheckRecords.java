package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.HomeLock;
import no.evidens.pipeline.Json;

/**
 * Each case's last finished check of its quotations, one JSON file per case ({@code <home>/checks/<case>.json}), so
 * that a restarted server shows it again and the command line's check and the workspace's see each other's. A check that
 * failed after it is kept beside it in the same file ({@code "failed"}: {@link FailedCheck}), the finished check's fields
 * as they were: what the last finished check found still stands, and the next finished check replaces both. A file is
 * written by {@link Json#write(Object, Path)} (under a temporary name of its own, moved into place atomically): a reader
 * sees the old record or the new, never half of one, and two writers (the server and a command) never meet on one
 * temporary file. A record that cannot be read is ignored with a log line: the case then counts as not checked.
 */
public final class CheckRecords {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRecords.class);
    /** The case ids a file may be named by (as ingestion allows them): no separator, no leading dot. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,99}");

    private final Path dir;

    public CheckRecords(Path dir) {
        this.dir = dir;
    }

    /**
     * What a case's file holds: the last finished check's fields (null when none has finished) and the check that failed
     * after it (null when none did). The finished check's fields are those a {@link LastCheck} was written with before a
     * failure was kept, so a file from before reads the same.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Kept(@JsonProperty("case") String caseId, String by, String started, String finished, List<Verification> quotations,
                FailedCheck failed) {
        static Kept of(String caseId, LastCheck c, FailedCheck failed) {
            return c == null ? new Kept(caseId, null, null, null, null, failed)
                    : new Kept(caseId, c.by(), c.started(), c.finished(), c.quotations(), failed);
        }

        Optional<LastCheck> last() {
            return by == null ? Optional.empty() : Optional.of(new LastCheck(caseId, by, started, finished, quotations == null ? List.of() : quotations));
        }
    }

    /**
     * Keeps the check as the case's last (a failure kept before it is left behind); a record that cannot be written is
     * logged, and the check's outcome stands.
     */
    public void keep(LastCheck check) {
        write(check.caseId(), () -> Kept.of(check.caseId(), check, null));
    }

    /**
     * Keeps a check that failed beside the case's last finished check, which stands as it was (the export still says what
     * it found, and that a later check failed).
     */
    public void keepFailed(String caseId, FailedCheck failed) {
        write(caseId, () -> Kept.of(caseId, last(caseId).orElse(null), failed));
    }

    /**
     * Writes what {@code kept} makes while the case's file is held ({@link HomeLock}): a check finishing in another process
     * while a failure is kept here is never replaced by the check read before it.
     */
    private void write(String caseId, Supplier<Kept> kept) {
        if (!SAFE.matcher(caseId).matches()) {
            LOG.warn("a check of quotations is not kept: the case id is not one a file can be named by");
            return;
        }
        Path file = file(caseId);
        try {
            HomeLock.holding(file, () -> {
                Json.write(kept.get(), file);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot keep the check of the quotations of case {} in {}: {}", caseId, dir, e.toString());
        }
    }

    /** The case's last kept finished check; empty when there is none, or its record cannot be read (logged). */
    public Optional<LastCheck> last(String caseId) {
        return read(caseId).flatMap(Kept::last);
    }

    /** The check of the case that failed after its last finished one; empty when none did (or the record cannot be read). */
    public Optional<FailedCheck> failed(String caseId) {
        return read(caseId).map(Kept::failed);
    }

    private Optional<Kept> read(String caseId) {
        if (!SAFE.matcher(caseId).matches()) {
            return Optional.empty();
        }
        Path f = file(caseId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Kept k = Json.mapper().readValue(f.toFile(), Kept.class);
            if (k.caseId() == null || !caseId.equals(k.caseId()) || (k.by() == null && k.failed() == null)) {
                throw new IOException("it is not a check of case " + caseId);
            }
            k.last().ifPresent(c -> {
                c.startedAt();
                c.finishedAt();
            });
            if (k.failed() != null) {
                k.failed().startedAt();
                k.failed().failedAt();
            }
            return Optional.of(k);
        } catch (IOException | RuntimeException e) {
            // the exception's type and the file only: a parser's message may quote the file's content
            LOG.warn("ignoring the kept check of the quotations in {}: it cannot be read ({})", f, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Path file(String caseId) {
        return dir.resolve(caseId + ".json");
    }
}
