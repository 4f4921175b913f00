package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import no.evidens.index.EvidenceSink;
import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;

/**
 * Before any route, Tika worker or index writer starts: hashes the bundle's files and says whether every one
 * of them is already accounted for (its bytes in the case and not an incomplete container to read again, a failure
 * remembered for them, or unreadable), and
 * then what its receipt line is, the very line the route would write. A re-ingest of an unchanged bundle ends
 * here. At the first file that is new (or that the route alone can judge) it stops; the hashes it made are
 * handed to the route, so no file is hashed twice.
 */
final class KnownFiles {
    /**
     * What the look-ahead found.
     *
     * @param lines  every file's receipt line, in the bundle's order, when all were known; else empty
     * @param hashes the content hash of each file hashed so far, by path in the bundle
     */
    record Outcome(Optional<List<ReceiptFile>> lines, Map<String, String> hashes) {
    }

    private final String caseId;
    private final EvidenceSink index;
    private final FailureMemory failures;
    private final IncompleteContainers incomplete;
    private final int threads;
    private final ChangedWhileRead changes;

    /** @param changes hashes the files, noting what a check after their reading needs */
    KnownFiles(String caseId, EvidenceSink index, FailureMemory failures, IncompleteContainers incomplete, int threads,
               ChangedWhileRead changes) {
        this.changes = changes;
        this.caseId = caseId;
        this.index = index;
        this.failures = failures;
        this.incomplete = incomplete;
        this.threads = Math.max(1, threads);
    }

    Outcome check(List<BundleEntry> entries) throws Exception {
        Map<String, String> hashes = new ConcurrentHashMap<>();
        ReceiptFile[] lines = new ReceiptFile[entries.size()];
        AtomicBoolean unknown = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < lines.length && !unknown.get(); i = next.getAndIncrement()) {
                ReceiptFile line = lineOf(entries.get(i), hashes);
                if (line == null) {
                    unknown.set(true);
                } else {
                    lines[i] = line;
                }
            }
        };
        int helpers = Math.min(threads, lines.length) - 1;
        ExecutorService pool = helpers > 0 ? Executors.newFixedThreadPool(helpers, r -> {
            Thread t = new Thread(r, "ingest-look-ahead");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int h = 0; h < helpers; h++) {
                running.add(pool.submit(work));
            }
            work.run();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        if (unknown.get() || !rememberedOnce(lines)) {
            return new Outcome(Optional.empty(), hashes);
        }
        return new Outcome(Optional.of(List.of(lines)), hashes);
    }

    /** The file's line when it is known without reading it, else null (new, or for the route to judge). */
    private ReceiptFile lineOf(BundleEntry entry, Map<String, String> hashes) {
        if (entry.problem() != null) {
            return FailedLines.line(entry.path(), entry.type(), null,
                    new ExtractionException(Reason.fromText(entry.problem())));
        }
        String sha;
        try {
            sha = changes.hash(entry.file());
            if (index.contains(caseId, sha)) {
                hashes.put(entry.path(), sha);
                if (incomplete.readAgain(sha)) {
                    return null; // a container with documents missing: the route reads it again
                }
                return new ReceiptFile(entry.path(), sha, entry.type(), ReceiptFile.DUPLICATE, incomplete.leftIncomplete(sha)
                        ? ReceiptFile.DUPLICATE_INCOMPLETE : ReceiptFile.duplicateReason(null), null, 0, 0);
            }
        } catch (IOException | RuntimeException e) {
            return null; // the route reports it as it always has
        }
        hashes.put(entry.path(), sha);
        return failures.recall(sha)
                .map(before -> FailedLines.line(entry.path(), entry.type(), sha, FailedLines.failedBefore(before)))
                .orElse(null);
    }

    /**
     * Whether each failure recalled is for bytes that only one file of the bundle holds: two files with the same
     * bytes go through the route, whose idempotent consumer decides which of them is the duplicate.
     */
    private static boolean rememberedOnce(ReceiptFile[] lines) {
        Set<String> seen = new HashSet<>();
        for (ReceiptFile line : lines) {
            if (ReceiptFile.FAILED.equals(line.status()) && line.sha256() != null && !seen.add(line.sha256())) {
                return false;
            }
        }
        return true;
    }
}
