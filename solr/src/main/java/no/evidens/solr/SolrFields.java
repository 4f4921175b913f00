package no.evidens.solr;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import no.evidens.index.IndexedDocument;
import no.evidens.index.IndicatorReason;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchHit;

/**
 * The evidence index's fields on Solr ({@code configset/schema.xml}): the same names, values and analysis
 * as {@link PassageSchema}'s Lucene documents, so that the Evidens query plugin's queries match alike. The
 * unique key routes by case ({@code case!id}), so a case's entries live on one shard; the facet counts come
 * from docValues fields {@code f_<dimension>} holding exactly the labels the embedded index counts.
 */
final class SolrFields {
    static final String UID = "uid";
    /** The kind of an entry holding a piece of a document's text ({@link #pieces}). */
    static final String KIND_PIECE = "piece";
    /**
     * The kind of the marker of a document being written in several requests ({@link #pending}): sent first, deleted with
     * the document's entry in the last; while it stands, search leaves the document's passages out.
     */
    static final String KIND_PENDING = "pending";
    /**
     * Where a marker holds when its writing began (an ISO-8601 instant, UTC): the schema's {@code dato}, a stored string a
     * passage uses for its document's date, unused on a marker. A field the config set has had from the start, so a marker
     * with a time is taken by a collection made by any earlier Evidens, with no config set upload (a new field would be
     * refused by those until {@code solr init} ran again). A handful of markers at most: read and weighed here, not queried.
     */
    static final String MARKER_SINCE = PassageSchema.DATE;
    /** Where a marker holds which process writes it ({@code pid@host}): the schema's stored {@code title}, alike. */
    static final String MARKER_WRITER = PassageSchema.TITLE;
    /** The most characters of a document's text in one piece. */
    static final int PIECE = 65_536;
    /** The facet field of each dimension of {@link PassageSchema#FACET_DIMS}. */
    static final Map<String, String> FACET_FIELDS = Map.of(PassageSchema.TYPE, "f_type", PassageSchema.CASE, "f_case",
            PassageSchema.INDICATOR, "f_indicator", PassageSchema.LAW, "f_lov", PassageSchema.HAS_QUOTE, "f_sitat",
            PassageSchema.MUNICIPALITY, "f_kommune", PassageSchema.SERVICE, "f_tjeneste", PassageSchema.YEAR, "f_aar");
    /** What a hit needs. */
    static final String HIT_FIELDS = String.join(",", PassageSchema.ID, PassageSchema.CASE, PassageSchema.DOC,
            PassageSchema.FILE, PassageSchema.TYPE, PassageSchema.TITLE, PassageSchema.HEADING, PassageSchema.PAGE,
            PassageSchema.START, PassageSchema.END, PassageSchema.TEXT, PassageSchema.QUOTE, PassageSchema.INDICATOR,
            PassageSchema.INDICATOR_WHY, PassageSchema.LAW, PassageSchema.MUNICIPALITY, PassageSchema.SERVICE, PassageSchema.YEAR);
    /** What a hit that was searched for needs. */
    static final String SCORED_HIT_FIELDS = HIT_FIELDS + ",score";

    private SolrFields() {
    }

    static String uid(String caseId, String id) {
        return caseId + "!" + id;
    }

    static String docKey(String caseId, String docId) {
        return caseId + "/" + docId;
    }

    /**
     * A document and its passages, the Solr entries of one unit: the passages, the pieces of the document's text ({@link
     * #pieces}), then the document's entry, last (a document whose writing stops half-way has no entry, so it is not
     * found as stored: {@code contains} asks for the entry).
     */
    static List<SolrInputDocument> block(IndexedDocument doc, List<Passage> passages) {
        List<SolrInputDocument> out = new ArrayList<>(passages.size() + doc.text().length() / PIECE + 2);
        entries(doc, passages).forEachRemaining(out::add);
        return out;
    }

    /** The entries of {@link #block}, in its order, each made as it is asked for: a large document's are not all held at once. */
    static Iterator<SolrInputDocument> entries(IndexedDocument doc, List<Passage> passages) {
        return Stream.of(passages.stream().map(SolrFields::passage), pieces(doc), Stream.of(doc).map(SolrFields::document))
                .flatMap(s -> s).iterator();
    }

    /** The unique keys of the entries of {@link #block}, without making them. */
    static List<String> uids(IndexedDocument doc, List<Passage> passages) {
        List<String> out = new ArrayList<>();
        passages.forEach(p -> out.add(uid(p.caseId(), p.passageId())));
        for (int n = 0; n < pieceStarts(doc.text()).length - 1; n++) {
            out.add(uid(doc.caseId(), pieceId(doc.caseId(), doc.docId(), n)));
        }
        out.add(uid(doc.caseId(), doc.caseId() + "/" + doc.docId()));
        return out;
    }

    /**
     * The document's text in entries of its own of at most {@value #PIECE} characters each ({@code kind:piece}, the
     * characters in {@code docText}, where they begin and end in {@code start}/{@code end} and {@code sortStart}, keyed
     * {@code case!case/doc/piece-N}): a window of a large document then reads the few pieces it covers. One stored value of
     * the whole text is decompressed whole whatever part is asked (Lucene compresses a large value in slices, but reads
     * them from the first), and Solr's document cache keeps it whole; a piece is about one of Lucene's 80 kB blocks.
     * No piece ends between the two halves of a surrogate pair (a lone half is not UTF-8), so a piece may be one
     * character short.
     */
    static Stream<SolrInputDocument> pieces(IndexedDocument doc) {
        int[] starts = pieceStarts(doc.text());
        return IntStream.range(0, starts.length - 1).mapToObj(n -> piece(doc, n, starts[n], starts[n + 1]));
    }

    /** Where the pieces of {@code text} begin, and its length last. */
    private static int[] pieceStarts(String text) {
        IntStream.Builder out = IntStream.builder();
        int start = 0;
        while (start < text.length()) {
            out.add(start);
            int end = Math.min(text.length(), start + PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            start = end;
        }
        return out.add(text.length()).build().toArray();
    }

    private static SolrInputDocument piece(IndexedDocument doc, int n, int start, int end) {
        String id = pieceId(doc.caseId(), doc.docId(), n);
        SolrInputDocument d = new SolrInputDocument();
        d.setField(UID, uid(doc.caseId(), id));
        d.setField(PassageSchema.KIND, KIND_PIECE);
        d.setField(PassageSchema.ID, id);
        d.setField(PassageSchema.CASE, doc.caseId());
        d.setField(PassageSchema.DOC, doc.docId());
        d.setField(PassageSchema.DOC_KEY, docKey(doc.caseId(), doc.docId()));
        d.setField(PassageSchema.START, start);
        d.setField(PassageSchema.END, end);
        d.setField(PassageSchema.SORT_START, (long) start);
        d.setField(PassageSchema.DOC_TEXT, doc.text().substring(start, end));
        return d;
    }

    /**
     * The marker of a document whose entries go in several update requests: its {@code docKey}, {@code case} and {@code doc}
     * (stored, so search can read which documents are not whole yet). A writing that stops half-way (the cluster gone)
     * leaves it standing with what was taken, and search leaves those passages out ({@link SolrEvidenceIndex#search}) until
     * the file is ingested again, whose last request deletes it; a refused document's delete by its key takes it too. It
     * holds the document's {@code type} (not its facet field: no search counts it), so {@code case delete-records} finds the
     * half-written journals and client records of a case, whose passages and pieces have no entry to be found by, and its
     * {@code file} and {@code sha256}, by which their files are deleted from the bundles too. Since round 52 it holds when
     * the writing began ({@code began}, {@link #MARKER_SINCE}) and which process writes it ({@link #MARKER_WRITER}), so
     * that {@code solr clean-half-written} deletes only what was left long enough ago ({@link HalfWrittenRule}).
     */
    static SolrInputDocument pending(IndexedDocument doc, Instant began, String writer) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField(UID, pendingUid(doc.caseId(), doc.docId()));
        d.setField(PassageSchema.KIND, KIND_PENDING);
        d.setField(PassageSchema.ID, doc.caseId() + "/" + doc.docId() + "/pending");
        d.setField(PassageSchema.CASE, doc.caseId());
        d.setField(PassageSchema.DOC, doc.docId());
        d.setField(PassageSchema.DOC_KEY, docKey(doc.caseId(), doc.docId()));
        d.setField(PassageSchema.TYPE, doc.type());
        // and its file: case delete-records deletes a half-written journal's file from its bundle as a whole one's
        d.setField(PassageSchema.FILE, doc.file());
        d.setField(PassageSchema.SHA256, doc.sha256());
        // and when its writing began, and by which process: clean-half-written spares a document being written now
        d.setField(MARKER_SINCE, began.toString());
        d.setField(MARKER_WRITER, writer);
        return d;
    }

    /**
     * A marker read back ({@code case}, {@code doc}, {@link #MARKER_SINCE}, {@link #MARKER_WRITER}): a marker written before
     * round 52 has no time (and one whose time cannot be read is taken as one): its age is unknown.
     */
    static HalfWritten halfWritten(SolrDocument marker) {
        Instant since = null;
        String time = str(marker, MARKER_SINCE);
        if (time != null) {
            try {
                since = Instant.parse(time);
            } catch (DateTimeParseException unreadable) {
                // not a time this code wrote: age unknown, as for a marker without one
            }
        }
        return new HalfWritten(str(marker, PassageSchema.CASE), str(marker, PassageSchema.DOC), since, str(marker, MARKER_WRITER));
    }

    static String pendingUid(String caseId, String docId) {
        return uid(caseId, caseId + "/" + docId + "/pending");
    }

    static String pieceId(String caseId, String docId, int n) {
        return caseId + "/" + docId + "/piece-" + n;
    }

    static SolrInputDocument passage(Passage p) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField(UID, uid(p.caseId(), p.passageId()));
        d.setField(PassageSchema.KIND, PassageSchema.KIND_PASSAGE);
        d.setField(PassageSchema.ID, p.passageId());
        d.setField(PassageSchema.CASE, p.caseId());
        d.setField(PassageSchema.DOC, p.docId());
        d.setField(PassageSchema.DOC_KEY, docKey(p.caseId(), p.docId()));
        d.setField(PassageSchema.FILE, p.file());
        d.setField(PassageSchema.TYPE, p.type().toLowerCase(Locale.ROOT));
        d.setField(PassageSchema.TITLE, p.title());
        d.setField(PassageSchema.HEADING, p.heading());
        d.setField(PassageSchema.PAGE, p.page());
        d.setField(PassageSchema.START, p.start());
        d.setField(PassageSchema.END, p.end());
        d.setField(PassageSchema.SORT_FILE, p.file());
        d.setField(PassageSchema.SORT_START, (long) p.start());
        d.setField(PassageSchema.TEXT, p.text());
        d.setField(PassageSchema.PARTS, p.text());
        addAll(d, PassageSchema.QUOTE, p.quotes());
        addAll(d, PassageSchema.INDICATOR, p.indicators());
        addAll(d, PassageSchema.INDICATOR_QUERY, lower(p.indicators()));
        addAll(d, FACET_FIELDS.get(PassageSchema.INDICATOR), p.indicators());
        addAll(d, PassageSchema.INDICATOR_WHY, p.indicatorReasons().stream().map(IndicatorReason::encode).toList());
        addAll(d, PassageSchema.LAW, lower(p.laws()));
        addAll(d, FACET_FIELDS.get(PassageSchema.LAW), p.laws());
        String hasQuote = p.hasQuote() ? PassageSchema.YES : PassageSchema.NO;
        d.setField(PassageSchema.HAS_QUOTE, hasQuote);
        d.setField(FACET_FIELDS.get(PassageSchema.HAS_QUOTE), hasQuote);
        String date = p.documentFacets().get(PassageSchema.DATE);
        if (date != null && date.strip().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            try {
                String day = date.strip().substring(0, 10);
                d.setField(PassageSchema.SORT_DATE, java.time.LocalDate.parse(day).toEpochDay());
                d.setField(PassageSchema.DATE, day);
            } catch (java.time.format.DateTimeParseException notADate) {
                // an unreadable date is no date: the passage sorts last, as in the embedded index
            }
        }
        for (Map.Entry<String, String> f : p.documentFacets().entrySet()) {
            if (PassageSchema.DOCUMENT_FACETS.contains(f.getKey()) && f.getValue() != null && !f.getValue().isBlank()) {
                String value = f.getValue().strip().toLowerCase(Locale.ROOT);
                d.setField(f.getKey(), value);
                d.setField(FACET_FIELDS.get(f.getKey()), value);
            }
        }
        d.setField(FACET_FIELDS.get(PassageSchema.TYPE), p.type());
        d.setField(FACET_FIELDS.get(PassageSchema.CASE), p.caseId());
        return d;
    }

    /**
     * The document's entry: its fields and its text's length ({@code end}); the text itself is in its pieces. (An entry
     * written before round 51 holds the whole text in {@code docText} and no pieces; both are read.)
     */
    static SolrInputDocument document(IndexedDocument doc) {
        SolrInputDocument d = new SolrInputDocument();
        String id = doc.caseId() + "/" + doc.docId();
        d.setField(UID, uid(doc.caseId(), id));
        d.setField(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT);
        d.setField(PassageSchema.ID, id);
        d.setField(PassageSchema.DOC_KEY, docKey(doc.caseId(), doc.docId()));
        d.setField(PassageSchema.CASE, doc.caseId());
        d.setField(PassageSchema.DOC, doc.docId());
        d.setField(PassageSchema.FILE, doc.file());
        d.setField(PassageSchema.TYPE, doc.type());
        d.setField(PassageSchema.TITLE, doc.title());
        d.setField(PassageSchema.SHA256, doc.sha256());
        d.setField(PassageSchema.MEDIA_TYPE, doc.mediaType());
        d.setField(PassageSchema.END, doc.text().length());
        d.setField(PassageSchema.PAGE_STARTS, doc.pageStarts().stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (doc.normaliserVersion() != null) {
            d.setField(PassageSchema.NORMALISER, doc.normaliserVersion());
        }
        return d;
    }

    static IndexedDocument toIndexedDocument(SolrDocument d) {
        List<Integer> pageStarts = java.util.Arrays.stream(str(d, PassageSchema.PAGE_STARTS).split(","))
                .map(Integer::valueOf).toList();
        return new IndexedDocument(str(d, PassageSchema.DOC), str(d, PassageSchema.CASE), str(d, PassageSchema.FILE),
                str(d, PassageSchema.TYPE), str(d, PassageSchema.TITLE), str(d, PassageSchema.SHA256),
                str(d, PassageSchema.MEDIA_TYPE), str(d, PassageSchema.DOC_TEXT), pageStarts, str(d, PassageSchema.NORMALISER));
    }

    /** What {@link #toPassage} reads of a passage entry. */
    static final String PASSAGE_FIELDS = String.join(",", PassageSchema.ID, PassageSchema.CASE, PassageSchema.DOC,
            PassageSchema.FILE, PassageSchema.TYPE, PassageSchema.TITLE, PassageSchema.HEADING, PassageSchema.PAGE,
            PassageSchema.START, PassageSchema.END, PassageSchema.TEXT, PassageSchema.QUOTE, PassageSchema.INDICATOR,
            PassageSchema.INDICATOR_WHY, PassageSchema.LAW, PassageSchema.MUNICIPALITY, PassageSchema.SERVICE,
            PassageSchema.YEAR, PassageSchema.DATE);
    /** The document facets a passage entry stores, in the order the embedded index's read-back gives them. */
    private static final List<String> STORED_FACETS = List.of(PassageSchema.MUNICIPALITY, PassageSchema.SERVICE,
            PassageSchema.YEAR, PassageSchema.DATE);

    /**
     * A passage entry read back as the passage {@link #passage} made it (its type, laws and document facets in lower case,
     * its date as the day: as the embedded index keeps them, and as {@link #passage} writes them again unchanged).
     */
    static Passage toPassage(SolrDocument d) {
        Map<String, String> facets = new java.util.LinkedHashMap<>();
        for (String f : STORED_FACETS) {
            String v = str(d, f);
            if (v != null) {
                facets.put(f, v);
            }
        }
        String heading = str(d, PassageSchema.HEADING);
        return new Passage(str(d, PassageSchema.ID), str(d, PassageSchema.CASE), str(d, PassageSchema.DOC),
                str(d, PassageSchema.FILE), str(d, PassageSchema.TYPE), str(d, PassageSchema.TITLE), heading == null ? "" : heading,
                num(d, PassageSchema.PAGE), num(d, PassageSchema.START), num(d, PassageSchema.END), str(d, PassageSchema.TEXT),
                strs(d, PassageSchema.QUOTE), strs(d, PassageSchema.INDICATOR), strs(d, PassageSchema.LAW), facets,
                IndicatorReason.decodeAll(strs(d, PassageSchema.INDICATOR_WHY)));
    }

    /** The document facets of a passage entry (kommune, tjeneste, år), which a query may name. */
    static Map<String, String> documentFacets(SolrDocument d) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String dim : PassageSchema.DOCUMENT_FACETS) {
            String v = str(d, dim);
            if (v != null) {
                out.put(dim, v);
            }
        }
        return out;
    }

    /** A passage entry as a hit, not highlighted; its score when it was searched for, else 0 (as embedded). */
    static SearchHit toHit(SolrDocument d) {
        Object score = d.getFieldValue("score");
        return new SearchHit(str(d, PassageSchema.ID), str(d, PassageSchema.CASE), str(d, PassageSchema.DOC),
                str(d, PassageSchema.FILE), str(d, PassageSchema.TYPE), str(d, PassageSchema.TITLE), str(d, PassageSchema.HEADING),
                num(d, PassageSchema.PAGE), num(d, PassageSchema.START), num(d, PassageSchema.END), str(d, PassageSchema.TEXT),
                score instanceof Number n ? n.floatValue() : 0, strs(d, PassageSchema.QUOTE), strs(d, PassageSchema.INDICATOR),
                strs(d, PassageSchema.LAW), List.of(), List.of(),
                IndicatorReason.decodeAll(strs(d, PassageSchema.INDICATOR_WHY)));
    }

    private static void addAll(SolrInputDocument d, String field, Collection<String> values) {
        for (String v : values) {
            d.addField(field, v);
        }
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static String str(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v == null ? null : v.toString();
    }

    private static int num(SolrDocument d, String field) {
        return ((Number) d.getFirstValue(field)).intValue();
    }

    private static List<String> strs(SolrDocument d, String field) {
        Collection<Object> values = d.getFieldValues(field);
        return values == null ? List.of() : values.stream().map(Object::toString).toList();
    }
}
