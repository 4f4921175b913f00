package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.HomeLock;
import no.evidens.pipeline.Json;

/**
 * The ingest jobs kept under {@code <home>/ingest-jobs/}, one JSON file each ({@code <id>.json}, written
 * whole and moved into place, so a stop never leaves half a file). A file, not the findings store: a job
 * belongs to the home's uploads ({@code <home>/bundles/}), beside it, and holds no finding.
 *
 * <p>A new job's id is one no process on the home has given: two servers on one home (or a restart while another runs)
 * each count on from the highest id on disk, under the home's lock of the directory ({@link HomeLock} on
 * {@code ingest-jobs/ids.lock}), and the job's file is written before the lock is let go. A job is run under a lock of
 * its own ({@link #run}), taken before its file says {@code running}.
 */
final class IngestJobFiles {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobFiles.class);

    private final Path dir;

    /** A job file as written once: its file key (an inode), time and size. */
    record Version(Object key, FileTime modified, long size) {
    }

    IngestJobFiles(Path home) {
        this.dir = home.resolve("ingest-jobs");
    }

    void save(IngestJob.Saved job) {
        Json.write(job, file(job.id()));
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }

    /**
     * Takes the lock a job is run under ({@code <id>.run.lock}), held by the server that runs it for as long as it runs:
     * another server on the home (or a later one) knows by it whether a job whose file says {@code running} still runs
     * somewhere. A server that dies lets go of it with its process. Null when another holds it.
     */
    HomeLock.Held run(String id) {
        try {
            return HomeLock.tryHold(dir.resolve(id + ".run"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the run lock of ingest job " + id + " in " + dir, e);
        }
    }

    /**
     * What a job's file is now, to see whether it changed since it was read (every write is a new file moved into place,
     * so a new file key as well as a new time); null when there is none.
     */
    Version version(String id) {
        try {
            BasicFileAttributes a = Files.readAttributes(file(id), BasicFileAttributes.class);
            return new Version(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    /** A job's file as kept now; null when it is not there or cannot be read (a warning). */
    IngestJob.Saved read(String id) {
        Path f = file(id);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return Json.mapper().readValue(f.toFile(), IngestJob.Saved.class);
        } catch (IOException e) {
            LOG.warn("ingest job file {} cannot be read: {}", f.getFileName(), e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * Makes and keeps a new job under the next id after {@code known} (this server's highest) and every id on disk.
     *
     * @param make the job of an id, as it is to be kept
     */
    IngestJob create(int known, Function<String, IngestJob> make) {
        try {
            return HomeLock.holding(dir.resolve("ids"), () -> {
                long highest = known;
                for (String id : ids()) {
                    highest = Math.max(highest, Long.parseLong(id));
                }
                IngestJob job = make.apply(Long.toString(highest + 1));
                save(job.saved());
                return job;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take a new ingest job id in " + dir, e);
        }
    }

    /** The ids of the job files on disk (readable or not: an id once given is never given again). */
    List<String> ids() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{1,9}\\.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).toList();
        }
    }

    /** Every job kept, oldest first; a file that cannot be read is left out, with a warning. */
    List<IngestJob.Saved> load() {
        List<IngestJob.Saved> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[0-9]+\\.json")).toList()) {
                try {
                    out.add(Json.mapper().readValue(f.toFile(), IngestJob.Saved.class));
                } catch (IOException e) {
                    LOG.warn("ingest job file {} cannot be read: {}", f.getFileName(), e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the ingest jobs in " + dir, e);
        }
        out.sort(Comparator.comparingLong(s -> Long.parseLong(s.id())));
        return out;
    }
}
