package no.evidens.index;

import java.util.function.Supplier;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Whether rewriting a query reads nothing of the index, so that it rewrites the same on any reader: every part
 * it shows a visitor is a query of given terms (words, phrases, synonyms, and the Boolean, boost and constant-score
 * queries around them). A part that matches terms by a pattern (prefix*, fuzzy~, ranges) may rewrite to the
 * terms it finds in the index, and any other leaf but one matching every entry is not known; either answers false. Parts that show a visitor
 * nothing ({@link ScoreOnly}) are never highlighted, so how they rewrite does not matter to the highlighter.
 */
final class RewriteReadsNoIndex extends QueryVisitor {
    private boolean readsNone = true;

    private RewriteReadsNoIndex() {
    }

    static boolean test(Query q) {
        RewriteReadsNoIndex visitor = new RewriteReadsNoIndex();
        q.visit(visitor);
        return visitor.readsNone;
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
        // given terms: nothing to find in the index
    }

    @Override
    public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
        readsNone = false;
    }

    @Override
    public void visitLeaf(Query query) {
        // Matching every entry rewrites to itself ({@link TextMatchingParts} adds it); any other leaf is not known.
        if (!(query instanceof MatchAllDocsQuery)) {
            readsNone = false;
        }
    }

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        // Prohibited parts are rewritten too (Lucene's default visitor skips them).
        return this;
    }
}
