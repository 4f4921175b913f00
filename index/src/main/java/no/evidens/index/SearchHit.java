package no.evidens.index;

import java.util.List;

/**
 * One passage that matched, with where it stands and why it matched: the quotations it holds, the
 * indicators it mentions and the laws it cites.
 */
public record SearchHit(String passageId, String caseId, String docId, String file, String type, String title,
                        String heading, int page, int start, int end, String text, String snippet, float score,
                        List<String> quotes, List<String> indicators, List<String> laws) {
}
