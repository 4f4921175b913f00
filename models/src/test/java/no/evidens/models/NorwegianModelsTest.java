package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of the bundled models that the pipeline and the users rely on. Fictional text only. */
class NorwegianModelsTest {
    private static final NorwegianModels MODELS = NorwegianModels.shared();

    private static List<String> sentences(String text) {
        return MODELS.sentences(text).stream().map(s -> s.cut(text)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kommunen har ikke sikret at meldinger følges opp, jf. bvl. § 6-4 2. ledd.",
        "Dette er i strid med barnevernloven §§ 17 og 18, jf. forvaltningsloven § 17.",
        "Det følger av § 4-3 at undersøkelsen skal gjennomføres innen tre måneder.",
        "Saken gjelder bl.a. samarbeid med NAV, f.eks. om tiltak, jf. pkt. 2.3.4 ovenfor.",
        "Rutinen ble vedtatt 16.6.2011 og revidert 1. januar 2015 av Kari B. Nilsen.",
        "Sluttmøtet startet kl. 10.00 i rådhuset, ca. en time etter planen.",
        "Kravet i 2. ledd gjelder også for avd. Nord, dvs. helsestasjonen m.fl. i kommunen.",
        "Barneverntjenesten kan nås på tlf. 12 34 56 78, evt. via sentralbordet iht. rutinen.",
        "Den 3. mars ble saken sendt til adm. dir. Per O. Hansen, ref. kap. 5 i planen.",
        "Tiltakene, o.l. planer og evalueringer mv. er gjennomgått ift. kravene i loven.",
    })
    void doesNotSplitAuditConstructions(String text) {
        assertEquals(List.of(text), sentences(text));
    }

    @Test
    void splitsWherePeopleWould() {
        String text = "Tilsynet er avsluttet. Kommunen har rettet avvikene! Hva skjer nå? "
                + "Opplæringen gjelder kurs, veiledning mv. Statsforvalteren følger opp saken.";
        assertEquals(List.of("Tilsynet er avsluttet.", "Kommunen har rettet avvikene!", "Hva skjer nå?",
                "Opplæringen gjelder kurs, veiledning mv.", "Statsforvalteren følger opp saken."), sentences(text));
    }

    @Test
    void headingsAndListItemsAreTheirOwnSentences() {
        String text = "1. Tilsynets tema og omfang\n\n2.1 Innledning\n\nVi har undersøkt om kommunen har\n"
                + "  • rutiner for meldinger til barneverntjenesten\n  • en plan for opplæring av ansatte\n\n"
                + "Kommunen sikrer ikke dette. Det er et avvik.";
        assertEquals(List.of("1. Tilsynets tema og omfang", "2.1 Innledning", "Vi har undersøkt om kommunen har",
                "• rutiner for meldinger til barneverntjenesten", "• en plan for opplæring av ansatte",
                "Kommunen sikrer ikke dette.", "Det er et avvik."), sentences(text));
    }

    @Test
    void tokensKeepAbbreviationsDatesAndParagraphsWhole() {
        String text = "Jf. bvl. § 6-4 skal saken behandles innen 16.6.2011 kl. 10.00, bl.a. av «Kari».";
        List<String> tokens = MODELS.tokens(text).stream().map(t -> t.cut(text)).toList();
        assertEquals(List.of("Jf.", "bvl.", "§", "6-4", "skal", "saken", "behandles", "innen", "16.6.2011", "kl.",
                "10.00", ",", "bl.a.", "av", "«", "Kari", "»", "."), tokens);
    }

    @Test
    void namesAreFoundAlongARunOfThousandsOfWordsWithoutAFullStop() {
        // A spreadsheet or list without full stops is one "sentence" to the sentence detector: the name finder
        // reads it in windows (its time would otherwise grow with the square of the length), never cutting a name.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("møte med Kari Nordby om tiltak og oppfølging av planen i uke ").append(i + 1).append(" | ");
        }
        String run = text.toString();
        List<String> persons = MODELS.names(run).stream().filter(n -> n.type().equals("PER")).map(n -> n.cut(run)).toList();
        assertTrue(run.split(" ").length > 5_000);
        assertTrue(persons.size() >= 390, persons.size() + " of 400");
        assertTrue(persons.stream().allMatch("Kari Nordby"::equals), persons.stream().distinct().toList().toString());
    }

    @Test
    void aWindowOfWordsEndsBeforeALowerCaseWordSoNoNameIsCutInTwo() {
        String[] words = new String[NorwegianModels.NAME_WINDOW + 10];
        java.util.Arrays.fill(words, "Nordby");
        words[NorwegianModels.NAME_WINDOW - 5] = "og";
        assertEquals(NorwegianModels.NAME_WINDOW - 5, NorwegianModels.windowEnd(words, 0));
        java.util.Arrays.fill(words, "Nordby");
        assertEquals(NorwegianModels.NAME_WINDOW, NorwegianModels.windowEnd(words, 0), "no lower-case word near the end: cut at the length");
        assertEquals(words.length, NorwegianModels.windowEnd(words, 20), "the last window runs to the end");
    }

    @Test
    void findsNamesInFictionalSentences() {
        String text = "Kari Nordby er leder for barneverntjenesten i Tromsø. "
                + "Hun har møtt Ola Bergheim fra Arbeids- og velferdsetaten i Bergen.";
        List<String> names = MODELS.names(text).stream().map(n -> n.type() + ":" + n.cut(text)).toList();
        assertTrue(names.contains("PER:Kari Nordby"), names.toString());
        assertTrue(names.contains("PER:Ola Bergheim"), names.toString());
        assertTrue(names.contains("LOC:Tromsø") || names.contains("LOC:Bergen"), names.toString());
        for (TaggedSpan name : MODELS.names(text)) {
            assertTrue(List.of("PER", "ORG", "LOC").contains(name.type()));
        }
    }

    @Test
    void offsetsCutTheExactText() {
        String text = "  Innledning\n\n\tKommunen har plikt, jf. § 4-3.  Ola Nordmann (avd. Sør) er enig!\n"
                + "  • første punkt\r\n  • andre punkt  ";
        String withoutSpace = text.replaceAll("\\s+", "");
        StringBuilder fromTokens = new StringBuilder();
        for (TaggedSpan token : MODELS.tokens(text)) {
            String cut = token.cut(text);
            assertFalse(cut.isEmpty());
            assertFalse(cut.chars().anyMatch(Character::isWhitespace), cut);
            fromTokens.append(cut);
        }
        assertEquals(withoutSpace, fromTokens.toString());
        for (TaggedSpan sentence : MODELS.sentences(text)) {
            String cut = sentence.cut(text);
            assertEquals(cut.strip(), cut);
            assertFalse(cut.isEmpty());
        }
        for (TaggedSpan name : MODELS.names(text)) {
            assertEquals(name.cut(text).strip(), name.cut(text));
        }
    }

    @Test
    void handlesEmptyAndBlankText() {
        assertEquals(List.of(), MODELS.sentences(""));
        assertEquals(List.of(), MODELS.tokens("  \n\n "));
        assertEquals(List.of(), MODELS.names("\t"));
    }

    @Test
    void concurrentUseGivesTheSameResultsAsSingleThreaded() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add("Møte nr. " + i + " ble holdt " + (i + 1) + ".3.2020 kl. 09.00 med Kari Nordby. "
                    + "Ola Bergheim fra Tromsø kommune deltok, jf. bvl. § " + i + "-3. Alle var enige!");
        }
        List<String> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(describe(text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String text : texts) {
                    futures.add(pool.submit(() -> describe(text)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % texts.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(String text) {
        return MODELS.sentences(text) + "|" + MODELS.tokens(text) + "|" + MODELS.names(text);
    }

    /**
     * Sentences and tokens (all an ingest asks of these models) do not read the name model: it is read when names are
     * first asked for, and they are then found as ever.
     */
    @Test
    void theNameModelIsReadWhenNamesAreFirstAskedFor() {
        NorwegianModels fresh = NorwegianModels.fromClasspath();
        String text = "Saken ble fulgt opp av Kari Nordmann i barneverntjenesten. Hun ringte fastlegen.";
        assertEquals(MODELS.sentences(text), fresh.sentences(text));
        assertEquals(MODELS.tokensOfSentence(text), fresh.tokensOfSentence(text));
        assertFalse(fresh.nameModelRead());
        assertEquals(MODELS.names(text), fresh.names(text));
        assertTrue(fresh.nameModelRead());
        assertTrue(fresh.names(text).stream().anyMatch(n -> "PER".equals(n.type())), fresh.names(text).toString());
    }
}
