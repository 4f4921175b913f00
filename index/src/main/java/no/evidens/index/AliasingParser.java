package no.evidens.index;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/** Lucene's classic parser, with the field names users write mapped to the index's, and unknown ones refused. */
final class AliasingParser extends MultiFieldQueryParser {
    private static final float HEADING_BOOST = 0.3f;
    /** Compound parts match, but below whole words: {@code plan} must not flood every {@code *plan}. */
    private static final float PARTS_BOOST = 0.4f;
    /** A paragraph's number as a law cites it: chapter and section ({@code 4-3}, {@code 6-1a}). */
    private static final java.util.regex.Pattern PARAGRAPH = java.util.regex.Pattern.compile("\\d+[-–]\\d+\\p{L}?");
    /** The weight of a paragraph's numbers side by side beside either number alone. */
    static final float PARAGRAPH_BOOST = 2f;
    private final Map<String, List<String>> halves;
    private final Set<Query> split;
    private final Analyzer sameWords;
    private final Map<Query, Query> own;
    /** Whether a word is being read a second time, with {@link #sameWords}. */
    private boolean readingOwn;

    AliasingParser(Analyzer analyzer, Map<String, List<String>> halves, Set<Query> split) {
        this(analyzer, halves, split, null, Map.of());
    }

    /**
     * As the parser above; with {@code sameWords} (the query analyzer without the synonym entries that name a thing
     * in other words, {@link SynonymList}) not null, it notes in {@code own} each word of the default fields that
     * such an entry widened, with the query of the word's own forms.
     */
    AliasingParser(Analyzer analyzer, Map<String, List<String>> halves, Set<Query> split, Analyzer sameWords,
                   Map<Query, Query> own) {
        super(new String[] {PassageSchema.TEXT, PassageSchema.PARTS, PassageSchema.HEADING}, analyzer,
                Map.of(PassageSchema.TEXT, 1.0f, PassageSchema.PARTS, PARTS_BOOST, PassageSchema.HEADING, HEADING_BOOST));
        this.halves = halves;
        this.split = split;
        this.sameWords = sameWords;
        this.own = own;
    }

    /** A word of the default fields that no passage holds, as its halves: both required, or either enough (OR). */
    private Query halvesQuery(List<String> words) throws ParseException {
        BooleanClause.Occur occur = getDefaultOperator() == QueryParser.Operator.AND
                ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD;
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        for (String w : words) {
            Query q = super.getFieldQuery(null, w, false);
            if (q != null) {
                out.add(q, occur);
            }
        }
        Query q = out.build();
        split.add(q);
        return q;
    }

    private static String field(String name) throws ParseException {
        if (name == null || PassageSchema.PARTS.equals(name)) {
            // null: the default fields; parts: the parser itself expanding prefix*, fuzzy~ and the like
            // over the default fields (text, parts, heading), parts being no name a user writes.
            return name;
        }
        String f = QueryReader.FIELDS.get(name.toLowerCase(java.util.Locale.ROOT));
        if (f == null) {
            throw new UnknownField(name);
        }
        return f;
    }

    @Override
    protected Query newFieldQuery(Analyzer analyzer, String field, String queryText, boolean quoted) throws ParseException {
        Analyzer a = readingOwn ? sameWords : analyzer;
        Query q = super.newFieldQuery(a, field, queryText, quoted);
        // a word's forms the stemmers cut to another stem, in the fields words are sought in (not in a phrase)
        boolean words = PassageSchema.TEXT.equals(field) || PassageSchema.PARTS.equals(field)
                || PassageSchema.HEADING.equals(field);
        return quoted || q == null || !words ? q : WordForms.widened(q, field, queryText, a);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field == null && !quoted && halves.containsKey(queryText)) {
            return halvesQuery(halves.get(queryText));
        }
        Query q = super.getFieldQuery(field(field), queryText, quoted);
        if (!quoted && q != null && PARAGRAPH.matcher(queryText).matches()) {
            // a paragraph of a law (4-3): found as before (either number), ranked first where its numbers stand side by side
            Query side = super.getFieldQuery(field(field), queryText, 0);
            return side == null ? q : new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                    .add(new BoostQuery(side, PARAGRAPH_BOOST), BooleanClause.Occur.SHOULD).build();
        }
        // only a relaxed search ranks by tiers, so only it reads a word a second time (a strict search, as a one-word
        // search always is, costs nothing more)
        if (field == null && !quoted && q != null && sameWords != null && !readingOwn
                && getDefaultOperator() == QueryParser.Operator.OR) {
            readingOwn = true;
            try {
                Query words = super.getFieldQuery(null, queryText, false);
                if (words != null && !words.equals(q)) {
                    own.put(q, words);
                }
            } finally {
                readingOwn = false;
            }
        }
        return q;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return super.getFieldQuery(field(field), queryText, slop);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(field(field), termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return super.getWildcardQuery(field(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return super.getFuzzyQuery(field(field), termStr, minSimilarity);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        return super.getRangeQuery(field(field), part1, part2, startInclusive, endInclusive);
    }

    /** A field name the index does not know. */
    static final class UnknownField extends ParseException {
        private static final long serialVersionUID = 1L;
        final String name;

        UnknownField(String name) {
            super("unknown field " + name);
            this.name = name;
        }
    }
}
