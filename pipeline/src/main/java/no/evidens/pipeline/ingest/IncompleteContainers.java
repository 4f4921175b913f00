package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.extract.Reason;

/**
 * Containers of a case (an archive, an e-mail with attachments) whose own entry is in the index while a document they
 * hold is not, remembered by content hash ({@code <home>/incomplete/<case>/<sha256>.json}): the container's entry
 * marks its bytes as ingested, so without this a re-ingest would take the whole file for a duplicate and never bring
 * the missing document in.
 *
 * <p>A container is read again by the next ingest while a document of it is missing for a reason that may pass (it
 * ran out of time, the index did not store it, an error of ours: {@link #mayPass}); its documents already in the case
 * are then left as they are. One left so on {@link #MISSED_READINGS} readings in a row is not read again (a document
 * that hangs would cost the time limit at each reading, one the index refuses would be refused again), nor one whose
 * documents are missing for a reason of their own bytes (damaged, encrypted, …): {@code ingest --retry-failed} reads
 * both again. The mark is written before
 * the container's own entry goes in (its documents come first) and removed only once a reading brought every document
 * in and was committed, so a process stopped half-way loses nothing.
 */
final class IncompleteContainers {
    /**
     * The logger, made when first used (a holder class): the logging library's start looks for its provider and its
     * settings in every jar of the class path, which an ingest that logs nothing (an unchanged bundle) need not pay.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(IncompleteContainers.class);
    }

    /** Readings in a row with a document missing that may pass, after which a container is read again only when retrying. */
    static final int MISSED_READINGS = 2;
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private static final String SUFFIX = ".json";

    /**
     * What is remembered of one container.
     *
     * @param path             its path in the bundle when it was last read
     * @param missing          the path of each document of it that is not in the index, with the reason's sentence
     * @param missedReadings   readings in a row that left a document of it missing for a reason that may pass
     */
    record Mark(String path, Map<String, String> missing, int missedReadings) {
    }

    /** One container read by this ingestion: its hash, the mark it had before, what is missing after this reading. */
    private static final class Reading {
        final String sha256;
        final Mark before;
        final Map<String, String> missing = new TreeMap<>();
        boolean missed;
        /** Whether the container's own line was written (its documents come before it). */
        volatile boolean done;

        Reading(String sha256, Mark before) {
            this.sha256 = sha256;
            this.before = before;
        }
    }

    private final Path dir;
    private final boolean retry;
    /** The hashes with a mark: the folder is listed once, not looked up file by file. */
    private volatile Set<String> marked;
    /** This ingestion's readings of containers, by path in the bundle. */
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    /**
     * @param dir   the case's folder of marks
     * @param retry whether containers are read again whatever their documents are missing for ({@code --retry-failed})
     */
    IncompleteContainers(Path dir, boolean retry) {
        this.dir = dir;
        this.retry = retry;
    }

    /** The file of the bundle a document's path lies in ({@code pakke.zip} for {@code pakke.zip!/a.txt}; a file itself for its own path). */
    static String containerOf(String path) {
        int in = path.indexOf("!/");
        return in < 0 ? path : path.substring(0, in);
    }

    /** Whether a document missing for this reason may come in at another reading of the same bytes. */
    static boolean mayPass(Reason reason) {
        return !FailureMemory.lasting(reason);
    }

    /** The mark for these bytes, if they are a container with documents missing. */
    Optional<Mark> recall(String sha256) {
        if (sha256 == null || !SHA.matcher(sha256).matches() || !marked().contains(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.mapper().readValue(dir.resolve(sha256 + SUFFIX).toFile(), Mark.class));
        } catch (IOException e) {
            return Optional.empty(); // a broken mark: taken as none (the container stays as it is)
        }
    }

    /**
     * Whether the container with these bytes, in the case already, is read again: a document of it is missing for a
     * reason that may pass, on fewer than {@link #MISSED_READINGS} readings in a row; or any is
     * missing and failures are retried.
     */
    boolean readAgain(String sha256) {
        return recall(sha256).map(this::readAgain).orElse(false);
    }

    private boolean readAgain(Mark mark) {
        if (retry) {
            return true;
        }
        return passing(mark) && mark.missedReadings() < MISSED_READINGS;
    }

    private static boolean passing(Mark mark) {
        return mark.missing().values().stream().anyMatch(r -> mayPass(Reason.fromText(r)));
    }

    /**
     * Whether these bytes are a container with documents missing for a reason that may pass, which this ingestion does
     * not read again (so left on readings in a row). One whose documents are missing for their own bytes only is
     * told as any duplicate: its documents' own lines said why, as a file remembered as failed is told again.
     */
    boolean leftIncomplete(String sha256) {
        return recall(sha256).map(m -> !readAgain(m) && passing(m)).orElse(false);
    }

    /** The file at {@code path}, a container in the case already, is read again by this ingestion. */
    void readingAgain(String path, String sha256) {
        readings.put(path, new Reading(sha256, recall(sha256).orElse(null)));
    }

    /** The file at {@code path}, new to the case, holds documents. */
    void reading(String path, String sha256) {
        readings.putIfAbsent(path, new Reading(sha256, null));
    }

    /** Whether the file at {@code path} (a file of the bundle) is being read again as an incomplete container. */
    boolean isReadAgain(String path) {
        Reading r = readings.get(path);
        return r != null && r.before != null;
    }

    /**
     * A document of the container at {@code path} is missing after this reading (for the container itself: a reading
     * again that failed as a whole). The mark is written at once: before the container's own entry goes in.
     */
    void missing(String path, String document, Reason reason) {
        Reading r = readings.get(path);
        if (r == null) {
            return; // not a container being read (a file of its own fails alone, and is read again as it always was)
        }
        Mark mark;
        synchronized (r) {
            r.missing.put(document, reason.text());
            r.missed |= mayPass(reason);
            int before = r.before == null ? 0 : r.before.missedReadings();
            mark = new Mark(path, new TreeMap<>(r.missing), r.missed ? before + 1 : 0);
        }
        write(r.sha256, mark);
    }

    /** The own line of the file at {@code path} of the bundle was written: all it holds came before it. */
    void ownLine(String path) {
        Reading r = readings.get(path);
        if (r != null) {
            r.done = true;
        }
    }

    /**
     * After the commit: a container read again that has no document missing now is complete, and its mark goes. One
     * that did not get as far as its own line keeps its mark as it was.
     */
    void settle() {
        for (Reading r : readings.values()) {
            if (r.before != null && r.missing.isEmpty() && r.done) {
                try {
                    Files.deleteIfExists(dir.resolve(r.sha256 + SUFFIX));
                    marked().remove(r.sha256);
                } catch (IOException ex) {
                    // left: the container is read once more, and its documents said to be in the case
                }
            }
        }
    }

    private void write(String sha256, Mark mark) {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Json.write(mark, dir.resolve(sha256 + SUFFIX));
            marked().add(sha256);
        } catch (IOException | RuntimeException e) {
            // not remembered: as before this memory, the container's missing document waits for another case; said in
            // the log (the container's hash and the failure's kind only, never a path or text of the bundle)
            Log.LOG.warn("Could not remember container {} as incomplete ({}); a re-ingest will not read it again",
                    sha256, e.getClass().getSimpleName());
        }
    }

    private Set<String> marked() {
        Set<String> m = marked;
        if (m == null) {
            synchronized (this) {
                m = marked;
                if (m == null) {
                    Set<String> found = ConcurrentHashMap.newKeySet();
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.list(dir)) {
                            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                                    .forEach(n -> found.add(n.substring(0, n.length() - SUFFIX.length())));
                        } catch (IOException e) {
                            // none known: every container taken as complete, as before this memory
                        }
                    }
                    m = found;
                    marked = m;
                }
            }
        }
        return m;
    }
}
