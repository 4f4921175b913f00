package no.evidens.corpus.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TagsGoldTest {
    @Test
    void parsesNestedMarkupIntoOffsets() {
        GoldDocument d = TagsGold.parse("dev-x.txt",
                "Hun sa: «{q|Vi kjenner {i:taushetsplikt|taushetsplikten}, jf. {l:helsepersonelloven=21|hpl. § 21}}», "
                        + "sier {p:PERSON|Kari Nilsen}.");
        assertEquals("Hun sa: «Vi kjenner taushetsplikten, jf. hpl. § 21», sier Kari Nilsen.", d.text());
        GoldTag q = d.tags("q").get(0);
        assertEquals("Vi kjenner taushetsplikten, jf. hpl. § 21", d.text().substring(q.start(), q.end()));
        GoldTag l = d.tags("l").get(0);
        assertEquals("helsepersonelloven", l.label());
        assertEquals(List.of("21"), l.sections());
        assertEquals("hpl. § 21", d.text().substring(l.start(), l.end()));
        assertEquals("Kari Nilsen", d.text().substring(d.tags("p").get(0).start(), d.tags("p").get(0).end()));
        assertEquals("dev", d.split());
    }

    @Test
    void malformedMarkupIsReportedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagsGold.parse("dev-x.txt", "a\n{i:x|b"));
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TagsGold.parse("dev-x.txt", "a\nb}"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void goldDataIsLargeEnoughAndWellFormed() {
        List<GoldDocument> all = TagsGold.all();
        assertFalse(TagsGold.split("dev").isEmpty());
        assertFalse(TagsGold.split("test").isEmpty());
        long sentences = 0;
        Set<String> piiTypes = Set.of("PERSON", "FODSELSNUMMER", "D_NUMMER", "PHONE", "EMAIL", "ADDRESS");
        for (GoldDocument d : all) {
            // a rough count: ends of sentences and of headings / paragraphs
            sentences += d.text().split("[.!?»](\\s+)(?=[\\p{Lu}«\\d])|\\n\\n").length;
            for (GoldTag t : d.tags()) {
                assertTrue(t.end() > t.start(), d.name() + " empty tag at " + t.start());
                if (t.kind().equals("p")) {
                    assertTrue(piiTypes.contains(t.label()), d.name() + ": " + t.label());
                }
                if (t.kind().equals("q") && !t.label().contains("unclosed")) {
                    char before = d.text().charAt(t.start() - 1);
                    char after = d.text().charAt(t.end());
                    // marks either way round (»…« some writers use), or a dialogue dash opening the paragraph
                    boolean dialogue = d.text().substring(0, t.start()).matches("(?s)(.*\\n)?[–-] ");
                    assertTrue(dialogue || "«‹“\"”‘»›".indexOf(before) >= 0 && "»›”\"’«‹".indexOf(after) >= 0,
                            d.name() + ": quotation not between marks at " + t.start());
                }
            }
        }
        assertTrue(sentences >= 400, "gold sentences (rough count): " + sentences);
    }

    @Test
    void theNewsSplitIsReadApartFromTheOtherGoldAndMarksQuotationsOnly() {
        List<GoldDocument> news = TagsGold.news();
        assertEquals(46, news.size());
        Set<String> others = TagsGold.all().stream().map(GoldDocument::name).collect(java.util.stream.Collectors.toSet());
        long quotations = 0;
        for (GoldDocument d : news) {
            assertEquals(TagsGold.NEWS, d.split(), d.name());
            assertFalse(others.contains(d.name()), d.name() + " is in the other gold too");
            for (GoldTag t : d.tags()) {
                assertEquals("q", t.kind(), d.name() + ": only quotations are marked");
                char before = d.text().charAt(t.start() - 1);
                // between marks, or after a dash and a space (a turn, also one run into its paragraph)
                boolean dash = t.start() >= 2 && "-–—".indexOf(d.text().charAt(t.start() - 2)) >= 0 && before == ' ';
                assertTrue(dash || "«“\"”".indexOf(before) >= 0, d.name() + ": quotation opened by no mark at " + t.start());
                quotations++;
            }
        }
        assertEquals(344, quotations);
    }
}
