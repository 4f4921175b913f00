package no.evidens.models.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.tag.IndicatorMention;
import no.evidens.models.tag.IndicatorTagger;

class ParagraphIndicatorsTest {
    private static final Codebook BOOK = Codebook.defaults();
    private static final IndicatorTagger TAGGER = new IndicatorTagger(BOOK, NorwegianModels.shared());

    private static Set<String> categories(String paragraph) {
        return IndicatorCategories.of(BOOK, TAGGER.tag(paragraph));
    }

    @Test
    void everyIndicatorOfTheDefaultCodebookCountsForOneOfTheSeventeenCategories() {
        BOOK.indicators().forEach(d -> assertTrue(IndicatorCategories.ALL.contains(d.category()), d.id()));
        IndicatorCategories.ALL.forEach(c -> assertNotNull(IndicatorCategories.indicatorOf(BOOK, c), c));
    }

    @Test
    void theCodebookFindsWhatSupervisorsFileUnderACategoryInOrdinaryWords() {
        assertTrue(categories("Barneverntjenesten og skolen samarbeider godt om elever med fravær.").contains("SAMARBEIDSARENA"));
        assertTrue(categories("Helsestasjonen og skolehelsetjenesten har faste kontordager.").contains("FASTLEGE"));
        assertTrue(categories("NAV-kontoret kartlegger ikke barnas behov når familien søker økonomisk stønad.")
                .contains("BARN_SOM_PAARORENDE"));
        assertTrue(categories("Kommunen har ikke satt i gang forbedringsarbeid etter avviksrapporteringen.").contains("EVALUERING"));
    }

    @Test
    void boilerplateIsNotAnIndicator() {
        Set<String> found = categories("Våre undersøkelser omfattet de reviderte områdene. Vi takker for godt samarbeid "
                + "gjennom tilsynet. Moren har et langvarig rusmisbruk. Naboen sendte en bekymringsmelding til Statsforvalteren.");
        assertFalse(found.contains("UTREDNING_OPPFOLGING"), found.toString());
        assertFalse(found.contains("EVALUERING"), found.toString());
        assertFalse(found.contains("SAMARBEIDSARENA"), found.toString());
        assertFalse(found.contains("RISIKOATFERD"), found.toString());
        assertFalse(found.contains("MELDINGER"), found.toString());
    }

    @Test
    void theClassifierBringsACategoryTheCodebookMissedAndSaysWhy(@TempDir Path dir) throws Exception {
        List<LabelledParagraph> train = new ArrayList<>();
        List<Set<String>> none = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            train.add(new LabelledParagraph("y" + i, "Lederne drøfter barn med behov for hjelp fra flere tjenester " + i,
                    Set.of("SAMARBEIDSARENA")));
            train.add(new LabelledParagraph("n" + i, "Tilsynet ble avsluttet med rapporten i år " + i, Set.of()));
            none.add(Set.of());
            none.add(Set.of());
        }
        IndicatorClassifier trained = IndicatorClassifier.train(train, none);
        Path file = dir.resolve("m.bin");
        trained.write(file);
        IndicatorClassifier read = IndicatorClassifier.read(new ByteArrayInputStream(Files.readAllBytes(file)));
        List<ParagraphIndicators.Verdict> v = new ParagraphIndicators(BOOK, read)
                .categorise("Lederne drøfter barn med behov for hjelp.", List.of());
        assertEquals(1, v.size(), v.toString());
        assertEquals("SAMARBEIDSARENA", v.get(0).category());
        assertEquals(IndicatorMention.MODEL, v.get(0).source());
        assertTrue(v.get(0).confidence() >= ParagraphIndicators.THRESHOLD);
        assertFalse(v.get(0).why().isEmpty());
    }

    /** Three paragraphs of a report (collaboration, confidentiality, a GP not contacted), read by the two tests below. */
    private static final List<String> THREE = List.of(
            "Barneverntjenesten og skolen samarbeider godt om elever med høyt fravær, og rutinene for melding er kjent.",
            "Kommunen har ikke sikret at ansatte kjenner taushetsplikten og opplysningsplikten til barnevernet.",
            "Fastlegen ble ikke kontaktet, og det ble ikke laget individuell plan for ungdommen etter utskrivning.");

    /** Explaining only the guesses a caller keeps changes nothing else: the same guesses, probabilities and reasons. */
    @Test
    void aGuessLeftUnexplainedKeepsItsProbabilityAndTheOthersTheirReasons() {
        IndicatorClassifier bundled = IndicatorClassifier.bundled();
        assertNotNull(bundled);
        int explained = 0;
        int left = 0;
        for (String paragraph : THREE) {
            for (Set<String> found : List.of(Set.<String>of(), categories(paragraph))) {
                String[] features = ParagraphFeatures.of(paragraph, found);
                // Threshold 0: every category is a guess; every other one explained, unless the codebook found it.
                IndicatorClassifier.Assessment all = bundled.assess(features, 0.0);
                IndicatorClassifier.Assessment some = bundled.assess(features, 0.0, c -> !found.contains(c) && even(c));
                assertEquals(all.probabilities(), some.probabilities());
                assertEquals(all.guesses().size(), some.guesses().size());
                for (int i = 0; i < all.guesses().size(); i++) {
                    IndicatorClassifier.Guess a = all.guesses().get(i);
                    IndicatorClassifier.Guess b = some.guesses().get(i);
                    assertEquals(a.category(), b.category());
                    assertEquals(a.probability(), b.probability(), 0.0);
                    if (!found.contains(a.category()) && even(a.category())) {
                        assertEquals(a.features(), b.features(), a.category());
                        explained++;
                    } else {
                        assertTrue(b.features().isEmpty(), b.category());
                        left++;
                    }
                }
            }
        }
        assertTrue(explained > 0 && left > 0, explained + " explained, " + left + " left");
    }

    /**
     * The probabilities under the threshold left unworked (the ingest's default, no veto) give the very guesses of the
     * whole assessment, at any threshold: each guess's category, probability to the last bit and reasons, and every
     * probability worked out equals the whole one; a category left out was under the threshold.
     */
    @Test
    void probabilitiesLeftUnworkedUnderTheThresholdChangeNoGuess() {
        IndicatorClassifier bundled = IndicatorClassifier.bundled();
        assertNotNull(bundled);
        int skipped = 0;
        int guesses = 0;
        for (String paragraph : Stream.concat(THREE.stream(), Stream.of(
                "Ledelsen følger ikke opp avvik, og det er ikke rutiner for evaluering av tiltakene i tiltaksplanen.",
                "Møtet ble holdt i kantina.", "Tabell 3", "")).toList()) {
            for (Set<String> found : List.of(Set.<String>of(), categories(paragraph))) {
                SharedPredicates.Numbered numbered = bundled.number(paragraph, found);
                for (double threshold : new double[] {0.0, 0.005, 0.05, 0.2, ParagraphIndicators.THRESHOLD, 0.5, 0.9, 0.99, 1.0}) {
                    IndicatorClassifier.Assessment whole = bundled.assess(numbered, threshold, c -> true, false);
                    IndicatorClassifier.Assessment some = bundled.assess(numbered, threshold, c -> true, true);
                    assertEquals(whole.guesses(), some.guesses(), paragraph + " at " + threshold);
                    guesses += some.guesses().size();
                    for (var e : whole.probabilities().entrySet()) {
                        Double p = some.probabilities().get(e.getKey());
                        if (p == null) {
                            assertTrue(e.getValue() < threshold, e.getKey() + " " + e.getValue() + " at " + threshold);
                            skipped++;
                        } else {
                            assertEquals(Double.doubleToLongBits(e.getValue()), Double.doubleToLongBits(p), e.getKey());
                        }
                    }
                }
            }
        }
        assertTrue(skipped > 0 && guesses > 0, skipped + " left unworked, " + guesses + " guesses");
    }

    private static boolean even(String category) {
        return IndicatorCategories.ALL.indexOf(category) % 2 == 0;
    }

    @Test
    void theBundledClassifierLoadsAndParagraphsSplitAtBlankLines() {
        assertNotNull(IndicatorClassifier.bundled());
        String text = "  Første avsnitt.\n \u00A0\nAndre\navsnitt.\n\n\n";
        List<int[]> p = ParagraphIndicators.paragraphs(text);
        assertEquals(2, p.size());
        assertEquals("Første avsnitt.", text.substring(p.get(0)[0], p.get(0)[1]));
        assertEquals("Andre\navsnitt.", text.substring(p.get(1)[0], p.get(1)[1]));
    }
}
