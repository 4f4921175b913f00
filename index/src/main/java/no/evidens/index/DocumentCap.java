package no.evidens.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The first page of a relevance list holds at most {@value #CAP} passages of one document (half the page): a document that
 * says the same thing in many passages must not push every other document's evidence off the first page. The
 * passages it holds back come right after the first page, in their order; the rest of the list is unchanged. It makes
 * room only for passages about as strong: in a relaxed search (any word enough, ranked in tiers of words held) a held-back
 * passage still goes before a hit that scores a quarter of a word's tier less ({@link #GAP}), since such a hit holds fewer
 * of the query's words, or the same words in a report holding fewer of them ({@link DocumentWords}), and is no evidence
 * pushed off the page. Measured on the real-text dev queries (docs/relevance-rounds.md): a whole tier, nDCG@10 0.868 → 0.878 (no
 * cap: 0.888); a quarter, 0.869 → 0.876 on the 2,287 judgements; the sample set, whose searches seldom relax, unchanged.
 * Every backend applies it to the same ranked list and scores, so the embedded index and SolrCloud page alike.
 */
public final class DocumentCap {
    /** The first page: the hits an auditor sees before paging. */
    public static final int PAGE = 10;
    /** At most this many passages of one document on the first page. */
    public static final int CAP = 5;
    /**
     * A passage the cap holds back goes back on the first page before a hit that scores this much less: a quarter of a
     * relaxed search's word tier ({@link QueryReader#WORD_TIER}), less than a word its report holds adds
     * ({@link DocumentWords#SHARE}) and less than a frame word falls short of a whole tier ({@link FrameWords#SHARE}), so
     * the cap only makes room for other documents' passages about as strong: the same words, in a report holding as many
     * of them. A search with every word required scores far below it.
     */
    static final float GAP = QueryReader.WORD_TIER * 0.25f;
    /** How far past the first page to look for other documents' passages to fill it. */
    static final int LOOKAHEAD = 40;

    private DocumentCap() {
    }

    /** How many hits of the ranked list to fetch so that the capped list's first {@code offset + limit} are known. */
    public static int window(int offset, int limit) {
        return Math.max(offset + limit, PAGE) + LOOKAHEAD;
    }

    /**
     * How many hits of the ranked list to fetch first: the hits asked for (at least a first page), which give the capped
     * list's first {@code offset + limit} whenever the cap fills the first page within them ({@link #settled}: on the
     * first page, whenever no document holds more than {@value #CAP} of it); else the whole {@link #window} is fetched
     * after them. Lucene skips more hits the fewer it keeps: the page pass of a term search costs less with the hits
     * asked for than with the whole window or with a page more.
     */
    static int firstWindow(int offset, int limit) {
        return Math.max(offset + limit, PAGE);
    }

    /**
     * Whether {@code ranked}, the first {@code fetched} hits of a ranked list (fewer when the list has no more), gives
     * the capped list's first {@code fetched} entries as the whole list would: the first page is filled within them
     * (the page and the hits it holds back come from them, the rest follows in rank order), or they are all the hits.
     */
    static <T> boolean settled(List<T> ranked, int fetched, Function<T, String> documentOf) {
        if (ranked.size() < fetched) {
            return true;
        }
        Map<String, Integer> perDocument = new HashMap<>();
        int first = 0;
        for (T hit : ranked) {
            if (perDocument.merge(documentOf.apply(hit), 1, Integer::sum) <= CAP && ++first == PAGE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The list with its first page capped, every hit taken as equally strong (the cap makes room whatever the scores).
     *
     * @param documentOf the document a hit belongs to (its case and document id)
     */
    public static <T> List<T> apply(List<T> ranked, Function<T, String> documentOf) {
        return apply(ranked, documentOf, hit -> 0f);
    }

    /**
     * The list with its first page capped; a held-back passage returns to the page before a hit that scores {@link #GAP}
     * or more below it.
     *
     * @param documentOf the document a hit belongs to (its case and document id)
     * @param scoreOf    the score a hit was ranked by
     */
    public static <T> List<T> apply(List<T> ranked, Function<T, String> documentOf, ToDoubleFunction<T> scoreOf) {
        List<T> first = new ArrayList<>(PAGE);
        ArrayDeque<T> heldBack = new ArrayDeque<>();
        Map<String, Integer> perDocument = new HashMap<>();
        int i = 0;
        for (; i < ranked.size() && first.size() < PAGE; i++) {
            T hit = ranked.get(i);
            double score = scoreOf.applyAsDouble(hit);
            while (!heldBack.isEmpty() && first.size() < PAGE && scoreOf.applyAsDouble(heldBack.peekFirst()) - score >= GAP) {
                first.add(heldBack.pollFirst());
            }
            if (first.size() == PAGE) {
                break;
            }
            int n = perDocument.merge(documentOf.apply(hit), 1, Integer::sum);
            if (n <= CAP) {
                first.add(hit);
            } else {
                heldBack.addLast(hit);
            }
        }
        List<T> out = new ArrayList<>(ranked.size());
        out.addAll(first);
        out.addAll(heldBack);
        out.addAll(ranked.subList(i, ranked.size()));
        return out;
    }
}
