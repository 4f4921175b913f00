package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.evidens.corpus.tags.GoldDocument;
import no.evidens.corpus.tags.TagsGold;
import no.evidens.models.codebook.Codebook;

class TagEvaluationNewsTest {
    @Test
    void theNewsSplitIsReadAndScoredOnQuotationsAlone() {
        List<GoldDocument> news = TagsGold.news();
        TagEvaluation e = TagEvaluation.quotations(news, null, Codebook.defaults());
        // the texts name people and laws the gold does not mark: only quotations are scored
        assertEquals(Set.of(TagEvaluation.QUOTATIONS), e.rowNames());
        long[] c = e.counts(TagEvaluation.QUOTATIONS);
        assertEquals(344, c[0], "gold quotations");
        // round 22 got every quotation right (the speaker's own «sier jeg» no longer read as a cue): any error is a regression
        assertTrue(c[2] >= 344 && c[1] <= 344, "found " + c[1] + ", right " + c[2]);
    }

    @Test
    void theNewsSplitRebuiltFromItsTokensIsScoredOnTheSameQuotations() {
        List<GoldDocument> rebuilt = TokenRebuiltNews.documents();
        TagEvaluation e = TagEvaluation.quotations(rebuilt, null, Codebook.defaults());
        long[] c = e.counts(TagEvaluation.QUOTATIONS);
        assertEquals(344, c[0], "gold quotations");
        // round 22's figure: without the writer's paragraphs turns run on into narration; fewer right or more found is a regression
        assertTrue(c[2] >= RIGHT_TOKENS && c[1] <= FOUND_TOKENS, "found " + c[1] + ", right " + c[2]);
    }

    private static final long RIGHT_TOKENS = 324;
    private static final long FOUND_TOKENS = 345;
}
