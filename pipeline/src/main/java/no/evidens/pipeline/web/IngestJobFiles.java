package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.Json;

/**
 * The ingest jobs kept under {@code <home>/ingest-jobs/}, one JSON file each ({@code <id>.json}, written
 * whole and moved into place, so a stop never leaves half a file). A file, not the findings store: a job
 * belongs to the home's uploads ({@code <home>/bundles/}), beside it, and holds no finding.
 */
final class IngestJobFiles {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobFiles.class);

    private final Path dir;

    IngestJobFiles(Path home) {
        this.dir = home.resolve("ingest-jobs");
    }

    void save(IngestJob.Saved job) {
        Json.write(job, dir.resolve(job.id() + ".json"));
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
