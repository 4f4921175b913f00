package no.evidens.index;

import java.util.List;
import java.util.Map;

/**
 * One evidence passage: a few consecutive sentences of one paragraph of one document.
 *
 * @param passageId  unique id, {@code case/docId/number}
 * @param caseId     the audit case (tilsynssak) the document belongs to
 * @param docId      the document's id within the case
 * @param file       path of the file inside its bundle
 * @param type       document type (styringsdokument, journal, klientdokumentasjon, annet)
 * @param title      document title
 * @param heading    the heading the passage stands under (context for search), or empty
 * @param page       page the passage starts on, counted from 1
 * @param start      first character: a String index into the document's normalised text
 * @param end        one past the last character
 * @param text       exactly {@code documentText.substring(start, end)}
 * @param quotes     quotations inside the passage (their text)
 * @param indicators ids of the audit indicators the passage mentions
 * @param laws       laws the passage cites
 * @param documentFacets facets of its document: {@code kommune}, {@code tjeneste}, {@code år} (any may be absent)
 * @param laws       the laws its legal references cite (short names, e.g. barnevernloven)
 * @param indicatorReasons why it carries each of its indicators (empty when no reason was recorded)
 */
public record Passage(String passageId, String caseId, String docId, String file, String type, String title,
                      String heading, int page, int start, int end, String text, List<String> quotes, List<String> indicators,
                      List<String> laws, Map<String, String> documentFacets, List<IndicatorReason> indicatorReasons) {
    public Passage {
        indicatorReasons = List.copyOf(indicatorReasons);
        documentFacets = Map.copyOf(documentFacets);
        quotes = List.copyOf(quotes);
        indicators = List.copyOf(indicators);
        laws = List.copyOf(laws);
        if (end - start != text.length()) {
            throw new IllegalArgumentException("passage text does not match its offsets: " + passageId);
        }
    }

    /** A passage without reasons for its indicators. */
    public Passage(String passageId, String caseId, String docId, String file, String type, String title,
                   String heading, int page, int start, int end, String text, List<String> quotes, List<String> indicators,
                   List<String> laws, Map<String, String> documentFacets) {
        this(passageId, caseId, docId, file, type, title, heading, page, start, end, text, quotes, indicators, laws,
                documentFacets, List.of());
    }

    /** A passage without legal references. */
    public Passage(String passageId, String caseId, String docId, String file, String type, String title,
                   String heading, int page, int start, int end, String text, List<String> quotes, List<String> indicators) {
        this(passageId, caseId, docId, file, type, title, heading, page, start, end, text, quotes, indicators, List.of());
    }

    /** A passage without facets of its document. */
    public Passage(String passageId, String caseId, String docId, String file, String type, String title,
                   String heading, int page, int start, int end, String text, List<String> quotes, List<String> indicators,
                   List<String> laws) {
        this(passageId, caseId, docId, file, type, title, heading, page, start, end, text, quotes, indicators, laws,
                Map.of());
    }

    /** Whether the passage holds a quotation. */
    public boolean hasQuote() {
        return !quotes.isEmpty();
    }

    public static String idOf(String caseId, String docId, int number) {
        return caseId + "/" + docId + "/" + number;
    }
}
