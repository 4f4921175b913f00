package no.evidens.pipeline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.PassageSchema;
import no.evidens.index.QueryLanguage;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
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
 * nothing on the subject. So would a facet value no passage of the searched cases carries ({@code filter=kommune:Atlantis},
 * {@code indikator:taushetsplikten} in the query): {@link #requireCarried} names it, with the values that are there.
 */
public final class SearchScope {
    /** The message key of a type no document has: a parameter with a fixed set of values. */
    private static final String TYPE_KEY = "error.param.choice";
    /** The message key of a case no bundle was ingested into. */
    public static final String CASE_KEY = "error.unknown-case";

    /** Every passage: every passage is indexed with a quotation flag, yes or no (a document's own entry has none). */
    public static final String ALL_PASSAGES = "sitat:ja OR sitat:nei";
    /** How many of the values there a refusal names. */
    static final int VALUES_NAMED = 5;
    /**
     * A plain {@code field:value} term, not excluded, its value up to a space or bracket, or quoted: as {@link #CASE_TERM},
     * for any field; {@link QueryLanguage#facetOf} tells which fields are facets.
     */
    private static final Pattern FIELD_TERM = Pattern.compile("(?<![\\p{L}\\p{N}_\\-])(\\p{L}+):(\"[^\"]*\"|[^\\s\"()]+)");
    /** What makes a term's value a pattern, a range or a boosted or escaped term rather than one value. */
    private static final String NOT_ONE_VALUE = "*?~\\^[]{}";

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

    /**
     * A facet value asked for: the dimension ({@link PassageSchema#FACET_DIMS}), the value, and the filter or query term as
     * the person wrote it, for the message.
     */
    public record Asked(String written, String dim, String value) {
    }

    /**
     * The facet values a query names in plain {@code field:value} terms ({@code kommune:fjordvik}, {@code indikator:…},
     * {@code år:2025}), in order; the case field is left out ({@link #casesNamedIn} and the receipts answer for it), and
     * so are a prefix, fuzzy, range or escaped term and an excluded one.
     */
    public static List<Asked> facetValuesNamedIn(String query) {
        List<Asked> out = new ArrayList<>();
        Matcher m = FIELD_TERM.matcher(query);
        while (m.find()) {
            String dim = QueryLanguage.facetOf(m.group(1));
            String v = m.group(2);
            v = v.startsWith("\"") ? v.substring(1, v.length() - 1).strip() : v;
            if (dim != null && !dim.equals(PassageSchema.CASE) && !v.isEmpty() && v.chars().noneMatch(c -> NOT_ONE_VALUE.indexOf(c) >= 0)) {
                out.add(new Asked(m.group(), dim, v));
            }
        }
        return out;
    }

    /** The facet filters' values (dimension → values) but the case's, as written: {@code dimension:value}. */
    public static List<Asked> filterValues(Map<String, List<String>> filters) {
        List<Asked> out = new ArrayList<>();
        filters.forEach((dim, values) -> {
            if (!dim.equals(PassageSchema.CASE)) {
                values.forEach(v -> out.add(new Asked(dim + ":" + v, dim, v.strip())));
            }
        });
        return out;
    }

    /**
     * What {@link #requireCarried} checks of a search: its filters' values always, and the facet values its query names
     * when it found nothing (a value with hits is carried; the whole index's query names none).
     */
    public static List<Asked> asked(Map<String, List<String>> filters, String query, boolean foundNothing) {
        List<Asked> out = new ArrayList<>(filterValues(filters));
        if (foundNothing && query != null && !query.equals(ALL_PASSAGES)) {
            out.addAll(facetValuesNamedIn(query));
        }
        return out;
    }

    /**
     * Refuses ({@link NotFound}, {@code error.filter-value}) the first asked value that no passage of the searched cases carries: a
     * typo, a county where a municipality was meant, an indicator id that does not exist. A value that is there but has
     * no hit under the query's words is a normal "0 hits", and passes. The message names up to {@value #VALUES_NAMED}
     * values that are there, the closest to the one asked first (Lucene's facet counts of the searched cases).
     *
     * @param caseId  the searched case, or null
     * @param cases   the case filter's cases (any of them), or none: every case
     * @param counted the search's facet counts, a filtered dimension counted as if unfiltered: a value with hits there is
     *                carried, and costs nothing more; only the others are looked up, one search each, narrowed to the
     *                cases alone
     */
    public static void requireCarried(EvidenceIndex index, String caseId, List<String> cases, List<Asked> asked,
                                      Map<String, Map<String, Integer>> counted) throws IOException {
        Map<String, List<String>> scope = cases == null || cases.isEmpty() ? Map.of() : Map.of(PassageSchema.CASE, cases);
        for (Asked a : asked) {
            boolean counts = counted.getOrDefault(a.dim(), Map.of()).entrySet().stream()
                    .anyMatch(e -> e.getValue() > 0 && e.getKey().equalsIgnoreCase(a.value()));
            if (counts || everyPassage(index, caseId, with(scope, a.dim(), a.value())).total() > 0) {
                continue;
            }
            Map<String, Integer> there = everyPassage(index, caseId, scope).facets().getOrDefault(a.dim(), Map.of());
            List<String> named = closestFirst(a.value(), there);
            String where = caseId != null ? "the case " + caseId : scope.isEmpty() ? "the index" : "the cases searched";
            String message = "no passage in " + where + " has " + a.written()
                    + (named.isEmpty() ? "" : " (the values there, the closest first: " + String.join(", ", named) + ")");
            throw named.isEmpty() ? new NotFound(message, "error.filter-value", a.written())
                    : new NotFound(message, "error.filter-value.known", a.written(), String.join(", ", named));
        }
    }

    private static Map<String, List<String>> with(Map<String, List<String>> scope, String dim, String value) {
        Map<String, List<String>> out = new LinkedHashMap<>(scope);
        out.put(dim, List.of(value));
        return out;
    }

    private static SearchResult everyPassage(EvidenceIndex index, String caseId, Map<String, List<String>> filters) throws IOException {
        return index.search(new SearchRequest(ALL_PASSAGES, caseId, null, 1, 0, SearchRequest.Order.RELEVANCE, filters));
    }

    /**
     * Up to {@value #VALUES_NAMED} of the values there: those within one, then two edits of the value asked (in any case),
     * then those that hold it ({@code fjord}: {@code Nordfjord}), then the rest; each group in the counts' order (most passages first).
     * The edits are counted by Lucene's Levenshtein automata, which its fuzzy queries use.
     */
    public static List<String> closestFirst(String value, Map<String, Integer> there) {
        String v = value.toLowerCase(Locale.ROOT);
        CharacterRunAutomaton one = new CharacterRunAutomaton(new LevenshteinAutomata(v, true).toAutomaton(1));
        CharacterRunAutomaton two = new CharacterRunAutomaton(new LevenshteinAutomata(v, true).toAutomaton(2));
        Comparator<String> nearness = Comparator.comparingInt(k -> {
            String c = k.toLowerCase(Locale.ROOT);
            if (one.run(c)) {
                return 0;
            }
            if (two.run(c)) {
                return 1;
            }
            return c.contains(v) ? 2 : 3;
        });
        List<String> byCount = there.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        return byCount.stream().sorted(nearness).limit(VALUES_NAMED).toList();
    }
}
