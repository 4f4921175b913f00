package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * The highlighter rewrites a query once for all segments only when rewriting it reads no index: words, phrases and
 * synonyms do not; a prefix or fuzzy word anywhere in the query (also in a prohibited clause) may.
 */
class RewriteReadsNoIndexTest {
    private static final TermQuery WORD = new TermQuery(new Term(PassageSchema.TEXT, "tilsyn"));

    @Test
    void wordsPhrasesAndSynonymsReadNoIndex() {
        Query phrase = new PhraseQuery(PassageSchema.TEXT, "individuell", "plan");
        Query synonyms = new SynonymQuery.Builder(PassageSchema.TEXT).addTerm(new Term(PassageSchema.TEXT, "barn"))
                .addTerm(new Term(PassageSchema.TEXT, "born")).build();
        assertTrue(RewriteReadsNoIndex.test(new BooleanQuery.Builder().add(WORD, BooleanClause.Occur.MUST)
                .add(new BoostQuery(phrase, 0.4f), BooleanClause.Occur.SHOULD).add(synonyms, BooleanClause.Occur.MUST_NOT).build()));
    }

    @Test
    void aPrefixOrFuzzyWordAnywhereMayReadTheIndex() {
        Query prefix = new PrefixQuery(new Term(PassageSchema.TEXT, "tils"));
        Query fuzzy = new FuzzyQuery(new Term(PassageSchema.TEXT, "tilsin"));
        assertFalse(RewriteReadsNoIndex.test(prefix));
        assertFalse(RewriteReadsNoIndex.test(new BooleanQuery.Builder().add(WORD, BooleanClause.Occur.MUST)
                .add(fuzzy, BooleanClause.Occur.SHOULD).build()));
        assertFalse(RewriteReadsNoIndex.test(new BooleanQuery.Builder().add(WORD, BooleanClause.Occur.MUST)
                .add(prefix, BooleanClause.Occur.MUST_NOT).build()));
    }
}
