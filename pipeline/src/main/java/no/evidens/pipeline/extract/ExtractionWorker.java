package no.evidens.pipeline.extract;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The worker process of {@link IsolatedExtractor}: reads one file path a line on stdin, answers one
 * JSON line on stdout ({@code {"extraction": …}} or {@code {"problem": "…"}}). Tika runs here, so a
 * parser that hangs or runs out of memory takes down this process only.
 */
public final class ExtractionWorker {
    /** One answer of the worker. */
    record Answer(Extraction extraction, Reason reason, String detail) {
    }

    /** The first line a worker writes, once Tika is loaded. */
    static final String READY = "ready";

    private ExtractionWorker() {
    }

    public static void main(String[] args) throws Exception {
        int maxChars = Integer.parseInt(args[0]);
        boolean ocr = Boolean.parseBoolean(args[1]);
        ObjectMapper json = new ObjectMapper();
        // stdout carries the answers only; anything a library prints goes to stderr.
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        TikaExtractor extractor = new TikaExtractor(maxChars, ocr);
        warmUp(extractor);
        answers.println(READY);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            Answer answer;
            try {
                answer = new Answer(extractor.extract(Path.of(line)), null, null);
            } catch (ExtractionException e) {
                answer = new Answer(null, e.reason(), e.detail());
            } catch (RuntimeException | StackOverflowError e) {
                answer = new Answer(null, Reason.PARSER_CRASHED, Failures.detail(e));
            }
            answers.println(json.writeValueAsString(answer));
        }
    }

    /**
     * Reads one small text before the worker says it is ready, so that loading Tika's detectors and
     * parsers (seconds on a busy machine) is not counted in the first real file's time limit.
     */
    private static void warmUp(TikaExtractor extractor) {
        try {
            Path probe = Files.createTempFile("evidens-warmup-", ".txt");
            try {
                Files.writeString(probe, "Oppvarming av tekstuttrekk.\n", StandardCharsets.UTF_8);
                extractor.extract(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | ExtractionException | RuntimeException e) {
            // Only a warm-up: the real files will say what is wrong, if anything.
        }
    }
}
