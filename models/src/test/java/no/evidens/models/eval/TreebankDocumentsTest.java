package no.evidens.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Cutting the treebank's dev CoNLL-U into its files, on a tiny file of our own. */
class TreebankDocumentsTest {
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
        assertEquals(26, splits.size());
        assertEquals(13, splits.values().stream().filter("dev"::equals).count());
        assertEquals("dev", splits.get("ap012_0003"));
        assertEquals("test", splits.get("ap013_0000"));
    }

    @Test
    void theCheckIsTheStartOfTheSha1() {
        assertEquals("aaf4c61d", TreebankDocuments.check("hello"));
    }
}
