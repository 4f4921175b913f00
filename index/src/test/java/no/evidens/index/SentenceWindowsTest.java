package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceWindowsTest {
    /** A list without full stops: one "sentence" of about 1,100 characters, the word sought in its middle. */
    private static final String LIST;

    static {
        StringBuilder b = new StringBuilder("Tiltak i planen ");
        for (int i = 1; i <= 30; i++) {
            b.append(i == 15 ? "ansvarsgruppe for ungdommen " : "punkt nummer " + i + " med tekst om oppfølging ");
        }
        LIST = b.append("og mer").toString();
    }

    private static final String ORDINARY = "Barnevernet møter familien hver uke. Fastlegen deltar i ansvarsgruppen. Helsestasjonen kommer ikke.";

    @TempDir
    Path dir;

    @Test
    void ordinarySentencesKeepTheirBreaks() {
        BreakIterator plain = BreakIterator.getSentenceInstance(Locale.ROOT);
        BreakIterator windows = new SentenceWindows(BreakIterator.getSentenceInstance(Locale.ROOT));
        plain.setText(ORDINARY);
        windows.setText(ORDINARY);
        for (int offset = 1; offset < ORDINARY.length(); offset++) {
            assertEquals(plain.following(offset), windows.following(offset), "following " + offset);
            assertEquals(plain.preceding(offset), windows.preceding(offset), "preceding " + offset);
        }
    }

    @Test
    void aLongSentenceIsCutAtSpacesRoundTheMatch() {
        BreakIterator windows = new SentenceWindows(BreakIterator.getSentenceInstance(Locale.ROOT));
        windows.setText(LIST);
        int middle = LIST.indexOf("ansvarsgruppe");
        int start = windows.preceding(middle + 1);
        int end = windows.following(middle);
        assertTrue(start > 0 && end < LIST.length(), start + "–" + end);
        assertTrue(end - start <= 2 * (SentenceWindows.HALF + 30), "a window, not the sentence: " + (end - start));
        assertEquals(' ', LIST.charAt(start - 1), "starts at a word");
        assertEquals(' ', LIST.charAt(end), "ends at a word");
        // The summary of a long sentence without a match is its beginning, not all of it.
        windows.first();
        int summaryEnd = windows.next();
        assertTrue(summaryEnd > 0 && summaryEnd <= SentenceWindows.HALF + 30, "summary to " + summaryEnd);
        // Walked to the end, it stays there (the next break after the last is none, asked again too).
        int last = summaryEnd;
        for (int at = windows.next(); at != BreakIterator.DONE; at = windows.next()) {
            assertTrue(at > last, at + " after " + last);
            last = at;
        }
        assertEquals(LIST.length(), last);
        assertEquals(BreakIterator.DONE, windows.next());
    }

    @Test
    void aSearchSnippetInALongPassageIsAWindowRoundTheMatch() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(new IndexedDocument("d1", "sak-1", "plan.txt", "styringsdokument", "Plan", "sha-d1", "text/plain", LIST, List.of(0)),
                    List.of(new Passage(Passage.idOf("sak-1", "d1", 0), "sak-1", "d1", "plan.txt", "styringsdokument", "Plan", "",
                            1, 0, LIST.length(), LIST, List.of(), List.of())));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchHit hit = s.search(new SearchRequest("ansvarsgruppe", "sak-1", null, 10)).hits().get(0);
            assertEquals(1, hit.fragments().size());
            TextRange fragment = hit.fragments().get(0);
            assertTrue(fragment.end() - fragment.start() < 400, "fragment " + fragment + " of " + LIST.length());
            TextRange match = hit.matches().get(0);
            assertEquals("ansvarsgruppe", LIST.substring(match.start(), match.end()));
            assertTrue(fragment.start() <= match.start() && match.end() <= fragment.end(), "the match inside its fragment");
        }
    }
}
