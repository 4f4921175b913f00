package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A worker's Tesseract reads a page on one thread unless the operator set another number. */
class OcrThreadsTest {
    @Test
    void aWorkersTesseractRunsOnOneThreadByDefault() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin"));
        OcrThreads.limit(env);
        assertEquals("1", env.get("OMP_THREAD_LIMIT"));
        assertEquals("/usr/bin", env.get("PATH"), "the rest of the environment is the worker's as before");
    }

    @Test
    void theOperatorsOwnLimitIsKept() {
        Map<String, String> env = new HashMap<>(Map.of("OMP_THREAD_LIMIT", "4"));
        OcrThreads.limit(env);
        assertEquals("4", env.get("OMP_THREAD_LIMIT"));
    }
}
