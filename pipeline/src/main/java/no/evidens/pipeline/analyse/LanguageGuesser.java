package no.evidens.pipeline.analyse;

import java.util.Map;

/**
 * The document's language with Tika's OpenNLP language detector, reported as ISO 639-1 where it
 * has one ({@code nb}, {@code nn}, {@code en}, …); {@code und} when it cannot tell. The detector is
 * {@link LanguageProbe}: Tika's, with the same answers at less cost.
 */
public final class LanguageGuesser {
    private static final int SAMPLE_CHARS = 20_000;
    /** Tika reports no language (confidence NONE) at or below this confidence. */
    private static final double NONE_AT_MOST = 0.20;
    private static final Map<String, String> ISO1 = Map.of(
            "nob", "nb", "nno", "nn", "nor", "no", "eng", "en", "swe", "sv", "dan", "da", "deu", "de", "sme", "se");

    /** Loads the detector's model now (it is shared, loaded once) rather than at the first guess. */
    public void prepare() {
        LanguageProbe.shared();
    }

    public String guess(String text) {
        if (text.isBlank()) {
            return "und";
        }
        String language = LanguageProbe.shared().languageOver(
                text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text, NONE_AT_MOST);
        if (language == null) {
            return "und";
        }
        return ISO1.getOrDefault(language, language);
    }
}
