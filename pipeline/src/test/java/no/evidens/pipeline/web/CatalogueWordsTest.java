package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every message of the catalogue, in Bokmål and in Nynorsk, is Norwegian: no common English word, and the
 * API's own names (JSON fields and values, HTTP headers) only in brackets after the words a person reads,
 * as a hint for whoever calls the API.
 */
class CatalogueWordsTest {
    /** Names the API's clients use, which a workspace user should not have to know. */
    private static final Pattern API_NAME = Pattern.compile(
            "\\b(passageId|docId|supports|contradicts|Content-Type|Content-Length|If-Match|X-Evidens-Token|position)\\b");
    private static final Pattern BRACKETS = Pattern.compile("\\([^()]*\\)");

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CatalogueWordsTest.class.getResourceAsStream("/no/evidens/pipeline/web/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyMessageIsNorwegian() throws IOException {
        int checked = 0;
        for (String lang : List.of("nb", "nn")) {
            Properties p = load(lang);
            for (String key : p.stringPropertyNames()) {
                NorwegianText.assertNorwegian(p.getProperty(key));
                checked++;
            }
        }
        assertTrue(checked > 1000, "both catalogues read (" + checked + ")");
    }

    @Test
    void theApisNamesStandOnlyInBracketsBesideTheWords() throws IOException {
        List<String> found = new ArrayList<>();
        for (String lang : List.of("nb", "nn")) {
            Properties p = load(lang);
            for (String key : p.stringPropertyNames()) {
                String words = BRACKETS.matcher(p.getProperty(key)).replaceAll("");
                if (API_NAME.matcher(words).find()) {
                    found.add(lang + " " + key + ": " + p.getProperty(key));
                }
            }
        }
        assertEquals(List.of(), found, "word these in Norwegian, with the API's name in brackets after the words");
    }

    @Test
    void theTestSeesAnApiNameOutsideBrackets() {
        assertTrue(API_NAME.matcher(BRACKETS.matcher("bruk supports (støtter)").replaceAll("")).find());
        assertTrue(!API_NAME.matcher(BRACKETS.matcher("støtter funnet (i API-et: supports)").replaceAll("")).find());
    }
}
