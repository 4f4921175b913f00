package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.Sha256;

/**
 * Whether a file read by the worker still has the bytes its content hash was made of: a file written to between its
 * hashing and its reading would be indexed with the new text under the old hash (and {@code verify} would then call its
 * quotations changed). A file is hashed again after its reading when its change time is after the ingest began, or is not
 * the one it had when it was hashed ({@link #hash}): the change time (ctime) is set by the system at every write and
 * cannot be set back by a copying tool as the modification time can; where the system has none, the modification time
 * stands in. The first rule holds when a write falls in the same tick of a coarse file clock as the hashing; the second
 * when the file's clock (a file server's) is behind this machine's by more than {@link #SLACK}, so that a write during
 * the ingest shows a time before it began. So a bundle nobody writes to costs two {@code stat}s per file read. A bundle
 * unpacked from a zip lies in the ingest's own folder, and is not checked.
 */
final class ChangedWhileRead {
    /** Timestamps are coarse (a clock tick; 2 s on FAT): a file changed just after the start may show a time before it. */
    static final Duration SLACK = Duration.ofSeconds(2);
    /** No check: the files cannot change under the ingest. */
    static final ChangedWhileRead NONE = new ChangedWhileRead(null);

    private final FileTime since;
    /** Each file's change time when it was hashed, by its path. */
    private final Map<Path, FileTime> hashedAt = new ConcurrentHashMap<>();

    private ChangedWhileRead(FileTime since) {
        this.since = since;
    }

    /** Checks files changed from {@code start} (less {@link #SLACK}) on. */
    static ChangedWhileRead since(Instant start) {
        return new ChangedWhileRead(FileTime.from(start.minus(SLACK)));
    }

    /** The file's content hash, its change time noted first (a write during or after the hashing changes it). */
    String hash(Path file) throws IOException {
        if (since != null) {
            hashedAt.put(file, changeTime(file));
        }
        return Sha256.of(file);
    }

    /**
     * @throws ExtractionException when the file's bytes now are not those hashed as {@code sha256}: what was read may
     *                             be either, so nothing of it is indexed; the next ingest reads the file as it is then
     */
    void requireUnchanged(Path file, String sha256) throws ExtractionException {
        if (since == null) {
            return;
        }
        try {
            FileTime changed = changeTime(file);
            FileTime whenHashed = hashedAt.get(file);
            if (changed.compareTo(since) < 0 && (whenHashed == null || whenHashed.equals(changed))) {
                return;
            }
            String now = Sha256.of(file);
            if (!now.equals(sha256)) {
                throw new ExtractionException(Reason.CHANGED_DURING_INGEST, "SHA-256 " + sha256 + " when hashed, " + now
                        + " after it was read");
            }
        } catch (IOException e) {
            // gone or shut since the worker read it: what was read is all there is to go by
        }
    }

    private static FileTime changeTime(Path file) throws IOException {
        try {
            return (FileTime) Files.getAttribute(file, "unix:ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.getLastModifiedTime(file);
        }
    }
}
