package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import no.evidens.pipeline.bundle.BundleEntry;

/**
 * Files of one size reach the duplicate check in the bundle's order, so that of two files with the same bytes the one
 * earlier in the bundle is the one indexed and the later one is its duplicate, whichever thread hashes first. Camel's
 * parallel split hands the files to threads as they come free, and its idempotent consumer keeps the hash that arrives
 * first: without this, which copy a search cites changed from one ingest of the same bundle to the next. Only files of
 * one size can hold the same bytes, so a file of a size of its own never waits. A file waits only for the file of its
 * size right before it, which was handed to a thread earlier; the wait is bounded all the same, so that a file that
 * never reports (a bug, not a path this class knows) delays the ingest instead of stopping it.
 */
final class DuplicateOrder {
    private static final long MAX_WAIT_SECONDS = 300;

    /** Counted down once a file has passed the duplicate check (or failed before it). */
    private final Map<String, CountDownLatch> checked = new HashMap<>();
    /** The file of the same size right before it in the bundle, by path. */
    private final Map<String, String> before = new HashMap<>();

    DuplicateOrder(List<BundleEntry> entries) {
        Map<Long, String> lastOfSize = new HashMap<>();
        for (BundleEntry entry : entries) {
            if (entry.problem() != null || entry.file() == null) {
                continue;
            }
            long size;
            try {
                size = Files.size(entry.file());
            } catch (IOException e) {
                continue; // hashing it fails as well, and is recorded there
            }
            checked.put(entry.path(), new CountDownLatch(1));
            String previous = lastOfSize.put(size, entry.path());
            if (previous != null) {
                before.put(entry.path(), previous);
            }
        }
    }

    /** Waits until the file of the same size right before this one in the bundle has passed the duplicate check. */
    void awaitEarlier(String path) throws InterruptedException {
        String previous = before.get(path);
        if (previous != null) {
            checked.get(previous).await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** This file has passed the duplicate check, or failed before it: the next file of its size may go on. */
    void checked(String path) {
        CountDownLatch latch = checked.get(path);
        if (latch != null) {
            latch.countDown();
        }
    }
}
