package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.bundle.BundleEntry;

/** Of two files that may hold the same bytes, the later in the bundle reaches the duplicate check after the earlier. */
class DuplicateOrderTest {

    @TempDir
    Path dir;

    private BundleEntry file(String name, String text) throws Exception {
        Path p = Files.writeString(dir.resolve(name), text);
        return new BundleEntry(name, p, "styringsdokument", null, null, null);
    }

    /** Starts a thread that waits as the route would for {@code path}; the latch is counted down when it may go on. */
    private static CountDownLatch waiting(DuplicateOrder order, String path) {
        CountDownLatch through = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                order.awaitEarlier(path);
                through.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        return through;
    }

    @Test
    void aFileOfTheSameSizeAsAnEarlierOneWaitsUntilThatOneIsChecked() throws Exception {
        DuplicateOrder order = new DuplicateOrder(List.of(file("a.txt", "samme innhold"), file("b.txt", "samme innhold")));
        CountDownLatch b = waiting(order, "b.txt");
        assertFalse(b.await(200, TimeUnit.MILLISECONDS), "b.txt went on before a.txt was checked");
        order.checked("a.txt");
        assertTrue(b.await(10, TimeUnit.SECONDS), "b.txt still waits after a.txt was checked");
    }

    @Test
    void aFileOfASizeOfItsOwnAndTheFirstOfItsSizeNeverWait() throws Exception {
        DuplicateOrder order = new DuplicateOrder(List.of(file("a.txt", "kort"), file("b.txt", "en lengre tekst"),
                file("c.txt", "kort")));
        assertTrue(waiting(order, "a.txt").await(10, TimeUnit.SECONDS));
        assertTrue(waiting(order, "b.txt").await(10, TimeUnit.SECONDS));
        assertFalse(waiting(order, "c.txt").await(200, TimeUnit.MILLISECONDS), "c.txt is of a.txt's size");
    }

    @Test
    void aFailureBeforeTheCheckLetsTheNextFileOfItsSizeGoOn() throws Exception {
        DuplicateOrder order = new DuplicateOrder(List.of(file("a.txt", "xx"), file("b.txt", "yy"), file("c.txt", "zz")));
        CountDownLatch c = waiting(order, "c.txt");
        order.checked("a.txt"); // a.txt checked: b.txt may go on, c.txt still waits for b.txt
        assertFalse(c.await(200, TimeUnit.MILLISECONDS), "c.txt went on before b.txt was checked");
        order.checked("b.txt"); // b.txt failed while hashing: the route reports it as checked
        assertTrue(c.await(10, TimeUnit.SECONDS));
    }

    @Test
    void aFileTheManifestNamesGoesBeforeAnUnnamedCopyOfItsSizeAndOthersKeepTheirPlaces() throws Exception {
        BundleEntry copy = file("kopi av nav-notat.txt", "samme notat");
        BundleEntry other = file("mote.txt", "et annet og lengre notat");
        Path p = Files.writeString(dir.resolve("nav-notat.txt"), "samme notat");
        BundleEntry named = new BundleEntry("nav-notat.txt", p, "styringsdokument", "Notat fra NAV", "2025-03-01", null,
                null, null, true);
        BundleEntry last = file("zz.txt", "kort");
        DuplicateOrder order = new DuplicateOrder(List.of(copy, other, named, last));
        assertEquals(List.of(named, other, copy, last), order.entries());
        assertTrue(waiting(order, "nav-notat.txt").await(10, TimeUnit.SECONDS), "the named file waits for nothing");
        CountDownLatch c = waiting(order, "kopi av nav-notat.txt");
        order.checked("nav-notat.txt");
        assertTrue(c.await(10, TimeUnit.SECONDS), "the copy goes on once the named file is checked");
    }

    @Test
    void withoutAManifestOrWhenBothAreNamedTheBundlesOrderStays() throws Exception {
        List<BundleEntry> unnamed = List.of(file("a.txt", "samme"), file("b.txt", "samme"));
        assertEquals(unnamed, new DuplicateOrder(unnamed).entries());
        List<BundleEntry> named = unnamed.stream().map(e -> new BundleEntry(e.path(), e.file(), e.type(), "Tittel", null,
                null, null, null, true)).toList();
        assertEquals(named, new DuplicateOrder(named).entries());
    }
}
