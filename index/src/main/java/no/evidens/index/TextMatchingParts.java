package no.evidens.index;

import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * A query as the highlighter needs it for the query's own hits, whose snippets show matches in the passage text and
 * its compound parts only: without the optional parts that can match in another field alone (a word's clause on the
 * heading, {@code overskrift:}), and without the excluded parts (a hit matches none of them). Lucene's
 * {@code BooleanWeight.matches} finds the matches of every clause for every hit, the heading's too (a third of a
 * word's clauses, and a phrase's positions read again), though the text's snippet shows none of them.
 * <p>
 * The matches in the text and its parts stay Lucene's own for every hit of the query, in the same order: a part
 * that every hit matches ({@code q} itself, and its required parts, down through required parts) decides nothing,
 * so what it leaves out changes nothing but those fields' matches, which the snippet never shows; where such a part
 * has no required clause, an optional clause that matches every entry ({@link MatchAllDocsQuery}, matches without
 * terms) keeps it matching a hit whose only match in it was in another field, as it did. Parts below an optional
 * clause may or may not match a hit, so they are kept as they are. Only for documents that match the query: other
 * documents could match the trimmed query where they do not match the query.
 */
final class TextMatchingParts {
    /** The fields whose matches a snippet shows: the text, and the compound parts marked in it. */
    private static final Set<String> SHOWN = Set.of(PassageSchema.TEXT, PassageSchema.PARTS);

    private TextMatchingParts() {
    }

    /** {@code q} without the parts a snippet of one of its hits never shows; {@code q} itself when there are none. */
    static Query of(Query q) {
        Query out = matchedByEveryHit(q);
        return out == null ? q : out;
    }

    /**
     * A part that every hit matches, trimmed; null when nothing of it can show a match in the shown fields (then the
     * caller keeps {@code q} whole, or leaves the part out where it decides nothing).
     */
    private static Query matchedByEveryHit(Query q) {
        if (q instanceof BoostQuery b) {
            Query in = matchedByEveryHit(b.getQuery());
            return in == null ? null : in == b.getQuery() ? q : new BoostQuery(in, b.getBoost());
        }
        if (!(q instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() != 0) {
            // A part with a minimum of optional clauses counts them: kept whole, as any other part.
            return q;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        boolean changed = false;
        boolean required = false;
        int kept = 0;
        for (BooleanClause c : b.clauses()) {
            Query in = switch (c.getOccur()) {
                case MUST_NOT -> null;
                case MUST, FILTER -> matchedByEveryHit(c.getQuery());
                case SHOULD -> otherFieldsOnly(c.getQuery()) ? null : c.getQuery();
            };
            if (in == null) {
                changed = true;
                continue;
            }
            changed |= in != c.getQuery();
            required |= c.getOccur() != BooleanClause.Occur.SHOULD;
            out.add(in, c.getOccur());
            kept++;
        }
        if (!changed) {
            return q;
        }
        if (kept == 0) {
            return null;
        }
        if (!required) {
            // Every hit matches this part: it must still match where its only match was in a field left out.
            out.add(new MatchAllDocsQuery(), BooleanClause.Occur.SHOULD);
        }
        return out.build();
    }

    /**
     * Whether {@code q} can match in fields a snippet does not show only: words, synonyms, phrases and patterns (prefix*,
     * fuzzy~) of such a field, and Boolean and boost queries of those. Any other query is taken as possibly matching in the text.
     */
    private static boolean otherFieldsOnly(Query q) {
        if (q instanceof BoostQuery b) {
            return otherFieldsOnly(b.getQuery());
        }
        if (q instanceof BooleanQuery b) {
            for (BooleanClause c : b.clauses()) {
                if (c.getOccur() != BooleanClause.Occur.MUST_NOT && !otherFieldsOnly(c.getQuery())) {
                    return false;
                }
            }
            return !b.clauses().isEmpty();
        }
        String field = null;
        if (q instanceof TermQuery t) {
            field = t.getTerm().field();
        } else if (q instanceof SynonymQuery s) {
            field = s.getField();
        } else if (q instanceof PhraseQuery p) {
            field = p.getField();
        } else if (q instanceof MultiPhraseQuery m) {
            field = fieldOf(m);
        } else if (q instanceof MultiTermQuery m) {
            field = m.getField();
        }
        return field != null && !SHOWN.contains(field);
    }

    private static String fieldOf(MultiPhraseQuery m) {
        Term[][] terms = m.getTermArrays();
        return terms.length == 0 || terms[0].length == 0 ? null : terms[0][0].field();
    }
}
