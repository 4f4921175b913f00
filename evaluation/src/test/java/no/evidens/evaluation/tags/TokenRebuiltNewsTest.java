package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.corpus.tags.GoldDocument;
import no.evidens.corpus.tags.GoldTag;
import no.evidens.corpus.tags.TagsGold;

class TokenRebuiltNewsTest {
    private static List<String> quoted(GoldDocument d) {
        return d.tags("q").stream().map(t -> d.text().substring(t.start(), t.end())).toList();
    }

    @Test
    void paragraphsRunTogetherExceptAfterAHeadingAndTheQuotationsMoveWithTheirTokens() {
        GoldDocument written = TagsGold.parse("news-x.txt", """
                Ferja står igjen

                Pendlerne er lei.   Ferja sto  mandag.

                – {q|Vi venter, og venter}, sier Hilde Rognstad (47).

                – {q|Hva nå?}

                «{q|Det er "ikke" greit}», skriver han. Det sto ”{q|Stengt}” på døra. «{q|Hun sa: “{q|Nei}”. Så gikk hun}», sier han.""");
        GoldDocument rebuilt = TokenRebuiltNews.rebuild(written);
        assertEquals(TokenRebuiltNews.SPLIT, rebuilt.split());
        // the heading keeps its blank line; the other paragraphs are one, with the typography rebuilt from the tokens
        assertEquals("Ferja står igjen\n\nPendlerne er lei. Ferja sto mandag. – Vi venter, og venter, sier Hilde Rognstad (47)."
                + " – Hva nå? «Det er \"ikke\" greit», skriver han. Det sto ”Stengt” på døra. «Hun sa: “Nei”. Så gikk hun», sier han.", rebuilt.text());
        assertEquals(List.of("Vi venter, og venter", "Hva nå?", "Det er \"ikke\" greit", "Stengt", "Hun sa: “Nei”. Så gikk hun", "Nei"),
                quoted(rebuilt));
    }

    @Test
    void aDashCrossheadWithoutPunctuationIsAHeadingAndKeepsItsBreak() {
        GoldDocument rebuilt = TokenRebuiltNews.rebuild(TagsGold.parse("news-y.txt", """
                Han svarte ikke.

                - {q|Ingen vil søke}

                Kommunen har lyst ut stillingen."""));
        assertEquals("Han svarte ikke. - Ingen vil søke\n\nKommunen har lyst ut stillingen.", rebuilt.text());
        assertEquals(List.of("Ingen vil søke"), quoted(rebuilt));
    }

    @Test
    void everyNewsQuotationKeepsItsWordsInTheRebuiltText() {
        List<GoldDocument> written = TagsGold.news();
        List<GoldDocument> rebuilt = TokenRebuiltNews.documents();
        assertEquals(written.size(), rebuilt.size());
        for (int k = 0; k < written.size(); k++) {
            List<String> before = quoted(written.get(k));
            List<String> after = quoted(rebuilt.get(k));
            assertEquals(before.size(), after.size(), written.get(k).name());
            for (int i = 0; i < before.size(); i++) {
                // the same words; only the spacing may differ
                assertEquals(before.get(i).replaceAll("\\s+", ""), after.get(i).replaceAll("\\s+", ""),
                        written.get(k).name() + " quotation " + i);
            }
        }
        // fewer paragraphs: only headings keep their break
        long written2 = written.stream().mapToLong(d -> d.text().split("\n\n").length).sum();
        long rebuilt2 = rebuilt.stream().mapToLong(d -> d.text().split("\n\n").length).sum();
        assertTrue(rebuilt2 < written2 / 2, rebuilt2 + " paragraphs of " + written2);
        for (GoldDocument d : rebuilt) {
            for (GoldTag t : d.tags()) {
                assertEquals(t.end(), d.text().substring(0, t.end()).stripTrailing().length(), d.name() + ": a span ends in space");
            }
        }
    }
}
