package no.evidens.index;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.search.ScoreDoc;

/**
 * The stored fields of a passage that its hit shows, read straight into their places: what {@link
 * PassageSchema#toHit} takes from a whole {@code Document} (the first value of a single field, every value of a
 * listed one, in order), without the fields a hit does not show (dates, the document's facets) and without
 * looking each one up in the document's list of fields. One passage.
 */
final class HitFields extends StoredFieldVisitor {
    private String id;
    private String caseId;
    private String docId;
    private String file;
    private String type;
    private String title;
    private String heading;
    private String text;
    private Integer page;
    private Integer start;
    private Integer end;
    private final List<String> quotes = new ArrayList<>(0);
    private final List<String> indicators = new ArrayList<>(0);
    private final List<String> laws = new ArrayList<>(0);
    private final List<String> reasons = new ArrayList<>(0);

    @Override
    public Status needsField(FieldInfo fieldInfo) {
        return switch (fieldInfo.name) {
            case PassageSchema.ID, PassageSchema.CASE, PassageSchema.DOC, PassageSchema.FILE, PassageSchema.TYPE,
                 PassageSchema.TITLE, PassageSchema.HEADING, PassageSchema.TEXT, PassageSchema.PAGE, PassageSchema.START,
                 PassageSchema.END, PassageSchema.QUOTE, PassageSchema.INDICATOR, PassageSchema.LAW,
                 PassageSchema.INDICATOR_WHY -> Status.YES;
            default -> Status.NO;
        };
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) {
        switch (fieldInfo.name) {
            case PassageSchema.ID -> id = id == null ? value : id;
            case PassageSchema.CASE -> caseId = caseId == null ? value : caseId;
            case PassageSchema.DOC -> docId = docId == null ? value : docId;
            case PassageSchema.FILE -> file = file == null ? value : file;
            case PassageSchema.TYPE -> type = type == null ? value : type;
            case PassageSchema.TITLE -> title = title == null ? value : title;
            case PassageSchema.HEADING -> heading = heading == null ? value : heading;
            case PassageSchema.TEXT -> text = text == null ? value : text;
            case PassageSchema.QUOTE -> quotes.add(value);
            case PassageSchema.INDICATOR -> indicators.add(value);
            case PassageSchema.LAW -> laws.add(value);
            case PassageSchema.INDICATOR_WHY -> reasons.add(value);
            default -> {
                // a number field's name holding text: Document.get would give it, no hit reads it
            }
        }
    }

    @Override
    public void intField(FieldInfo fieldInfo, int value) {
        switch (fieldInfo.name) {
            case PassageSchema.PAGE -> page = page == null ? value : page;
            case PassageSchema.START -> start = start == null ? value : start;
            case PassageSchema.END -> end = end == null ? value : end;
            default -> {
                // not shown
            }
        }
    }

    @Override
    public void longField(FieldInfo fieldInfo, long value) {
        intField(fieldInfo, (int) value);
    }

    /** The passage's text (null when it has none). */
    String text() {
        return text;
    }

    /** The passage as a hit, with what the highlighter found in its text. */
    SearchHit toHit(ScoreDoc hit, OffsetHighlighter.Highlight h) {
        return new SearchHit(id, caseId, docId, file, type, title, heading, page, start, end, text, hit.score,
                List.copyOf(quotes), List.copyOf(indicators), List.copyOf(laws), h.matches(), h.fragments(),
                IndicatorReason.decodeAll(List.copyOf(reasons)));
    }
}
