package no.evidens.index;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The fields of the evidence index and how records map to Lucene documents and back. Passages and
 * whole documents live in one index, told apart by the {@code kind} field.
 */
public final class PassageSchema {
    public static final String KIND = "kind";
    public static final String KIND_PASSAGE = "passage";
    public static final String KIND_DOCUMENT = "document";
    public static final String ID = "id";
    public static final String CASE = "case";
    public static final String DOC = "doc";
    /** case/docId on a document and on each of its passages: what one add replaces as a whole. */
    public static final String DOC_KEY = "docKey";
    public static final String FILE = "file";
    public static final String TYPE = "type";
    public static final String TITLE = "title";
    public static final String HEADING = "heading";
    public static final String PAGE = "page";
    public static final String START = "start";
    /** Sort keys: passages in the order they stand in their documents. */
    public static final String SORT_FILE = "sortFile";
    public static final String SORT_START = "sortStart";
    public static final String END = "end";
    public static final String TEXT = "text";
    /** The passage text again, with compounds split into their parts (searched with less weight). */
    public static final String PARTS = "parts";
    public static final String QUOTE = "quote";
    public static final String INDICATOR = "indicator";
    /** The same indicator ids under their Norwegian query name: {@code indikator:taushetsplikt}. */
    public static final String INDICATOR_QUERY = "indikator";
    /** Stored only: why the passage carries each indicator ({@link IndicatorReason#encode()}, one value each). */
    public static final String INDICATOR_WHY = "indicatorWhy";
    /** Laws cited in the passage (stored, filter {@code lov:barnevernloven}, facet dimension). */
    public static final String LAW = "lov";
    /** {@value #YES} when the passage holds a quotation, else {@value #NO} (filter {@code sitat:ja}, facet dimension). */
    public static final String HAS_QUOTE = "sitat";
    public static final String YES = "ja";
    public static final String NO = "nei";
    public static final String SHA256 = "sha256";
    /** Facets of a passage's document: municipality, service, year. */
    public static final String MUNICIPALITY = "kommune";
    public static final String SERVICE = "tjeneste";
    public static final String YEAR = "år";
    public static final List<String> DOCUMENT_FACETS = List.of(MUNICIPALITY, SERVICE, YEAR);
    /** The document's date (ISO yyyy-MM-dd, a document facet that is sorted on, not counted). */
    public static final String DATE = "dato";
    public static final String SORT_DATE = "sortDate";
    public static final String MEDIA_TYPE = "mediaType";
    public static final String DOC_TEXT = "docText";
    public static final String PAGE_STARTS = "pageStarts";
    /** Stored on a document: the version of the normalisation that made its text (absent before it was recorded). */
    public static final String NORMALISER = "normaliser";

    /** Facet dimensions, in the order they are reported. */
    public static final List<String> FACET_DIMS = List.of(TYPE, CASE, INDICATOR, LAW, HAS_QUOTE, MUNICIPALITY, SERVICE, YEAR);
    /** Facet dimensions a passage may have several values of. */
    static final List<String> MULTI_VALUED_DIMS = List.of(INDICATOR, LAW);

    /** Analysed, stored, with offsets in the postings so highlighting never re-analyses a passage. */
    static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    /** Analysed, not stored, offsets in the postings so that a match on a part highlights its word. */
    static final FieldType PARTS_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
        PARTS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        PARTS_TYPE.freeze();
    }

    /** A date as the document facets hold it: an ISO day, perhaps with a time (compiled once, not per passage). */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private PassageSchema() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : FACET_DIMS) {
            config.setMultiValued(dim, MULTI_VALUED_DIMS.contains(dim));
            // No drill-down terms: facet filters match each dimension's own keyword field (FacetFilters), so the
            // two terms Lucene would index per facet value in $facets were never read (with the facet paths made
            // once per document, SharedFields, about 5% of indexing). Counting reads the doc values, which stay.
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        return config;
    }

    /** How facets were indexed before: each value also as drill-down terms (Lucene's default). */
    private static final FacetsConfig DRILL_DOWN_TERMS = drillDownTermsConfig();

    private static FacetsConfig drillDownTermsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : FACET_DIMS) {
            config.setMultiValued(dim, MULTI_VALUED_DIMS.contains(dim));
        }
        return config;
    }

    /** Whether an index holds the facets' drill-down terms (written before they were left out). */
    static boolean hasDrillDownTerms(IndexReader reader) {
        return indexed(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    }

    /**
     * Whether an index holds each entry's id as a term, as one written before ids were stored only does: Lucene refuses an
     * entry whose {@code id} is indexed otherwise than the index's, so such an index keeps getting them ({@link EntryIds}
     * finds entries without them either way).
     */
    static boolean hasIdTerms(IndexReader reader) {
        return indexed(reader, ID);
    }

    /** Whether some segment of the index holds {@code field} as terms. */
    private static boolean indexed(IndexReader reader, String field) {
        FieldInfo info = FieldInfos.getMergedFieldInfos(reader).fieldInfo(field);
        return info != null && info.getIndexOptions() != IndexOptions.NONE;
    }

    /** An entry's id: stored only, or also a term for an index that holds them ({@link #hasIdTerms}). */
    private static IndexableField idField(String id, boolean idTerms) {
        return idTerms ? new StringField(ID, id, Field.Store.YES) : new StoredField(ID, id);
    }

    /**
     * A passage of {@link #toDocument(Passage, SharedFields)} made with {@code new SharedFields(true)}, for an index
     * that holds drill-down terms: its facet fields as such an index has them (doc value and drill-down terms).
     */
    static Document withDrillDownTerms(Document passage) throws java.io.IOException {
        return DRILL_DOWN_TERMS.build(passage);
    }

    /** A passage as a Lucene document, with its facet values as doc values (no {@code FacetsConfig.build} needed). */
    static Document toDocument(Passage p) {
        return toDocument(p, new SharedFields());
    }

    /** A passage as a Lucene document, with the fields it shares with the other passages of its document taken from {@code shared}. */
    static Document toDocument(Passage p, SharedFields shared) {
        return toDocument(p, shared, false);
    }

    /**
     * A passage as a Lucene document, with the fields it shares with the other passages of its document taken from
     * {@code shared}, and its id also as a term where {@code idTerms} ({@link #hasIdTerms}).
     */
    static Document toDocument(Passage p, SharedFields shared, boolean idTerms) {
        Document d = new Document();
        d.add(shared.field(KIND, KIND_PASSAGE, v -> new StringField(KIND, v, Field.Store.NO)));
        d.add(idField(p.passageId(), idTerms));
        d.add(shared.field(CASE, p.caseId(), v -> new StringField(CASE, v, Field.Store.YES)));
        d.add(shared.field(DOC, p.docId(), v -> new StringField(DOC, v, Field.Store.YES)));
        d.add(shared.field(DOC_KEY, docKey(p.caseId(), p.docId()), v -> new StringField(DOC_KEY, v, Field.Store.NO)));
        d.add(shared.field(FILE, p.file(), v -> new StringField(FILE, v, Field.Store.YES)));
        d.add(shared.field(TYPE, p.type(), v -> new StringField(TYPE, v.toLowerCase(Locale.ROOT), Field.Store.YES)));
        d.add(shared.field(TITLE, p.title(), v -> new StoredField(TITLE, v)));
        d.add(shared.field(HEADING, p.heading(), v -> new TextField(HEADING, v, Field.Store.YES)));
        d.add(new IntPoint(PAGE, p.page()));
        d.add(new StoredField(PAGE, p.page()));
        d.add(new StoredField(START, p.start()));
        d.add(shared.field(SORT_FILE, p.file(), v -> new SortedDocValuesField(SORT_FILE, new BytesRef(v))));
        d.add(new NumericDocValuesField(SORT_START, p.start()));
        d.add(new StoredField(END, p.end()));
        d.add(new Field(TEXT, p.text(), TEXT_TYPE));
        d.add(new Field(PARTS, p.text(), PARTS_TYPE));
        for (String q : p.quotes()) {
            d.add(new StoredField(QUOTE, q));
        }
        for (String i : p.indicators()) {
            d.add(new StringField(INDICATOR, i, Field.Store.YES));
            d.add(new StringField(INDICATOR_QUERY, i.toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(shared.facet(INDICATOR, i));
        }
        for (IndicatorReason r : p.indicatorReasons()) {
            d.add(new StoredField(INDICATOR_WHY, r.encode()));
        }
        for (String law : p.laws()) {
            d.add(new StringField(LAW, law.toLowerCase(Locale.ROOT), Field.Store.YES));
            d.add(shared.facet(LAW, law));
        }
        String hasQuote = p.hasQuote() ? YES : NO;
        d.add(shared.field(HAS_QUOTE, hasQuote, v -> new StringField(HAS_QUOTE, v, Field.Store.NO)));
        d.add(shared.facet(HAS_QUOTE, hasQuote));
        String date = p.documentFacets().get(DATE);
        if (date != null) {
            // The document's date, the same for all its passages: checked and parsed once for them all.
            IndexableField day = shared.field(SORT_DATE, date, PassageSchema::sortDay);
            if (day != null) {
                d.add(day);
                d.add(shared.field(DATE, date, v -> new StoredField(DATE, v.strip().substring(0, 10))));
            }
        }
        for (Map.Entry<String, String> f : p.documentFacets().entrySet()) {
            if (DOCUMENT_FACETS.contains(f.getKey()) && f.getValue() != null && !f.getValue().isBlank()) {
                String value = f.getValue().strip().toLowerCase(Locale.ROOT);
                d.add(shared.field(f.getKey(), value, v -> new StringField(f.getKey(), v, Field.Store.YES)));
                d.add(shared.facet(f.getKey(), value));
            }
        }
        d.add(shared.facet(TYPE, p.type()));
        d.add(shared.facet(CASE, p.caseId()));
        return d;
    }

    /** The day a date facet's value sorts by, or null for a value that is no date: such a passage sorts last. */
    private static IndexableField sortDay(String date) {
        if (!ISO_DATE.matcher(date.strip()).matches()) {
            return null;
        }
        try {
            return new NumericDocValuesField(SORT_DATE, java.time.LocalDate.parse(date.strip().substring(0, 10)).toEpochDay());
        } catch (java.time.format.DateTimeParseException notADate) {
            return null;
        }
    }

    static String docKey(String caseId, String docId) {
        return caseId + "/" + docId;
    }

    static Document toDocument(IndexedDocument doc) {
        return toDocument(doc, false);
    }

    /** A whole document's entry, its id also as a term where {@code idTerms} ({@link #hasIdTerms}). */
    static Document toDocument(IndexedDocument doc, boolean idTerms) {
        Document d = new Document();
        d.add(new StringField(KIND, KIND_DOCUMENT, Field.Store.NO));
        d.add(idField(doc.caseId() + "/" + doc.docId(), idTerms));
        d.add(new StringField(DOC_KEY, docKey(doc.caseId(), doc.docId()), Field.Store.NO));
        d.add(new StringField(CASE, doc.caseId(), Field.Store.YES));
        d.add(new StringField(DOC, doc.docId(), Field.Store.YES));
        d.add(new StringField(FILE, doc.file(), Field.Store.YES));
        d.add(new StringField(TYPE, doc.type(), Field.Store.YES));
        d.add(new StoredField(TITLE, doc.title()));
        d.add(new StringField(SHA256, doc.sha256(), Field.Store.YES));
        d.add(new StoredField(MEDIA_TYPE, doc.mediaType()));
        d.add(new StoredField(DOC_TEXT, doc.text()));
        d.add(new StoredField(PAGE_STARTS,
                doc.pageStarts().stream().map(String::valueOf).collect(Collectors.joining(","))));
        if (doc.normaliserVersion() != null) {
            d.add(new StoredField(NORMALISER, doc.normaliserVersion()));
        }
        return d;
    }

    static IndexedDocument toIndexedDocument(Document d) {
        List<Integer> pageStarts = java.util.Arrays.stream(d.get(PAGE_STARTS).split(","))
                .map(Integer::valueOf).toList();
        return new IndexedDocument(d.get(DOC), d.get(CASE), d.get(FILE), d.get(TYPE), d.get(TITLE),
                d.get(SHA256), d.get(MEDIA_TYPE), d.get(DOC_TEXT), pageStarts, d.get(NORMALISER));
    }

    /** The stored fields {@link #toHit} reads: a page's hits load these only (dates and document facets are not shown). */
    static final Set<String> HIT_FIELDS = Set.of(ID, CASE, DOC, FILE, TYPE, TITLE, HEADING, TEXT, PAGE, START, END, QUOTE,
            INDICATOR, LAW, INDICATOR_WHY);

    /** A passage's stored fields as a hit, with what the highlighter found in its text. */
    static SearchHit toHit(Document d, float score, OffsetHighlighter.Highlight h) {
        return new SearchHit(d.get(ID), d.get(CASE), d.get(DOC), d.get(FILE), d.get(TYPE), d.get(TITLE), d.get(HEADING),
                intValue(d, PAGE), intValue(d, START), intValue(d, END), d.get(TEXT), score,
                values(d, QUOTE), values(d, INDICATOR), values(d, LAW), h.matches(), h.fragments(),
                IndicatorReason.decodeAll(values(d, INDICATOR_WHY)));
    }

    static List<String> values(Document d, String field) {
        return java.util.Arrays.stream(d.getFields(field)).map(IndexableField::stringValue).toList();
    }

    static int intValue(Document d, String field) {
        return d.getField(field).numericValue().intValue();
    }
}
