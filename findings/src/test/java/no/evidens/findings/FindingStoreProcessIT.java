package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store with real second JVM processes: two writing at once, and one killed while it writes. */
class FindingStoreProcessIT {
    @TempDir
    Path dir;

    @Test
    void twoProcessesAttachingAtOnceLoseNothing() throws Exception {
        Finding a1;
        try (FindingStore store = FindingStore.open(dir)) {
            a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
        }
        Process p1 = start("avvik-1", 15, 1000);
        Process p2 = start("avvik-1", 15, 2000);
        assertEquals(0, waitFor(p1), "first process");
        assertEquals(0, waitFor(p2), "second process");
        try (FindingStore store = FindingStore.open(dir)) {
            List<EvidenceItem> items = store.evidence(a1.id());
            assertEquals(30, items.size());
            assertEquals(range(30), items.stream().map(EvidenceItem::position).toList());
            Set<String> quotes = new HashSet<>();
            items.forEach(i -> quotes.add(i.evidence().quote()));
            for (int i = 1; i <= 15; i++) {
                assertTrue(quotes.contains("Sitat nummer " + (1000 + i)) && quotes.contains("Sitat nummer " + (2000 + i)));
            }
            assertEquals(30, store.history(Drafts.CASE, a1.id()).stream().filter(h -> h.action().equals("attach")).count());
        }
    }

    @Test
    void aProcessKilledWhileWritingLeavesTheStoreConsistent() throws Exception {
        Finding a1;
        try (FindingStore store = FindingStore.open(dir)) {
            a1 = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
        }
        Process p = start("avvik-1", 0, 0);
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                committed = Integer.parseInt(line.substring("committed ".length()));
                if (committed >= 40) {
                    p.destroyForcibly();
                    break;
                }
            }
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertTrue(committed >= 40, "the writer committed " + committed + " before it was killed");
        try (FindingStore store = FindingStore.open(dir)) {
            List<EvidenceItem> items = store.evidence(a1.id());
            int n = items.size();
            assertTrue(n >= committed, n + " items on disk, " + committed + " reported committed");
            List<Integer> positions = new ArrayList<>(items.stream().map(EvidenceItem::position).toList());
            assertEquals(range(n), positions, "positions are 1..n after the kill");
            List<HistoryEntry> history = store.history(Drafts.CASE, a1.id());
            assertEquals(n, history.stream().filter(h -> h.action().equals("attach")).count());
            Set<Long> ids = new HashSet<>();
            items.forEach(i -> ids.add(i.id()));
            history.stream().filter(h -> h.evidenceId() != null).forEach(h -> assertTrue(ids.contains(h.evidenceId())));
            // and it goes on working
            store.attach(a1, Drafts.evidence(9999), "kari");
            assertEquals(n + 1, store.evidence(a1.id()).size());
        }
    }

    private Process start(String ref, int count, int tag) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the quick compiler and the serial collector: a child of seconds spends less CPU on them than on G1 and the
        // optimising compiler's threads; what is proven (nothing lost, positions whole) does not depend on them
        return new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(),
                dir.toString(), ref, String.valueOf(count), String.valueOf(tag))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static int waitFor(Process p) throws Exception {
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process finished");
        return p.exitValue();
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }
}
