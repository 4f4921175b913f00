package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDevRelevanceTest {
    @Test
    void theRepositorysSetHasFortyOrMoreQueriesOfEveryKindAndKeepsItsEighteenTestQueries() {
        Path file = Path.of(System.getProperty("evidens.gold", "gold")).resolve(EvalDevRelevance.FILE);
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(file);
        assertTrue(queries.size() >= 40, "at least 40 queries: " + queries.size());
        for (String kind : EvalDevRelevance.KINDS) {
            assertTrue(queries.stream().filter(q -> q.kind().equals(kind)).count() >= 10, "10 or more of kind " + kind);
        }
        assertEquals(18, queries.stream().filter(q -> q.split().equals("test")).count(), "the test split stays at 18");
        assertTrue(queries.stream().allMatch(q -> !q.need().isBlank()), "every query says its need");
    }

    @Test
    void aJudgementFileIsReadFromTheGoldFolder(@TempDir Path gold) throws Exception {
        Path file = gold.resolve(EvalDevRelevance.FILE);
        Files.writeString(file, "query r01 | keyword | nb | dev | ettervern\nneed: aftercare\n3 | 012 | 1040 | 5c0e7a19\n");
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(file);
        assertEquals(1, queries.size());
        assertEquals("aftercare", queries.get(0).need());
        assertEquals(List.of(new EvalDevRelevance.Judgement(3, "012", 1040, "5c0e7a19")), queries.get(0).judgements());
    }

    @Test
    void theSplitFollowsTheQueryNumberAndAWrongOneIsRefused() {
        assertEquals("dev", EvalDevRelevance.splitOf("r06"));
        assertEquals("test", EvalDevRelevance.splitOf("r10"));
        assertEquals("dev", EvalDevRelevance.splitOf("r104"), "queries above r100 only enlarge dev");
        assertEquals("dev", EvalDevRelevance.splitOf("r205"), "the eighth round's r201-r220 enlarge dev too");
        assertEquals("dev", EvalDevRelevance.splitOf("r220"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalDevRelevance.parse("t", "query r04 | keyword | nb | dev | ettervern\n"));
        assertTrue(e.getMessage().contains("belongs to split test"), e.getMessage());
    }

    @Test
    void aJudgementNamesFileOffsetAndCheckWithAGradeFromZeroToThree() {
        List<EvalDevRelevance.Query> q = EvalDevRelevance.parse("t", """
                query r01 | natural | nn | dev | korleis samarbeider dei
                need: cooperation
                3 | 012 | 1040 | 5c0e7a19
                0 | 033 | 215 | 9d42b6f0
                """);
        assertEquals(List.of(new EvalDevRelevance.Judgement(3, "012", 1040, "5c0e7a19"),
                new EvalDevRelevance.Judgement(0, "033", 215, "9d42b6f0")), q.get(0).judgements());
        assertThrows(IllegalArgumentException.class, () -> EvalDevRelevance.parse("t", "query r01 | keyword | nb | dev | x\n4 | 072 | 1 | x\n"));
    }
}
