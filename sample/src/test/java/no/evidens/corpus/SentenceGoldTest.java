package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SentenceGoldTest {

    @Test
    void everyDistinctDocumentHasGold() {
        List<SentenceGold.Document> gold = SentenceGold.sample();
        Set<String> sources = new HashSet<>();
        for (SampleBundle.Entry entry : SampleBundle.entries()) {
            sources.add(entry.source());
        }
        assertEquals(sources.size(), gold.size());
        assertEquals(12, gold.size());
        Set<String> texts = new HashSet<>();
        for (SentenceGold.Document doc : gold) {
            assertTrue(texts.add(doc.text()), "documents are distinct: " + doc.document().path());
            assertFalse(doc.sentences().isEmpty(), doc.resource());
        }
    }

    @Test
    void goldSentencesCutExactlyFromTheExpectedTextAndDoNotOverlap() throws IOException {
        int total = 0;
        for (SentenceGold.Document doc : SentenceGold.sample()) {
            String text = doc.text();
            List<String> lines = nonBlankLines(doc.resource());
            assertEquals(lines.size(), doc.sentences().size(), doc.resource());
            int previousEnd = 0;
            StringBuilder covered = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                SentenceGold.Sentence s = doc.sentences().get(i);
                assertEquals(lines.get(i), s.cut(text), doc.resource() + " sentence " + (i + 1));
                assertTrue(s.start() >= previousEnd, doc.resource() + ": sentence " + (i + 1) + " overlaps");
                assertTrue(text.substring(previousEnd, s.start()).isBlank(), "only white space between sentences");
                assertFalse(Character.isWhitespace(text.charAt(s.start())));
                assertFalse(Character.isWhitespace(text.charAt(s.end() - 1)));
                assertFalse(s.cut(text).contains("\n"), "no sentence crosses a paragraph: " + s.cut(text));
                covered.append(s.cut(text));
                previousEnd = s.end();
                total++;
            }
            assertTrue(text.substring(previousEnd).isBlank());
            assertEquals(text.replaceAll("\\s+", ""), covered.toString().replaceAll("\\s+", ""),
                "every character of " + doc.document().path() + " is in a gold sentence");
            assertEquals(doc.document().title(), doc.sentences().get(0).cut(text), "the title is sentence 1");
        }
        assertTrue(total > 600, "gold sentences: " + total);
    }

    @Test
    void alignmentRejectsLinesThatAreNotTheNextSentence() {
        String text = "Tittel\n\nFørste setning, jf. § 4-3. Andre setning.";
        int second = text.indexOf("Første");
        int third = text.indexOf("Andre");
        assertEquals(List.of(new SentenceGold.Sentence(0, 6), new SentenceGold.Sentence(second, third - 1),
                new SentenceGold.Sentence(third, text.length())),
            SentenceGold.align(text, "Tittel\n\nFørste setning, jf. § 4-3.\nAndre setning.\n", "t"));
        assertThrows(IllegalStateException.class,
            () -> SentenceGold.align(text, "Tittel\nAndre setning.\n", "t"), "a skipped sentence");
        assertThrows(IllegalStateException.class,
            () -> SentenceGold.align(text, "Tittel\nFørste setning, jf. § 4-3.\n", "t"), "text left over");
        assertThrows(IllegalStateException.class,
            () -> SentenceGold.align(text, " Tittel\n", "t"), "white space around a line");
    }

    private static List<String> nonBlankLines(String resource) throws IOException {
        try (InputStream in = SentenceGoldTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
