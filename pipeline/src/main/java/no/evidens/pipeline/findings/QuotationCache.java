package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quotations of every case, kept between calls, so that a search need not open the findings store and read
 * every finding of its cases to say which findings quote its hits ({@link FindingsService#usedBy}). Read all
 * at once (one opening of the store), as a search's hits may come from many cases.
 *
 * <p>Kept correct across processes by a stamp: a small file beside the store whose content every process
 * replaces (a new random token, written whole and moved into place) after it changed a finding or a quotation.
 * The quotations are used while the stamp reads as it did before they were read from the store; the stamp is
 * read once per call (one small file read, microseconds). So a quotation attached through the
 * workspace, or by {@code evidens finding attach} in another process while the server runs, shows at once
 * in the next search. As a safety net for a change made past the services (a process killed between its
 * commit and its stamp, a store restored in place), nothing is kept longer than {@link #MAX_AGE}: the first call
 * after that reads them again, and the calls that come while it reads use the quotations kept until then rather
 * than wait for it (the stamp says nothing changed; waiting, every search of a busy server stood still for the
 * read, tens to hundreds of milliseconds every ten seconds).
 *
 * <p>Why not keep a connection open and ask the store by passage id: the store's file is locked by the
 * process that has it open, and commands in other processes must get their turn (as the trail writer lets go).
 */
final class QuotationCache {
    private static final Logger LOG = LoggerFactory.getLogger(QuotationCache.class);
    /** The stamp's file name, in the store's folder. */
    static final String STAMP = "quotations.changed";
    /** Quotations read longer ago than this are read again, whatever the stamp says. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    /**
     * One quotation of a case, with what the workspace shows of its finding.
     *
     * @param ref   the finding's reference ({@code avvik-1})
     * @param label how a report names the finding ({@code Avvik 1})
     * @param title the finding's title
     * @param item  the quotation's (evidence item's) id
     */
    record Quote(String ref, String label, String title, long item, String passageId, String lastPassageId, String docId,
                 int start, int end) {
        /** Whether the quotation starts in, ends in or runs through the passage ({@code case/docId/n}). */
        boolean covers(String passage) {
            int a = number(passageId);
            int b = number(lastPassageId == null ? passageId : lastPassageId);
            String prefix = passageId.substring(0, passageId.lastIndexOf('/') + 1);
            if (!passage.startsWith(prefix) || passage.indexOf('/', prefix.length()) >= 0) {
                return false;
            }
            int n = number(passage);
            return n >= a && n <= b;
        }

        private static int number(String passageId) {
            try {
                return Integer.parseInt(passageId.substring(passageId.lastIndexOf('/') + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private record Snapshot(String stamp, long readNanos, Map<String, List<Quote>> byCase) {
    }

    private final Path stampFile;
    private final Duration maxAge;
    /** Held by the one caller that reads the quotations from the store. */
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot kept;

    QuotationCache(Path storeDir) {
        this(storeDir, MAX_AGE);
    }

    /** A cache that keeps its quotations for another time (tests). */
    QuotationCache(Path storeDir, Duration maxAge) {
        this.stampFile = storeDir.resolve(STAMP);
        this.maxAge = maxAge;
    }

    /** The stamp as it reads now (empty when no process has changed anything since the file was made). */
    String stamp() {
        try {
            return Files.readString(stampFile, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            // unreadable: a fresh token each time, so that nothing kept is used
            return "unreadable " + System.nanoTime();
        }
    }

    /**
     * The quotations of every case that has any (case → its quotations): those kept, while the stamp still reads
     * as it did when they were read and they are young enough; else read anew with {@code read} (one reader at a
     * time) and kept. While one reads, the others wait for what it reads when the stamp has changed, but use the kept
     * quotations when they are only old (the stamp reads as it did).
     */
    Map<String, List<Quote>> all(Supplier<Map<String, List<Quote>>> read) {
        String stamp = stamp();
        Snapshot s = kept;
        if (fresh(s, stamp)) {
            return s.byCase();
        }
        boolean unchanged = s != null && s.stamp().equals(stamp);
        if (unchanged) {
            if (!reading.tryLock()) {
                return s.byCase();
            }
        } else {
            reading.lock();
        }
        try {
            s = kept;
            if (fresh(s, stamp)) {
                return s.byCase();
            }
            long now = System.nanoTime();
            // The stamp was read before the store: a change committed in between makes the next call read again.
            Map<String, List<Quote>> byCase = Map.copyOf(read.get());
            kept = new Snapshot(stamp, now, byCase);
            return byCase;
        } finally {
            reading.unlock();
        }
    }

    private boolean fresh(Snapshot s, String stamp) {
        return s != null && s.stamp().equals(stamp) && System.nanoTime() - s.readNanos() < maxAge.toNanos();
    }

    /**
     * Says that a finding or a quotation changed (called after its commit): forgets what this process kept and
     * gives the stamp a new token, which every process reads before it uses what it kept.
     */
    void changed() {
        kept = null;
        String token = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-" + Long.toHexString(System.nanoTime());
        try {
            Files.createDirectories(stampFile.getParent());
            Path tmp = Files.createTempFile(stampFile.getParent(), STAMP, ".tmp");
            try {
                Files.writeString(tmp, token, StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, stampFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, stampFile, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // other processes see the change at the latest after MAX_AGE; this one has forgotten already
            LOG.warn("the stamp of changed quotations was not written: {}", e.getClass().getName());
        }
    }
}
