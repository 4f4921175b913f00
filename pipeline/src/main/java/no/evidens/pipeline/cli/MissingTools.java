package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import no.evidens.pipeline.extract.TikaExtractor;

/**
 * What this machine lacks that Evidens could use, and what that costs: said once by {@code demo}, which
 * goes on without it. (The tests need it all: {@code ./evidens test} installs it.)
 */
final class MissingTools {
    private static final String INSTALL = "To install it on Debian: apt-get install tesseract-ocr tesseract-ocr-nor"
            + " (or ./evidens test, run as root, installs it).";

    private MissingTools() {
    }

    /** What is missing and what it costs, one message a tool, for a person to read; empty when nothing is. */
    static List<String> find() {
        List<String> missing = new ArrayList<>();
        if (!TikaExtractor.tesseractInstalled()) {
            missing.add("No OCR: Tesseract is not installed, so scanned pages and images are not read; files that need it"
                    + " are listed as failed (\"needs OCR\"). " + INSTALL);
        } else if (!tesseractLanguages().contains(TikaExtractor.OCR_LANGUAGE)) {
            missing.add("No OCR: Tesseract has no Norwegian data (" + TikaExtractor.OCR_LANGUAGE + "), so scanned pages and"
                    + " images cannot be read. " + INSTALL);
        }
        return missing;
    }

    /** The languages {@code tesseract --list-langs} names; empty when it cannot say. */
    private static List<String> tesseractLanguages() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String listed;
            try (InputStream in = p.getInputStream()) {
                listed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return listed.lines().map(String::strip).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
