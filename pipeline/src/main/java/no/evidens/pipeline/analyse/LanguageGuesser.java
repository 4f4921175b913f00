package no.evidens.pipeline.analyse;

import java.util.Map;

import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * The document's language with Tika's OpenNLP language detector, reported as ISO 639-1 where it
 * has one ({@code nb}, {@code nn}, {@code en}, …); {@code und} when it cannot tell.
 */
public final class LanguageGuesser {
    private static final int SAMPLE_CHARS = 20_000;
    private static final Map<String, String> ISO1 = Map.of(
            "nob", "nb", "nno", "nn", "nor", "no", "eng", "en", "swe", "sv", "dan", "da", "deu", "de", "sme", "se");

    public String guess(String text) {
        if (text.isBlank()) {
            return "und";
        }
        // The detector keeps state per text, so each call gets its own (the model inside is shared).
        OpenNLPDetector detector = new OpenNLPDetector();
        detector.addText(text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text);
        LanguageResult result = detector.detect();
        if (result.isUnknown()) {
            return "und";
        }
        return ISO1.getOrDefault(result.getLanguage(), result.getLanguage());
    }
}
