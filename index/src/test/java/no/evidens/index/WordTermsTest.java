package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The packed word table gives back each word's terms, tells an absent word, and refuses words beyond its size. */
class WordTermsTest {
    @Test
    void everyWordAddedIsFoundWithItsTermsAfterTheTableAndPoolGrew() {
        WordTerms table = new WordTerms(100_000);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String w = "ord" + i + (i % 7 == 0 ? "tjenesten" : "");
            assertEquals(-1, table.find(w.toCharArray(), w.length()), w);
            assertTrue(table.add(w.toCharArray(), w.length(), termsOf(w, i)) >= 0, w);
            words.add(w);
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int start = table.find(w.toCharArray(), w.length());
            assertTrue(start >= 0, w);
            assertArrayEquals(termsOf(w, i), read(table.pool(), start), w);
        }
        assertEquals(-1, table.find("ord".toCharArray(), 3));
        assertEquals(-1, table.find("ord1x".toCharArray(), 5), "a word that begins with another is another word");
    }

    @Test
    void aWordBeyondTheTablesSizeIsNotAdded() {
        WordTerms table = new WordTerms(2);
        char[][] terms = {"barn".toCharArray()};
        assertTrue(table.add("barna".toCharArray(), 5, terms) >= 0);
        assertTrue(table.add("barnet".toCharArray(), 6, terms) >= 0);
        assertEquals(-1, table.add("barnas".toCharArray(), 6, terms));
        assertEquals(-1, table.find("barnas".toCharArray(), 6));
        assertArrayEquals(terms, read(table.pool(), table.find("barnet".toCharArray(), 6)));
    }

    @Test
    void aWordIsFoundFromAPartOfALargerBuffer() {
        WordTerms table = new WordTerms(10);
        char[][] terms = {"skule".toCharArray(), "skul".toCharArray()};
        table.add("skulen".toCharArray(), 6, terms);
        char[] buffer = "skulenxxxxxxxx".toCharArray();
        assertArrayEquals(terms, read(table.pool(), table.find(buffer, 6)));
    }

    /** One to three terms per word, of different lengths (the first the word itself, as a stem may be). */
    private static char[][] termsOf(String w, int i) {
        List<char[]> terms = new ArrayList<>();
        terms.add(w.toCharArray());
        for (int k = 1; k <= i % 3; k++) {
            terms.add(w.substring(0, Math.max(1, w.length() - k)).toCharArray());
        }
        return terms.toArray(new char[0][]);
    }

    private static char[][] read(char[] pool, int start) {
        int at = WordTerms.termsAt(pool, start);
        char[][] terms = new char[pool[at++]][];
        for (int k = 0; k < terms.length; k++) {
            int length = pool[at++];
            terms[k] = java.util.Arrays.copyOfRange(pool, at, at + length);
            at += length;
        }
        return terms;
    }
}
