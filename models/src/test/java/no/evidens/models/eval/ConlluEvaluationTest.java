package no.evidens.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import no.evidens.models.NorwegianModels;
import org.junit.jupiter.api.Test;

/** The CoNLL-U reader and the evaluator on a tiny handmade, fictional fixture. */
class ConlluEvaluationTest {
    private static String row(int id, String form, String misc) {
        return id + "\t" + form + "\t_\tX\t_\t_\t0\tdep\t_\t" + misc + "\n";
    }

    static final String FIXTURE = "# newdoc id = a\n# newpar\n# sent_id = 1\n"
            + "# text = Kari Nordby bor i Tromsø.\n"
            + row(1, "Kari", "name=B-PER") + row(2, "Nordby", "name=I-PER") + row(3, "bor", "name=O")
            + row(4, "i", "name=O") + row(5, "Tromsø", "SpaceAfter=No|name=B-GPE_LOC") + row(6, ".", "name=O")
            + "\n# sent_id = 2\n# text = «Hei!»\n"
            + row(1, "«", "SpaceAfter=No|name=O") + row(2, "Hei", "SpaceAfter=No|name=O")
            + row(3, "!", "SpaceAfter=No|name=O") + row(4, "»", "name=O")
            + "\n# newdoc id = b\n# sent_id = 3\n# text = Ola Bergheim leder Lunde IL.\n"
            + row(1, "Ola", "name=B-PER") + row(2, "Bergheim", "name=I-PER") + row(3, "leder", "name=O")
            + row(4, "Lunde", "name=B-ORG") + row(5, "IL", "SpaceAfter=No|name=I-ORG") + row(6, ".", "name=O")
            + "\n# sent_id = 4\n# text = Han liker Harry Potter.\n"
            + row(1, "Han", "name=O") + row(2, "liker", "name=O") + row(3, "Harry", "name=B-PROD")
            + row(4, "Potter", "SpaceAfter=No|name=I-PROD") + row(5, ".", "name=O") + "\n";

    @Test
    void readsDocumentsParagraphsTokensAndNames() throws IOException {
        List<ConlluReader.Document> docs = ConlluReader.read(new StringReader(FIXTURE));
        assertEquals(2, docs.size());
        ConlluReader.Sentence first = docs.get(0).sentences().get(0);
        assertEquals("Kari Nordby bor i Tromsø.", first.text());
        assertEquals(new ConlluReader.Token("Tromsø", 18, 24, "B-LOC"), first.tokens().get(4));
        assertEquals(new ConlluReader.Token(".", 24, 25, "O"), first.tokens().get(5));
        ConlluReader.Sentence quote = docs.get(0).sentences().get(1);
        assertEquals(List.of(0, 1, 4, 5), quote.tokens().stream().map(ConlluReader.Token::start).toList());
        assertEquals("O", docs.get(1).sentences().get(1).tokens().get(2).name()); // PROD is dropped
        assertEquals(true, docs.get(1).sentences().get(0).newParagraph());
    }

    @Test
    void computesFiguresOnTheFixture() throws IOException {
        ModelEvaluator.Report r = ModelEvaluator.evaluate(
                ConlluReader.read(new StringReader(FIXTURE)), NorwegianModels.shared());
        assertEquals(2, r.documents());
        assertEquals(4, r.sentences());
        // one boundary inside each document (the end of a document is no decision)
        assertEquals(2, r.sentenceBoundaries().gold());
        assertEquals(4, r.sentenceSpans().gold());
        assertEquals(21, r.tokens().gold());
        // gold names: Kari Nordby (PER), Tromsø (LOC), Ola Bergheim (PER), Lunde IL (ORG); Harry Potter is PROD
        assertEquals(4, r.names().get("overall").gold());
        assertEquals(2, r.names().get("PER").gold());
        assertEquals(1, r.names().get("LOC").gold());
        assertEquals(1, r.names().get("ORG").gold());
        Prf overall = r.names().get("overall");
        double p = overall.predicted() == 0 ? 1 : (double) overall.truePositives() / overall.predicted();
        assertEquals(p, overall.precision(), 1e-9);
        assertEquals(overall.truePositives() / 4.0, overall.recall(), 1e-9);
    }
}
