package no.evidens.pipeline.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.Reason;

/** Bokmål and Nynorsk say the same things: every key in both, every reason worded, every pattern valid. */
class MessagesBundleTest {
    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/no/evidens/pipeline/web/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsInBothBundles() throws IOException {
        Properties nb = load("nb");
        Properties nn = load("nn");
        TreeSet<String> onlyNb = new TreeSet<>(nb.stringPropertyNames());
        onlyNb.removeAll(nn.stringPropertyNames());
        TreeSet<String> onlyNn = new TreeSet<>(nn.stringPropertyNames());
        onlyNn.removeAll(nb.stringPropertyNames());
        assertTrue(onlyNb.isEmpty(), "only in Bokmål: " + onlyNb);
        assertTrue(onlyNn.isEmpty(), "only in Nynorsk: " + onlyNn);
        for (String k : nb.stringPropertyNames()) {
            assertFalse(nb.getProperty(k).isBlank() || nn.getProperty(k).isBlank(), k);
            // a pattern must parse, and take the same values in both languages
            assertEquals(new MessageFormat(nb.getProperty(k)).getFormats().length, new MessageFormat(nn.getProperty(k)).getFormats().length, k);
        }
    }

    @Test
    void everyReceiptReasonIsWordedInBoth() {
        for (Language l : Language.values()) {
            for (Reason r : Reason.values()) {
                assertTrue(Texts.of(l).has("reason." + r.code()), l + " " + r);
            }
        }
        assertNotEquals(Texts.of(Language.NB).get("reason.damaged"), Texts.of(Language.NN).get("reason.damaged"));
    }

    @Test
    void fillsValuesAndFallsBackToTheKey() {
        assertEquals("Søket «x:y» brukar feltet «x», som ikkje finst. Bruk a, b (eller set orda i hermeteikn).",
                Texts.of(Language.NN).get("query.unknown-field", "x:y", "x", "a, b"));
        assertEquals("Kilde:", Texts.of(Language.NB).get("export.source"));
        assertEquals("Kjelde:", Texts.of(Language.NN).get("export.source"));
        assertEquals("no.such.key", Texts.of(Language.NB).get("no.such.key"));
        assertEquals(Language.NN, Language.of("nn-NO"));
        assertEquals(Language.NB, Language.of("en"));
    }
}
