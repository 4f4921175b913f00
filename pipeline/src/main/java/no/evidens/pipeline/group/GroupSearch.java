package no.evidens.pipeline.group;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import no.evidens.findings.CaseGroups;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.search.SearchScope;

/**
 * A search across every case of a group that the user may read, with {@code kommune:} and {@code fylke:}
 * filters and facets. The index knows cases, not counties: both are worked out at query time from the
 * case facet and the group's case → municipality map, so the index schema (and the SolrCloud backend)
 * stay as they are. A {@code kommune:} or {@code fylke:} term written in the query text is taken out of it
 * and applied as a filter. A municipality, county or case none of the group's cases (that the user may read) has is
 * refused ({@link NotFound}), rather than answered with "0 hits" as if the place held nothing on the subject: a case
 * as a filter or as a {@code sak:} term of the query.
 */
public final class GroupSearch {
    public static final String MUNICIPALITY = PassageSchema.MUNICIPALITY;
    public static final String COUNTY = "fylke";
    /** Every passage: every passage is indexed with a quotation flag, yes or no. */
    public static final String ALL_PASSAGES = SearchScope.ALL_PASSAGES;
    /** A case id no case has: the filter when no case of the group is left. */
    private static final String NO_CASE = "-";
    /** A refusal lists all the group's places or cases up to this many, else those nearest the value asked. */
    private static final int NAMED_IN_FULL = 30;
    private static final Pattern PLACE_TERM = Pattern.compile("(?<![\\p{L}\\p{N}])(kommune|fylke):(\"[^\"]*\"|[^\\s\"]+)",
            Pattern.CASE_INSENSITIVE);

    /**
     * The search's result, with the group's municipality and county counts as two facets of its own, and the hits in each
     * case it went through (after its place filters: what the audit trail records per case).
     */
    public record Result(String query, List<String> filters, SearchResult result, Map<String, Map<String, Integer>> facets,
                         Map<String, Integer> hitsByCase) {
    }

    private GroupSearch() {
    }

    /**
     * A group search as asked: the query text without its place terms, every filter as written, the index's own
     * filters, and the municipalities, counties and cases asked for (each known to the group).
     */
    public record Plan(String text, List<String> filters, Map<String, List<String>> indexFilters, List<String> municipalities,
                       List<String> counties, List<String> cases) {
    }

    /**
     * Searches the given cases of a group.
     *
     * @param groupId the group, for the messages
     * @param members the group's cases the user may read
     * @param filters {@code dimension:value} filters: the index's dimensions, {@code kommune} and {@code fylke}
     */
    public static Result search(EvidenceIndex index, String groupId, List<CaseGroups.Member> members, String query, List<String> filters,
                                int limit, int offset, SearchRequest.Order order) throws IOException {
        return search(index, members, plan(groupId, members, query, filters), limit, offset, order);
    }

    /**
     * Reads a group search's query and filters, before any index is opened: a filter that cannot be read is a
     * {@link Refusal}, and a municipality, county or case none of the members has a {@link NotFound}.
     */
    public static Plan plan(String groupId, List<CaseGroups.Member> members, String query, List<String> filters) {
        List<String> all = new ArrayList<>(filters);
        String text = takePlaces(query == null ? "" : query, all);
        if (text.isBlank()) {
            text = ALL_PASSAGES;
        }
        Map<String, List<String>> indexFilters = new LinkedHashMap<>();
        List<String> municipalities = new ArrayList<>();
        List<String> counties = new ArrayList<>();
        for (String f : all) {
            int colon = f.indexOf(':');
            String dim = colon < 0 ? "" : f.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : unquote(f.substring(colon + 1).strip());
            if (value.isEmpty() || !(dim.equals(COUNTY) || PassageSchema.FACET_DIMS.contains(dim))) {
                Set<String> dims = new TreeSet<>(PassageSchema.FACET_DIMS);
                dims.add(COUNTY);
                throw new Refusal("error.filter", "the filter '" + f + "' is not valid: write it as dimension:value, with a dimension of "
                        + String.join(", ", PassageSchema.FACET_DIMS) + " or " + COUNTY, f, String.join(", ", dims));
            }
            switch (dim) {
                case MUNICIPALITY -> municipalities.add(value);
                case COUNTY -> counties.add(value);
                default -> indexFilters.computeIfAbsent(dim, d -> new ArrayList<>()).add(value);
            }
        }
        List<String> askedCases = indexFilters.remove(PassageSchema.CASE);
        requireInGroup(groupId, members, municipalities, CaseGroups.Member::municipality, "municipality", "error.group-municipality");
        requireInGroup(groupId, members, counties, CaseGroups.Member::county, "county", "error.group-county");
        requireInGroup(groupId, members, askedCases == null ? List.of() : askedCases, CaseGroups.Member::caseId, "case",
                "error.group-case");
        // a sak: term of the query stays in it (the index reads it), but a case outside the group could only answer 0 hits
        requireInGroup(groupId, members, SearchScope.casesNamedIn(text), CaseGroups.Member::caseId, "case", "error.group-case");
        return new Plan(text, List.copyOf(all), indexFilters, municipalities, counties, askedCases);
    }

    /** Searches the given cases of a group as {@link #plan} read the request. */
    public static Result search(EvidenceIndex index, List<CaseGroups.Member> members, Plan plan, int limit, int offset,
                                SearchRequest.Order order) throws IOException {
        List<String> municipalities = plan.municipalities();
        List<String> counties = plan.counties();
        List<String> askedCases = plan.cases();
        Predicate<CaseGroups.Member> inMunicipality = m -> municipalities.isEmpty() || matches(municipalities, m.municipality());
        Predicate<CaseGroups.Member> inCounty = m -> counties.isEmpty() || matches(counties, m.county());
        List<String> cases = members.stream().filter(inMunicipality.and(inCounty))
                .map(CaseGroups.Member::caseId).filter(c -> askedCases == null || askedCases.contains(c)).toList();
        Map<String, List<String>> indexFilters = new LinkedHashMap<>(plan.indexFilters());
        indexFilters.put(PassageSchema.CASE, cases.isEmpty() ? List.of(NO_CASE) : cases);
        String text = plan.text();
        SearchResult r = index.search(new SearchRequest(text, null, null, limit, offset, order, indexFilters));
        if (!cases.isEmpty()) {
            // An indicator, type or other value no passage of the searched cases carries is a typo, not "0 hits": refused
            // as a plain search refuses it; words of the query are looked at only when it found nothing.
            SearchScope.requireCarried(index, null, cases, SearchScope.asked(plan.indexFilters(), text, r.total() == 0), r.facets());
        }
        // The case facet counts as if unfiltered by case: each place dimension counts with the other's filter only.
        Map<String, Integer> byCase = r.facets().getOrDefault(PassageSchema.CASE, Map.of());
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        facets.put(MUNICIPALITY, count(members, byCase, inCounty, CaseGroups.Member::municipality));
        facets.put(COUNTY, count(members, byCase, inMunicipality, CaseGroups.Member::county));
        r.facets().forEach((dim, values) -> {
            if (!dim.equals(MUNICIPALITY) && !dim.equals(PassageSchema.CASE)) {
                facets.put(dim, values);
            }
        });
        Map<String, Integer> visibleCases = new LinkedHashMap<>(byCase);
        Set<String> mine = Set.copyOf(members.stream().map(CaseGroups.Member::caseId).toList());
        visibleCases.keySet().retainAll(mine);
        facets.put(PassageSchema.CASE, visibleCases);
        Map<String, Integer> searched = new LinkedHashMap<>(byCase);
        searched.keySet().retainAll(Set.copyOf(cases));
        return new Result(text, plan.filters(), r, facets, searched);
    }

    /**
     * Refuses the first wanted value that no member has, matched as the filter matches it (a place in any case, a
     * case id exactly): {@code key}'s message names the value and the group; the English one lists what the group has.
     */
    private static void requireInGroup(String groupId, List<CaseGroups.Member> members, List<String> wanted,
                                       Function<CaseGroups.Member, String> of, String what, String key) {
        Set<String> has = new TreeSet<>(members.stream().map(of).toList());
        boolean place = !what.equals("case");
        for (String w : wanted) {
            if (place ? !matches(List.copyOf(has), w) : !has.contains(w)) {
                String plural = switch (what) {
                    case "county" -> "counties";
                    case "municipality" -> "municipalities";
                    default -> what + "s";
                };
                String list = has.isEmpty() ? "" : has.size() <= NAMED_IN_FULL ? " (its " + plural + ": " + String.join(", ", has) + ")"
                        // a nationwide audit's 357 municipalities in one line could not be read: those nearest the name asked
                        : " (its " + plural + " nearest to it: " + String.join(", ", SearchScope.closestFirst(w,
                                has.stream().collect(Collectors.toMap(h -> h, h -> 1)))) + "; " + has.size() + " in all)";
                throw new NotFound((place ? "no case of the group " + groupId + " is in the " + what + " " + w
                        : "the case " + w + " is not in the group " + groupId) + list, key, w, groupId);
            }
        }
    }

    private static Map<String, Integer> count(List<CaseGroups.Member> members, Map<String, Integer> byCase,
                                              Predicate<CaseGroups.Member> keep, Function<CaseGroups.Member, String> key) {
        Map<String, Integer> out = new TreeMap<>();
        for (CaseGroups.Member m : members) {
            int n = byCase.getOrDefault(m.caseId(), 0);
            if (keep.test(m) && n > 0) {
                out.merge(key.apply(m), n, Integer::sum);
            }
        }
        return out;
    }

    /** The query text without its {@code kommune:} and {@code fylke:} terms, which are added to {@code filters}. */
    static String takePlaces(String query, List<String> filters) {
        Matcher m = PLACE_TERM.matcher(query);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            filters.add(m.group(1).toLowerCase(Locale.ROOT) + ":" + unquote(m.group(2)));
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        return rest.toString().strip().replaceAll("\\s+", " ");
    }

    private static boolean matches(List<String> wanted, String value) {
        return wanted.stream().anyMatch(w -> w.equalsIgnoreCase(value));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }
}
