package no.evidens.pipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import no.evidens.index.SearchHit;
import no.evidens.index.TextRange;

class SnippetsTest {
    private static final String TEXT = "Rutinen <b>gjelder</b> for barnevern/helse. «Barnevernet» & NAV møtes. Ingen referat. Barnevernet skriver.";

    private static SearchHit hit(List<TextRange> matches, List<TextRange> fragments) {
        return new SearchHit("s/d/0", "s", "d", "f.txt", "journal", "T", "", 1, 0, TEXT.length(), TEXT, 1f,
                List.of(), List.of(), List.of(), matches, fragments);
    }

    private static TextRange word(String w) {
        return new TextRange(TEXT.indexOf(w), TEXT.indexOf(w) + w.length());
    }

    @Test
    void htmlIsWhatLucenesFormatterWroteForTheSameOffsets() {
        int second = TEXT.indexOf("«");
        int last = TEXT.lastIndexOf("Barnevernet");
        List<TextRange> fragments = List.of(new TextRange(0, second), new TextRange(second, TEXT.indexOf(" Ingen") + 1),
                new TextRange(last, TEXT.length()));
        List<TextRange> matches = List.of(word("barnevern"), word("Barnevernet"), new TextRange(last, last + 11));
        Passage[] passages = new Passage[fragments.size()];
        for (int i = 0; i < passages.length; i++) {
            passages[i] = new Passage();
            passages[i].setStartOffset(fragments.get(i).start());
            passages[i].setEndOffset(fragments.get(i).end());
            for (TextRange m : matches) {
                if (m.start() >= fragments.get(i).start() && m.end() <= fragments.get(i).end()) {
                    passages[i].addMatch(m.start(), m.end(), new BytesRef("x"), 1);
                }
            }
        }
        String lucene = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true).format(passages, TEXT);
        assertEquals(lucene, Snippets.html(hit(matches, fragments)));
        assertEquals("Rutinen <b>gjelder</b> for [barnevern]/helse. «[Barnevernet]» & NAV møtes.  … [Barnevernet] skriver.",
                Snippets.marked(hit(matches, fragments), "[", "]"), "the terminal's marking: plain text, same words");
    }

    @Test
    void aPassageLookedUpByIdIsItsWholeTextEscaped() {
        SearchHit plain = hit(List.of(), List.of());
        assertEquals("Rutinen &lt;b&gt;gjelder&lt;/b&gt; for barnevern/helse. «Barnevernet» &amp; NAV møtes. Ingen referat. "
                + "Barnevernet skriver.", Snippets.html(plain));
        assertEquals(TEXT, Snippets.marked(plain, "[", "]"));
    }
}
