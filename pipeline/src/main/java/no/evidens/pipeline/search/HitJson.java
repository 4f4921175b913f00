package no.evidens.pipeline.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.util.StdConverter;

import no.evidens.index.IndicatorReason;
import no.evidens.index.SearchHit;
import no.evidens.index.TextRange;

/**
 * A search hit as the JSON contract writes it (CLI and web alike): the index's hit with its
 * {@code snippet} marked up from the offsets, in the contract's field order; {@code matches} and
 * {@code fragments} (ranges of {@code text}) are added at the end, and after them {@code indicatorReasons}:
 * why the passage carries each indicator (empty for a passage indexed before reasons were recorded).
 */
public record HitJson(String passageId, @JsonProperty("case") String caseId, String docId, String file, String type,
                      String title, String heading, int page, int start, int end, String text, String snippet,
                      float score, List<String> quotes, List<String> indicators, List<String> laws,
                      List<TextRange> matches, List<TextRange> fragments, List<IndicatorReason> indicatorReasons) {

    public static HitJson of(SearchHit h) {
        return new HitJson(h.passageId(), h.caseId(), h.docId(), h.file(), h.type(), h.title(), h.heading(), h.page(),
                h.start(), h.end(), h.text(), Snippets.html(h), h.score(), h.quotes(), h.indicators(), h.laws(),
                h.matches(), h.fragments(), h.indicatorReasons());
    }

    /** Lets Jackson write every {@link SearchHit} as this record. */
    public static final class FromHit extends StdConverter<SearchHit, HitJson> {
        @Override
        public HitJson convert(SearchHit hit) {
            return of(hit);
        }
    }
}
