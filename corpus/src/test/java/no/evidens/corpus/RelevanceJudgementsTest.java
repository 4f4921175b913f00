package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RelevanceJudgementsTest {
    private final List<RelevanceJudgements.Query> queries = RelevanceJudgements.load();

    @Test
    void theSetHasThirtyOrMoreQueriesInBothLanguagesAndBothSplits() {
        assertTrue(queries.size() >= 30, "queries: " + queries.size());
        for (String language : RelevanceJudgements.LANGUAGES) {
            assertTrue(queries.stream().filter(q -> q.language().equals(language)).count() >= 10, language);
        }
        for (String split : RelevanceJudgements.SPLITS) {
            assertTrue(queries.stream().filter(q -> q.split().equals(split)).count() >= 15, split);
        }
        for (RelevanceJudgements.Query q : queries) {
            assertTrue(!q.need().isEmpty(), q.id() + " says what the auditor needs");
            assertTrue(q.judgements().stream().anyMatch(j -> j.grade() >= 2), q.id() + " has a clearly relevant passage");
        }
    }

    /** Every excerpt must resolve to exactly one place, inside one paragraph, in its document's text. */
    @Test
    void everyExcerptOccursOnceInOneParagraphOfItsDocument() {
        Map<String, SampleDocument> docs = SampleBundle.documents().stream()
                .collect(Collectors.toMap(SampleDocument::path, Function.identity()));
        for (RelevanceJudgements.Query q : queries) {
            for (RelevanceJudgements.Judgement j : q.judgements()) {
                SampleDocument d = docs.get(j.file());
                assertTrue(d != null, q.id() + ": no such file in the sample bundle: " + j.file());
                String text = d.expectedText();
                int at = text.indexOf(j.excerpt());
                assertTrue(at >= 0, q.id() + ": not in " + j.file() + ": " + j.excerpt());
                assertEquals(-1, text.indexOf(j.excerpt(), at + 1), q.id() + ": occurs twice in " + j.file() + ": " + j.excerpt());
                assertTrue(!j.excerpt().contains("\n"), q.id() + ": crosses a paragraph: " + j.excerpt());
            }
        }
    }

    @Test
    void malformedJudgementsAreReportedWithTheirLine() {
        String ok = "query q1 | nb | dev | samtykke\nneed: consent\n3 | a.txt | informert samtykke\n";
        List<RelevanceJudgements.Query> parsed = RelevanceJudgements.parse("t", "# c\n" + ok);
        assertEquals(1, parsed.size());
        assertEquals(new RelevanceJudgements.Judgement(3, "a.txt", "informert samtykke"), parsed.get(0).judgements().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelevanceJudgements.parse("t", ok.replace("3 |", "4 |")));
        assertTrue(e.getMessage().startsWith("t line 3: grade"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RelevanceJudgements.parse("t", ok.replace("nb", "sv")));
        assertThrows(IllegalArgumentException.class, () -> RelevanceJudgements.parse("t", ok + ok));
        assertThrows(IllegalArgumentException.class, () -> RelevanceJudgements.parse("t", "query q2 | nb | dev | x\n"));
        assertThrows(IllegalArgumentException.class, () -> RelevanceJudgements.parse("t", "3 | a.txt | x\n"));
    }
}
