package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time marks of an ingest's stretches (the JVM up, the bundle read, the index writer open, the worker ready, the models
 * loaded, the first file back, each commit, the route done, the last commit, the receipt), for finding where its cores
 * stand idle beside {@code scripts/ingest-timeline.py}, which sees threads but not what they are at. Off unless the
 * system property {@value #PROPERTY} names a file; each mark is then appended to it as one line: milliseconds since the
 * JVM started, the mark, the thread. No path or text of a document is ever written. {@code bench ingest} passes the
 * property on to its sides, with {@code %s} replaced by the side's name ({@code scripts/ingest-marks.py} reads them).
 */
final class IngestMarks {
    static final String PROPERTY = "evidens.ingestMarks";
    private static final Logger LOG = LoggerFactory.getLogger(IngestMarks.class);
    /** When this JVM started, in epoch milliseconds (the process's start as the system tells it). */
    private static final long START = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
            .orElseGet(System::currentTimeMillis);

    private IngestMarks() {
    }

    /** Appends a mark when the property names a file (read at each mark: a handful an ingest, and tests set it). */
    static void mark(String what) {
        String file = System.getProperty(PROPERTY);
        if (file != null) {
            write(Path.of(file), what);
        }
    }

    private static synchronized void write(Path file, String what) {
        String line = (System.currentTimeMillis() - START) + "\t" + what + "\t" + Thread.currentThread().getName() + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // A measuring aid: a mark that cannot be written is lost, and never fails the ingest it times.
            LOG.warn("cannot write the ingest's time mark to {}: {}", file, e.getMessage());
        }
    }
}
