package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import no.evidens.pipeline.bundle.BundleEntry;

/**
 * Files of one size reach the duplicate check in the check order, so that of two files with the same bytes the one
 * earlier in it is the one indexed and the later one is its duplicate, whichever thread hashes first. Camel's
 * parallel split hands the files to threads as they come free, and its idempotent consumer keeps the hash that arrives
 * first: without this, which copy a search cites changed from one ingest of the same bundle to the next. Only files of
 * one size can hold the same bytes, so a file of a size of its own never waits. A file waits only for the file of its
 * size right before it, which was handed to a thread earlier; the wait is bounded all the same, so that a file that
 * never reports (a bug, not a path this class knows) delays the ingest instead of stopping it.
 * <p>
 * The check order is the bundle's order, except that among files of one size those the manifest names come first (in
 * the bundle's order among themselves): a copy the manifest does not name is then the duplicate of the file it names,
 * whose title and date the sender wrote on purpose. The files of one size only trade places among the places they
 * hold, so every other file is handed out where it was; the split hands them out in this order too, so a file never
 * waits for one handed out after it.
 */
final class DuplicateOrder {
    private static final long MAX_WAIT_SECONDS = 300;

    /** Counted down once a file has passed the duplicate check (or failed before it). */
    private final Map<String, CountDownLatch> checked = new HashMap<>();
    /** The file of the same size right before it in the check order, by path. */
    private final Map<String, String> before = new HashMap<>();

    /** Every entry of the bundle, in the check order. */
    private final List<BundleEntry> inOrder;

    DuplicateOrder(List<BundleEntry> entries) {
        Map<Long, List<Integer>> placesOfSize = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            BundleEntry entry = entries.get(i);
            if (entry.problem() != null || entry.file() == null) {
                continue;
            }
            try {
                placesOfSize.computeIfAbsent(Files.size(entry.file()), s -> new ArrayList<>()).add(i);
            } catch (IOException e) {
                // hashing it fails as well, and is recorded there
            }
        }
        BundleEntry[] ordered = entries.toArray(new BundleEntry[0]);
        for (List<Integer> places : placesOfSize.values()) {
            List<BundleEntry> ofSize = new ArrayList<>(places.size());
            places.forEach(i -> ofSize.add(entries.get(i)));
            ofSize.sort(Comparator.comparing((BundleEntry e) -> !e.named())); // stable: the bundle's order among named and unnamed
            String previous = null;
            for (int k = 0; k < places.size(); k++) {
                BundleEntry entry = ofSize.get(k);
                ordered[places.get(k)] = entry;
                checked.put(entry.path(), new CountDownLatch(1));
                if (previous != null) {
                    before.put(entry.path(), previous);
                }
                previous = entry.path();
            }
        }
        this.inOrder = List.of(ordered);
    }

    /** The bundle's entries in the check order: the order the split hands them to threads. */
    List<BundleEntry> entries() {
        return inOrder;
    }

    /** Waits until the file of the same size right before this one in the check order has passed the duplicate check. */
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
