package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.Json;

/**
 * Each case's last finished check of its quotations, one JSON file per case ({@code <home>/checks/<case>.json}), so
 * that a restarted server shows it again and the command line's check and the workspace's see each other's. A file is
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

    /** Keeps the check as the case's last; a record that cannot be written is logged, and the check's outcome stands. */
    public void keep(LastCheck check) {
        if (!SAFE.matcher(check.caseId()).matches()) {
            LOG.warn("a check of quotations is not kept: the case id is not one a file can be named by");
            return;
        }
        try {
            Json.write(check, file(check.caseId()));
        } catch (RuntimeException e) {
            LOG.warn("cannot keep the check of the quotations of case {} in {}: {}", check.caseId(), dir, e.toString());
        }
    }

    /** The case's last kept check; empty when there is none, or its record cannot be read (logged). */
    public Optional<LastCheck> last(String caseId) {
        if (!SAFE.matcher(caseId).matches()) {
            return Optional.empty();
        }
        Path f = file(caseId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            LastCheck c = Json.mapper().readValue(f.toFile(), LastCheck.class);
            if (c.caseId() == null || !caseId.equals(c.caseId()) || c.by() == null) {
                throw new IOException("it is not a check of case " + caseId);
            }
            c.startedAt();
            c.finishedAt();
            return Optional.of(c);
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
