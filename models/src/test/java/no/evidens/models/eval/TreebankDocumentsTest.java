package no.evidens.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cutting the treebank's dev CoNLL-U into its files, on a tiny file of our own. */
class TreebankDocumentsTest {
    @TempDir
    static Path gold;

    /** A document list of our own in a gold folder of its own (the real one is the repository's gold/). */
    @BeforeAll
    static void goldFolder() throws IOException {
        Files.writeString(gold.resolve(TreebankDocuments.RESOURCE), """
                # file, split, sentences, check of the first sentence
                aa001_0000\tdev\t5\t00000000
                aa001_0001\ttest\t5\t00000000
                aa002_0000\tdev\t5\t00000000
                aa002_0001\ttest\t5\t00000000
                """);
        BuildGold.use(gold);
    }

    @AfterAll
    static void noGoldFolder() {
        BuildGold.restore();
    }
    private static final String CONLLU = """
            # newpar
            # text = Kari kom hjem.
            1\tKari\tKari\tPROPN\t_\t_\t2\tnsubj\t_\tname=B-PER
            2\tkom\tkomme\tVERB\t_\t_\t0\troot\t_\tname=O
            3\thjem\thjem\tADV\t_\t_\t2\tadvmod\t_\tSpaceAfter=No|name=O
            4\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O

            # text = Hun var glad.
            1\tHun\thun\tPRON\t_\t_\t3\tnsubj\t_\tname=O
            2\tvar\tvære\tAUX\t_\t_\t3\tcop\t_\tname=O
            3\tglad\tglad\tADJ\t_\t_\t0\troot\t_\tSpaceAfter=No|name=O
            4\t.\t$.\tPUNCT\t_\t_\t3\tpunct\t_\tname=O

            # newpar
            # text = Slutt.
            1\tSlutt\tslutt\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No|name=O
            2\t.\t$.\tPUNCT\t_\t_\t1\tpunct\t_\tname=O
            """;

    @Test
    void sentencesAreJoinedBySpacesAndParagraphsByABlankLine() throws IOException {
        ConlluReader.Document doc = ConlluReader.read(new StringReader(CONLLU)).get(0);
        assertEquals("Kari kom hjem. Hun var glad.\n\nSlutt.", TreebankDocuments.paragraphText(doc));
    }

    @Test
    void anotherFileIsRefusedWithAMessageNamingTheRightOne() throws IOException {
        List<ConlluReader.Document> other = ConlluReader.read(new StringReader(CONLLU));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreebankDocuments.cut(other));
        assertTrue(e.getMessage().contains("norne-nob-ud-dev.conllu"), e.getMessage());
    }

    @Test
    void theFilesAlternateBetweenDevAndTest() {
        Map<String, String> splits = TreebankDocuments.splits();
        assertEquals(4, splits.size());
        assertEquals(2, splits.values().stream().filter("dev"::equals).count());
        assertEquals("dev", splits.get("aa002_0000"));
        assertEquals("test", splits.get("aa002_0001"));
    }

    @Test
    void theCheckIsTheStartOfTheSha1() {
        assertEquals("aaf4c61d", TreebankDocuments.check("hello"));
    }
}
