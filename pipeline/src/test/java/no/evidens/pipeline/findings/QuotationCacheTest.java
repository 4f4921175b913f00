package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which quotations a search is given while another search reads them again from the store. */
class QuotationCacheTest {
    private static final QuotationCache.Quote QUOTE = new QuotationCache.Quote("avvik-1", "Avvik 1", "Tittel", 7, "sak/doc/1",
            null, "doc", 0, 10);
    private static final Map<String, List<QuotationCache.Quote>> OLD = Map.of("sak", List.of(QUOTE));
    private static final Map<String, List<QuotationCache.Quote>> NEW = Map.of("sak", List.of(QUOTE, QUOTE));

    @Test
    void searchesGoOnWithTheKeptQuotationsWhileOneReadsThemAgainAfterTheirTime(@TempDir Path dir) throws Exception {
        // kept no time at all: every call finds them old, nothing having changed
        QuotationCache cache = new QuotationCache(dir, Duration.ZERO);
        assertEquals(OLD, cache.all(() -> OLD));
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, List<QuotationCache.Quote>>> reader = pool.submit(() -> cache.all(() -> {
                inRead.countDown();
                await(letGo);
                return NEW;
            }));
            await(inRead);
            AtomicBoolean readToo = new AtomicBoolean();
            Future<Map<String, List<QuotationCache.Quote>>> other = pool.submit(() -> cache.all(() -> {
                readToo.set(true);
                return NEW;
            }));
            // a guard against a call that waits for the read (it would wait until letGo), not a measure of speed
            assertEquals(OLD, other.get(30, TimeUnit.SECONDS), "the kept quotations, not a wait for the read");
            assertFalse(readToo.get(), "one reader at a time");
            letGo.countDown();
            assertEquals(NEW, reader.get(30, TimeUnit.SECONDS));
        } finally {
            letGo.countDown();
            pool.shutdownNow();
        }
        // a change said through the stamp is read at once
        cache.changed();
        assertEquals(OLD, cache.all(() -> OLD), "read again after a change");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
