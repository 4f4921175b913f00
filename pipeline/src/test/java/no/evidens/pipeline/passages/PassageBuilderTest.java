package no.evidens.pipeline.passages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.analyse.Spans;
import no.evidens.pipeline.fixture.CountedReads;
import no.evidens.pipeline.normalise.NormalisedText;

class PassageBuilderTest {
    private static final PassageBuilder.Source SRC = new PassageBuilder.Source("sak", "doc", "a.txt", "annet", "A");

    /** An analysis whose sentences end at every ". " (enough for grouping; the models are tested elsewhere). */
    private static DocumentAnalysis analysis(String text) {
        List<Spans.Sentence> sentences = new ArrayList<>();
        for (int[] p : NormalisedText.paragraphs(text)) {
            int s = p[0];
            for (int i = p[0]; i < p[1]; i++) {
                if (text.charAt(i) == '.' && (i + 1 == p[1] || text.charAt(i + 1) == ' ')) {
                    sentences.add(new Spans.Sentence(s, i + 1, 1));
                    s = i + 2;
                }
            }
            if (s < p[1]) {
                sentences.add(new Spans.Sentence(s, p[1], 1));
            }
        }
        return new DocumentAnalysis("a.txt", "0", "text/plain", "nb", 1, text, sentences, List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    @Test
    void passagesStayInsideOneParagraphAndHoldAtMostThreeSentences() {
        String text = "Tittel\n\nEn. To. Tre. Fire. Fem.\n\nSeks.";
        List<Passage> ps = new PassageBuilder().build(SRC, analysis(text));
        assertEquals(List.of("En. To. Tre.", "Fire. Fem.", "Seks."), ps.stream().map(Passage::text).toList());
        for (Passage p : ps) {
            assertEquals(text.substring(p.start(), p.end()), p.text());
        }
    }

    @Test
    void headingsAreContextNotPassages() {
        String text = "Plan for samarbeid\n\n2.4 Ansvarsgruppe\n\nKoordinator kaller inn. Møtene holdes hver måned.\n\n3 Neste\n\n3.1 Siste";
        List<Passage> ps = new PassageBuilder().build(SRC, analysis(text));
        assertEquals(3, ps.size(), ps.toString());
        assertEquals("Plan for samarbeid › 2.4 Ansvarsgruppe", ps.get(0).heading());
        assertTrue(ps.get(0).text().startsWith("Koordinator"));
        assertEquals("3 Neste", ps.get(1).text(), "headings with nothing under them are still searchable");
        assertEquals("3.1 Siste", ps.get(2).text());
    }

    @Test
    void aSentenceWithoutStopsIsCutAtSpacesIntoShortPassages() {
        String run = "Kommunen har ikke sikret at barneverntjenesten samarbeider med NAV om ettervern ".repeat(2_000).strip();
        String text = "Notat\n\n" + run + "\n\nSiste setning.";
        List<Passage> ps = new PassageBuilder().build(SRC, analysis(text));
        assertEquals("Siste setning.", ps.get(ps.size() - 1).text());
        List<Passage> pieces = ps.subList(0, ps.size() - 1);
        assertTrue(pieces.size() >= run.length() / PassageBuilder.MAX_CHARS, pieces.size() + " passages");
        StringBuilder words = new StringBuilder();
        for (Passage p : pieces) {
            assertTrue(p.text().length() <= PassageBuilder.MAX_CHARS, p.text().length() + " characters");
            assertEquals(text.substring(p.start(), p.end()), p.text());
            assertTrue(!p.text().startsWith(" ") && !p.text().endsWith(" "), p.text());
            words.append(words.isEmpty() ? "" : " ").append(p.text());
        }
        assertEquals(run, words.toString(), "every word is in exactly one passage, none cut in two");
    }

    @Test
    void aLongSentenceUnderTheBoundStaysOnePassage() {
        String sentence = "Rutinen sier at koordinatoren skal kalle inn til møte i ansvarsgruppen ".repeat(20).strip() + ".";
        assertTrue(sentence.length() > PassageBuilder.MAX_CHARS && sentence.length() <= 2_000);
        List<Passage> ps = new PassageBuilder().build(SRC, analysis("Tittel\n\n" + sentence));
        assertEquals(List.of(sentence), ps.stream().map(Passage::text).toList());
    }

    @Test
    void aRunWithoutSpacesIsCutWithoutSplittingACharacter() {
        String run = "𝔄".repeat(3_000);
        List<Passage> ps = new PassageBuilder().build(SRC, analysis("Tittel\n\n" + run));
        assertEquals(run, String.join("", ps.stream().map(Passage::text).toList()));
        for (Passage p : ps) {
            assertTrue(p.text().length() <= PassageBuilder.MAX_CHARS);
            assertTrue(Character.isHighSurrogate(p.text().charAt(0)), "a piece starts on a whole character");
        }
    }

    @Test
    void eachPassageGetsTheSpansThatStartInItInTheTaggersOrder() {
        String text = "Tittel\n\nEn ettervern. To NAV. Tre samtykke. Fire fastlege.\n\nFem lov.";
        DocumentAnalysis plain = analysis(text);
        int fire = text.indexOf("Fire");
        int fem = text.indexOf("Fem");
        // not in the order of the text: the taggers append what each of them found
        List<Spans.Indicator> indicators = List.of(
                new Spans.Indicator("samtykke", text.indexOf("samtykke"), text.indexOf("samtykke") + 8, 1, "samtykke", "t", "p"),
                new Spans.Indicator("fastlege", text.indexOf("fastlege"), text.indexOf("fastlege") + 8, 1, "fastlege", "t", "p"),
                new Spans.Indicator("ettervern", text.indexOf("ettervern"), text.indexOf("ettervern") + 9, 1, "ettervern", "t", "p"),
                new Spans.Indicator("samarbeidsarena", text.indexOf("NAV"), text.indexOf("NAV") + 3, 1, "NAV", "t", "p"),
                new Spans.Indicator("ettervern", text.indexOf("En"), text.indexOf("En") + 2, 1, "En", "t", "p"));
        List<Spans.LegalRef> laws = List.of(
                new Spans.LegalRef("barnevernloven", List.of(), fem + 4, fem + 7, "lov", 1),
                new Spans.LegalRef(null, List.of(), fire, fire + 4, "Fire", 1));
        List<Passage> ps = new PassageBuilder().build(SRC, new DocumentAnalysis("a.txt", "0", "text/plain", "nb", 1, text,
                plain.sentences(), List.of(), indicators, laws, List.of(), List.of()));
        assertEquals(List.of("En ettervern. To NAV. Tre samtykke.", "Fire fastlege.", "Fem lov."),
                ps.stream().map(Passage::text).toList());
        assertEquals(List.of("samtykke", "ettervern", "samarbeidsarena"), ps.get(0).indicators());
        assertEquals(List.of("fastlege"), ps.get(1).indicators());
        assertEquals(List.of(), ps.get(1).laws(), "a reference that names no law is no law");
        assertEquals(List.of("barnevernloven"), ps.get(2).laws());
        assertEquals(List.of(), ps.get(2).indicators());
    }

    @Test
    void aLongDocumentsSpansAreReadAboutOnceNotOncePerPassage() {
        // a log of 18 MB read whole took minutes in this builder alone: every passage filtered every span of the document
        String text = "Logg\n\n" + "Barneverntjenesten kontaktet NAV om ettervern. ".repeat(3_000).strip();
        DocumentAnalysis plain = analysis(text);
        List<Spans.Indicator> mentions = new ArrayList<>();
        for (int at = text.indexOf("NAV"); at >= 0; at = text.indexOf("NAV", at + 1)) {
            mentions.add(new Spans.Indicator("samarbeidsarena", at, at + 3, 1, "NAV", "t", "p"));
        }
        CountedReads<Spans.Indicator> counted = new CountedReads<>(mentions);
        List<Passage> ps = new PassageBuilder().build(SRC, new DocumentAnalysis("a.txt", "0", "text/plain", "nb", 1, text,
                plain.sentences(), List.of(), counted, List.of(), List.of(), List.of()));
        assertEquals(1_000, ps.size());
        assertTrue(ps.stream().allMatch(p -> p.indicators().equals(List.of("samarbeidsarena"))));
        assertTrue(counted.reads() <= 3L * mentions.size(), counted.reads() + " reads of " + mentions.size() + " mentions");
    }

    @Test
    void aPassageReadIsNotKeptByTheListItCameFrom() throws InterruptedException {
        // made all at once, a huge text's passages (their texts, ids, lists) were held beside the analysis until the last
        // was indexed: the ingest's largest live heap (round 51). The index reads each once; the list keeps where it lies.
        String text = "Logg\n\n" + "Barneverntjenesten kontaktet NAV om ettervern. ".repeat(30).strip();
        List<Passage> ps = new PassageBuilder().build(SRC, analysis(text));
        assertEquals(10, ps.size());
        Passage first = ps.get(4);
        assertEquals(first, ps.get(4), "read again, the same passage");
        assertEquals(text.substring(first.start(), first.end()), first.text());
        WeakReference<Passage> read = new WeakReference<>(first);
        WeakReference<String> itsText = new WeakReference<>(first.text());
        first = null;
        for (int i = 0; i < 20 && (read.get() != null || itsText.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNotNull(ps.get(9), "the list is still in use");
        assertTrue(read.get() == null && itsText.get() == null, "the list still holds a passage it gave out");
    }
}
