package no.evidens.pipeline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.bundle.DocumentTypes;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.findings.Receipts;

/**
 * What a search is narrowed to, checked alike by the command line ({@code search --type/--case}) and the web API
 * ({@code GET /api/search?type=&case=&filter=case:}): a document type the index can hold, and a case a bundle was
 * ingested into, given as a parameter, a filter or a {@code sak:} term of the query.
 * Either mistake (a folder name as type, a mistyped case) would otherwise answer "0 hits", as if the case held
 * nothing on the subject.
 */
public final class SearchScope {
    /** The message key of a type no document has: a parameter with a fixed set of values. */
    private static final String TYPE_KEY = "error.param.choice";
    /** The message key of a case no bundle was ingested into. */
    public static final String CASE_KEY = "error.unknown-case";

    /**
     * A plain {@code sak:} or {@code case:} term (the query's names of the case field, {@code QueryReader.FIELDS}), not
     * excluded: its value up to a space or bracket, or quoted. A pattern rather than the query parser: the parser
     * lives in the index module and answers with Lucene queries, not with the case ids a person wrote.
     */
    private static final Pattern CASE_TERM = Pattern.compile("(?<![\\p{L}\\p{N}_\\-])(?:sak|case):(\"[^\"]*\"|[^\\s\"()]+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final EvidensHome home;
    private final Receipts receipts;

    public SearchScope(EvidensHome home) {
        this.home = home;
        this.receipts = new Receipts(home.receipts());
    }

    /**
     * The type as the index keeps it (lower case), or null when none is given; a {@link Refusal} for a type no
     * document can have.
     */
    public static String documentType(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (!DocumentTypes.ALL.contains(t)) {
            throw new Refusal(TYPE_KEY, "--type is styringsdokument, journal, klientdokumentasjon or annet, not '" + type + "'",
                    "type", "styringsdokument, journal, klientdokumentasjon, annet", type);
        }
        return t;
    }

    /**
     * Refuses a case no bundle was ingested into ({@link NotFound} with {@link #CASE_KEY}). It reads the receipts, so
     * callers ask only when a search in the case found nothing: a search that finds costs nothing more.
     */
    public void requireIngested(String caseId) throws IOException {
        List<String> cases = receipts.cases();
        if (!cases.contains(caseId)) {
            throw new NotFound("there is no case " + caseId + " in " + home.root() + ": no bundle was ingested into it"
                    + (cases.isEmpty() ? "" : " (the cases: " + String.join(", ", cases) + ")"), CASE_KEY, caseId);
        }
    }

    /**
     * As {@link #requireIngested(String)} for each case of a filter ({@code filter=case:…}, any of which may match),
     * given the search's counts of hits by case: only a case with no hit is looked up, so a filter whose cases all
     * found something costs nothing more.
     */
    public void requireIngested(Collection<String> cases, Map<String, Integer> hitsByCase) throws IOException {
        for (String caseId : cases) {
            if (hitsByCase.getOrDefault(caseId, 0) == 0) {
                requireIngested(caseId);
            }
        }
    }

    /**
     * The case ids a query names in plain {@code sak:}/{@code case:} terms, in order; a prefix ({@code *}), a fuzzy or
     * escaped term and an excluded one ({@code -sak:}) name none.
     */
    public static List<String> casesNamedIn(String query) {
        List<String> out = new ArrayList<>();
        Matcher m = CASE_TERM.matcher(query);
        while (m.find()) {
            String v = m.group(1);
            v = v.startsWith("\"") ? v.substring(1, v.length() - 1).strip() : v;
            if (!v.isEmpty() && v.chars().noneMatch(c -> "*?~\\^".indexOf(c) >= 0)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * As {@link #requireIngested(String)} for each case the query names ({@link #casesNamedIn}); callers ask only when
     * the search found nothing.
     */
    public void requireIngestedNamedIn(String query) throws IOException {
        for (String caseId : casesNamedIn(query)) {
            requireIngested(caseId);
        }
    }
}
