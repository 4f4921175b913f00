package no.evidens.index;

import java.util.List;

/**
 * One passage that matched, with where it stands and why it matched: the quotations it holds, the
 * indicators it mentions and the laws it cites. The index hands out no markup: front ends mark the
 * snippet from the offsets.
 *
 * @param matches   the words the query matched, as ranges of {@code text} (relative to the passage, not
 *                  the document), in order, overlaps merged, each inside one of the fragments
 * @param fragments the snippet: the best parts of {@code text} (sentences), in order; empty when the hit
 *                  was not highlighted (a passage looked up by id), and then the snippet is the whole text
 * @param indicatorReasons why the passage carries its indicators (empty when none was recorded: an index
 *                  written before reasons were stored)
 */
public record SearchHit(String passageId, String caseId, String docId, String file, String type, String title,
                        String heading, int page, int start, int end, String text, float score,
                        List<String> quotes, List<String> indicators, List<String> laws,
                        List<TextRange> matches, List<TextRange> fragments, List<IndicatorReason> indicatorReasons) {
    public SearchHit {
        matches = List.copyOf(matches);
        fragments = List.copyOf(fragments);
        indicatorReasons = List.copyOf(indicatorReasons);
    }

    /** A hit without reasons for its indicators. */
    public SearchHit(String passageId, String caseId, String docId, String file, String type, String title,
                     String heading, int page, int start, int end, String text, float score,
                     List<String> quotes, List<String> indicators, List<String> laws,
                     List<TextRange> matches, List<TextRange> fragments) {
        this(passageId, caseId, docId, file, type, title, heading, page, start, end, text, score, quotes, indicators,
                laws, matches, fragments, List.of());
    }

    /** Whether the snippet is made of highlighted fragments rather than the whole text. */
    public boolean highlighted() {
        return !fragments.isEmpty();
    }
}
