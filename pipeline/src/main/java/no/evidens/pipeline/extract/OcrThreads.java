package no.evidens.pipeline.extract;

import java.util.Map;

/**
 * Tesseract's threads in the extraction workers. Tesseract spreads a page over OpenMP threads, as many as the cores,
 * and its idle threads spin while they wait for one another; ingestion already runs as many workers as the memory bound
 * and the cores allow, so on a busy machine those threads fight the other workers for the same cores. On 2 cores, six
 * scanned two-page journals took 24 s of wall and 46 s of CPU with one thread each, against 40–45 s and 75–84 s with
 * Tesseract's default, the same receipts and the same search answers (2026-12-06, README "Extraction"). An operator
 * who wants otherwise sets {@value #VARIABLE} in the environment, and it is kept.
 */
final class OcrThreads {
    /** OpenMP's limit on a process's threads, which Tesseract's builds read. */
    static final String VARIABLE = "OMP_THREAD_LIMIT";

    private OcrThreads() {
    }

    /** One OpenMP thread for the worker's Tesseract, unless the environment already says how many. */
    static void limit(Map<String, String> workerEnvironment) {
        workerEnvironment.putIfAbsent(VARIABLE, "1");
    }
}
