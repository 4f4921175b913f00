package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvalDevRelevanceTest {
    @Test
    void theShippedSetHasFortyOrMoreQueriesOfEveryKindSplitSixtyForty() {
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load();
        assertTrue(queries.size() >= 40, "at least 40 queries");
        for (String kind : EvalDevRelevance.KINDS) {
            assertTrue(queries.stream().filter(q -> q.kind().equals(kind)).count() >= 10, "10 or more of kind " + kind);
        }
        long dev = queries.stream().filter(q -> q.split().equals("dev")).count();
        assertEquals(18, queries.size() - dev, "the test split stays at its 18 queries");
        assertTrue((double) dev / queries.size() >= 0.6, "60% dev or more");
        assertTrue(queries.stream().allMatch(q -> !q.need().isEmpty()), "every query says its need");
    }

    @Test
    void theSplitFollowsTheQueryNumberAndAWrongOneIsRefused() {
        assertEquals("dev", EvalDevRelevance.splitOf("r06"));
        assertEquals("test", EvalDevRelevance.splitOf("r10"));
        assertEquals("dev", EvalDevRelevance.splitOf("r104"), "queries above r100 only enlarge dev");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalDevRelevance.parse("t", "query r04 | keyword | nb | dev | ettervern\n"));
        assertTrue(e.getMessage().contains("belongs to split test"), e.getMessage());
    }

    @Test
    void aJudgementNamesFileOffsetAndCheckWithAGradeFromZeroToThree() {
        List<EvalDevRelevance.Query> q = EvalDevRelevance.parse("t", """
                query r01 | natural | nn | dev | korleis samarbeider dei
                need: cooperation
                3 | 072 | 900 | afb5d69a
                0 | 075 | 871 | 406b9470
                """);
        assertEquals(List.of(new EvalDevRelevance.Judgement(3, "072", 900, "afb5d69a"),
                new EvalDevRelevance.Judgement(0, "075", 871, "406b9470")), q.get(0).judgements());
        assertThrows(IllegalArgumentException.class, () -> EvalDevRelevance.parse("t", "query r01 | keyword | nb | dev | x\n4 | 072 | 1 | x\n"));
    }
}
