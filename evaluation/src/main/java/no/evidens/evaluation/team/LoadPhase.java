package no.evidens.evaluation.team;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * One server under load: a thread per user ({@link UserLoad}) and one that keeps an ingest running
 * ({@link BackgroundIngest}); warm-up, then the measured time, then everything stops.
 */
final class LoadPhase {
    private final HttpClient http;
    private final String base;
    private final String caseId;
    private final List<String> queries;
    private final TeamBench.Settings settings;
    private final PrintWriter log;

    LoadPhase(HttpClient http, String base, String caseId, List<String> queries, TeamBench.Settings settings, PrintWriter log) {
        this.log = log;
        this.http = http;
        this.base = base;
        this.caseId = caseId;
        this.queries = queries;
        this.settings = settings;
    }

    /**
     * @param cookies       one per user (null entries in the single-user mode)
     * @param ingestCookie  the uploader's session cookie (null in the single-user mode)
     * @param token         the uploader's token for the upload
     * @param casePrefix    the uploads go to new cases {@code <casePrefix>-1} …
     */
    Latencies run(List<String> cookies, String ingestCookie, String token, byte[] zip, String casePrefix) throws InterruptedException {
        BenchPhase phase = new BenchPhase();
        BackgroundIngest ingest = new BackgroundIngest(http, base, ingestCookie, token, zip, casePrefix);
        Thread ingestThread = new Thread(ingest, "bench-ingest");
        ingestThread.start();
        List<UserLoad> loads = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < cookies.size(); i++) {
            UserLoad load = new UserLoad(http, base, cookies.get(i), caseId, queries, 1000L + i, phase);
            loads.add(load);
            Thread t = new Thread(load, "bench-user-" + (i + 1));
            threads.add(t);
            t.start();
        }
        Thread.sleep(settings.warmup().toMillis());
        phase.measuring = true;
        long t0 = System.nanoTime();
        Thread.sleep(settings.measure().toMillis());
        phase.measuring = false;
        double seconds = (System.nanoTime() - t0) / 1e9;
        phase.running = false;
        for (Thread t : threads) {
            t.join();
        }
        ingest.stop();
        ingestThread.join();
        log.printf("  ingested beside the load (to the end of its last bundle): %s%n", ingest.finished());
        log.flush();
        if (ingest.failure() != null) {
            throw new IllegalStateException("the ingest beside the load failed: " + ingest.failure());
        }
        long[] all = loads.stream().flatMapToLong(l -> LongStream.of(l.latencies())).toArray();
        long errors = loads.stream().mapToLong(UserLoad::errors).sum();
        return Latencies.of(all, errors, seconds);
    }
}
