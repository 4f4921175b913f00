package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.evidens.models.eval.ConlluReader;
import no.evidens.models.eval.TreebankDocuments;

/** The dev errors of the treebank quotation eval, told apart by kind, and the splits it prints. */
class TreebankQuoteEvalTest {
    private static TreeSet<String> spans(int... bounds) {
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(TreebankQuoteEval.key(bounds[i], bounds[i + 1]));
        }
        return out;
    }

    @Test
    void aSpanWithTheGoldStartAndAnotherEndIsOneBoundaryErrorNotAMissAndAFalseAlarm() {
        int[] kinds = new int[TreebankQuoteEval.ErrorKind.values().length];
        // gold 10-20 found as 10-25 (ran on), gold 30-40 found as 30-35 (stopped early), gold 50-60 missed, 70-80 extra
        TreebankQuoteEval.count(spans(10, 20, 30, 40, 50, 60), spans(10, 25, 30, 35, 70, 80), kinds);
        TreebankQuoteEval.count(spans(5, 9), spans(), kinds);
        int[] want = new int[kinds.length];
        for (TreebankQuoteEval.ErrorKind k : List.of(TreebankQuoteEval.ErrorKind.values())) {
            want[k.ordinal()] = k == TreebankQuoteEval.ErrorKind.MISSED ? 2 : 1;
        }
        assertArrayEquals(want, kinds);
    }

    @Test
    void aBoundaryErrorIsMeasuredByTheTextBetweenTheGoldEndAndTheFoundEnd() {
        String text = "- Vi kom tidlig. Det var kaldt, sier hun. Hun bor i Bodø. Byen er stor.";
        int speech = text.indexOf(", sier");
        int firstSentence = text.indexOf(" Det");
        // the found end one character past the gold end: punctuation only
        assertEquals(TreebankQuoteEval.Gap.PUNCTUATION, TreebankQuoteEval.gap(text, firstSentence - 1, firstSentence));
        // the cue taken into the quotation, with or without the sentence's full stop: words of one sentence
        assertEquals(TreebankQuoteEval.Gap.WORDS, TreebankQuoteEval.gap(text, speech, text.indexOf(" Hun") - 1));
        assertEquals(TreebankQuoteEval.Gap.WORDS, TreebankQuoteEval.gap(text, speech, text.indexOf(" Hun")));
        // one narration sentence too many, or two
        assertEquals(TreebankQuoteEval.Gap.ONE_SENTENCE, TreebankQuoteEval.gap(text, text.indexOf(" Hun"), text.indexOf(" Byen")));
        assertEquals(TreebankQuoteEval.Gap.SENTENCES, TreebankQuoteEval.gap(text, text.indexOf(" Hun"), text.length()));
        // the same whichever way round: a turn stopped before the gold end
        assertEquals(TreebankQuoteEval.Gap.ONE_SENTENCE, TreebankQuoteEval.gap(text, text.indexOf(" Byen"), text.indexOf(" Hun")));
    }

    @Test
    void onlyBoundaryErrorsAreMeasuredNotWholeMissesOrFalseAlarms() {
        String text = "- Jeg kom. Han gikk. Hun ble. Så var det over.";
        int[] gaps = new int[TreebankQuoteEval.Gap.values().length];
        // gold 2-10 found as 2-20 (ran on by one sentence); gold 30-40 missed whole; 42-45 found with no gold
        TreebankQuoteEval.gaps(text, spans(2, 10, 30, 40), spans(2, 20, 42, 45), gaps);
        int[] want = new int[gaps.length];
        want[TreebankQuoteEval.Gap.ONE_SENTENCE.ordinal()] = 1;
        assertArrayEquals(want, gaps);
    }

    @Test
    void theErrorCensusTellsEachErrorByTheMarkThatOpensItsQuotation() {
        String text = "- Vi rakk ferja. Det regnet. Hun sa «det går bra» og gikk.\n"
                + "\"Kom inn\", ropte han. »Ja« svarte hun. - Ferdig.\n\n«Første ledd.\n\nAndre ledd.»";
        int turn = 2;
        int guillemet = text.indexOf("det går");
        int straight = text.indexOf("Kom inn");
        int reversed = text.indexOf("Ja«");
        int last = text.indexOf("Ferdig");
        int paragraphs = text.indexOf("Første");
        int[][] byOpening = new int[TreebankQuoteEval.Opening.values().length][TreebankQuoteEval.ErrorKind.values().length];
        int[] overParagraphs = new int[TreebankQuoteEval.ErrorKind.values().length];
        // the turn ran on by a sentence; «det går bra» stopped early; "Kom inn" and the two-paragraph quotation missed;
        // »Ja« found where the gold has none; the last turn right (in neither set)
        TreebankQuoteEval.openings(text,
                spans(turn, text.indexOf(" Det"), guillemet, guillemet + 11, straight, straight + 7, paragraphs, text.length() - 1),
                spans(turn, text.indexOf(" Hun"), guillemet, guillemet + 7, reversed, reversed + 2), byOpening, overParagraphs);
        assertEquals(TreebankQuoteEval.Opening.DASH, TreebankQuoteEval.Opening.of(text, last));
        assertEquals("dash turn 1 (1/0/0/0), «» 2 (0/1/1/0), »« 1 (0/0/0/1), \"\" 1 (0/0/1/0), "
                + "over several paragraphs 1 (0/0/1/0)", TreebankQuoteEval.census(byOpening, overParagraphs));
    }

    @Test
    void quotationMarksOfEveryFormAreToldApart() {
        String text = "a ”x” b “y” c ‘z’ d 'w' e –v f x";
        assertEquals(TreebankQuoteEval.Opening.RIGHT_QUOTES, TreebankQuoteEval.Opening.of(text, text.indexOf('x')));
        assertEquals(TreebankQuoteEval.Opening.CURLY, TreebankQuoteEval.Opening.of(text, text.indexOf('y')));
        assertEquals(TreebankQuoteEval.Opening.SINGLE, TreebankQuoteEval.Opening.of(text, text.indexOf('z')));
        assertEquals(TreebankQuoteEval.Opening.SINGLE, TreebankQuoteEval.Opening.of(text, text.indexOf('w')));
        assertEquals(TreebankQuoteEval.Opening.DASH, TreebankQuoteEval.Opening.of(text, text.indexOf('v')));
        assertEquals(TreebankQuoteEval.Opening.OTHER, TreebankQuoteEval.Opening.of(text, text.lastIndexOf('x')));
        assertEquals(TreebankQuoteEval.Opening.OTHER, TreebankQuoteEval.Opening.of(text, 0));
    }

    @Test
    void allPrintsTheSecondDevSplitOnlyWhenATrainingFileIsInIt() {
        ConlluReader.Document text = new ConlluReader.Document(List.of());
        List<TreebankDocuments.Doc> dev = List.of(new TreebankDocuments.Doc("zz001_0000", "dev", text));
        List<TreebankDocuments.Doc> both = List.of(dev.get(0), new TreebankDocuments.Doc("zz002_0000", "dev2", text));
        assertEquals(List.of("dev", "test", "all"), TreebankQuoteEval.splits("all", dev));
        assertEquals(List.of("dev", "dev2", "test", "all"), TreebankQuoteEval.splits("all", both));
        assertEquals(List.of("dev2"), TreebankQuoteEval.splits("dev2", both));
    }

    @Test
    void allPrintsTheThirdDevSplitAfterTheSecondWhenATrainingFileIsInIt() {
        ConlluReader.Document text = new ConlluReader.Document(List.of());
        TreebankDocuments.Doc dev = new TreebankDocuments.Doc("zz001_0000", "dev", text);
        TreebankDocuments.Doc dev3 = new TreebankDocuments.Doc("zz003_0000", "dev3", text);
        assertEquals(List.of("dev", "dev3", "test", "all"), TreebankQuoteEval.splits("all", List.of(dev, dev3)));
        assertEquals(List.of("dev", "dev2", "dev3", "test", "all"), TreebankQuoteEval.splits("all",
                List.of(dev, new TreebankDocuments.Doc("zz002_0000", "dev2", text), dev3)));
    }

    @Test
    void allPrintsTheFourthAndFifthDevSplitsAfterTheThird() {
        ConlluReader.Document text = new ConlluReader.Document(List.of());
        TreebankDocuments.Doc dev = new TreebankDocuments.Doc("zz001_0000", "dev", text);
        TreebankDocuments.Doc dev3 = new TreebankDocuments.Doc("zz003_0000", "dev3", text);
        TreebankDocuments.Doc dev4 = new TreebankDocuments.Doc("zz004_0000", "dev4", text);
        TreebankDocuments.Doc dev5 = new TreebankDocuments.Doc("zz005_0000", "dev5", text);
        assertEquals(List.of("dev", "dev3", "dev4", "dev5", "test", "all"),
                TreebankQuoteEval.splits("all", List.of(dev, dev5, dev4, dev3)));
        assertEquals(List.of("dev5"), TreebankQuoteEval.splits("dev5", List.of(dev, dev5)));
    }

    /** A document of split {@code devN} (plain {@code dev} for 1), with no sentences. */
    private static TreebankDocuments.Doc devDoc(int n) {
        return new TreebankDocuments.Doc(String.format("zz%03d_0000", n), n == 1 ? "dev" : "dev" + n,
                new ConlluReader.Document(List.of()));
    }

    @ParameterizedTest(name = "dev{0} after dev{1}")
    @CsvSource({"6, 5", "7, 6", "8, 7", "9, 8"})
    void allPrintsEachLaterDevSplitAfterTheOneBefore(int n, int before) {
        assertEquals(List.of("dev", "dev" + before, "dev" + n, "test", "all"),
                TreebankQuoteEval.splits("all", List.of(devDoc(n), devDoc(1), devDoc(before))));
        assertEquals(List.of("dev" + n), TreebankQuoteEval.splits("dev" + n, List.of(devDoc(1), devDoc(n))));
    }

    @Test
    void allPrintsTheTenthDevSplitAfterTheNinthNotAfterDev() {
        // in the splits' order, not their names' (a name sort would put dev10 before dev2)
        assertEquals(List.of("dev", "dev2", "dev9", "dev10", "test", "all"),
                TreebankQuoteEval.splits("all", List.of(devDoc(10), devDoc(1), devDoc(9), devDoc(2))));
        assertEquals(List.of("dev10"), TreebankQuoteEval.splits("dev10", List.of(devDoc(1), devDoc(10))));
    }
}
