package no.evidens.pipeline.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import no.evidens.findings.CaseGroups;
import no.evidens.findings.FindingKind;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.findings.NotFound;

/**
 * One page of a group's quotations, as a report writer of a nationwide audit (some 1,200 quotations at 357
 * municipalities) reads them: narrowed by county and municipality (the matrix's and the group search's {@code fylke} and
 * {@code kommune}, matched as they match, a place the group lacks refused as they refuse it), by legal requirement and
 * by kind of finding, or to those chosen; then cut to a page. Each narrowing is counted as facets are: a county's count
 * under every other filter but the county, so the choices offered beside the page say how many each would give.
 */
public final class GroupQuotations {
    /** The most quotations one page holds. */
    public static final int MAX_LIMIT = 500;

    private GroupQuotations() {
    }

    /**
     * What the writer asked for; a null or blank value asks for nothing.
     *
     * @param kind {@code avvik} or {@code merknad}
     */
    public record Filter(String county, String municipality, String requirement, String kind, boolean chosenOnly) {
        public static final Filter NONE = new Filter(null, null, null, null, false);

        public Filter {
            county = blankless(county);
            municipality = blankless(municipality);
            requirement = blankless(requirement);
            kind = blankless(kind) == null ? null : kind.strip().toLowerCase(Locale.ROOT);
            if (kind != null && !kind.equals(FindingKind.AVVIK.id()) && !kind.equals(FindingKind.MERKNAD.id())) {
                throw new Refusal("error.param.choice", "the kind of finding is avvik or merknad, not '" + kind + "'", "funn",
                        "avvik, merknad", kind);
            }
        }

        private static String blankless(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** How many quotations one value of a narrowing would give, with the others in force. */
    public record Count(String value, int quotations) {
    }

    /**
     * A page of quotations and the counts beside it.
     *
     * @param total          every quotation of the group's cases the user may read
     * @param matched        those the filter lets through (the page is a part of them)
     * @param chosen         of those matched, the ones chosen for the report
     * @param counties       each county's quotations under the other filters, by name
     * @param municipalities each municipality's (its label, as the overview's) under the other filters
     * @param requirements   each requirement's under the other filters
     */
    public record Page(Filter filter, int total, int matched, int chosen, int offset, int limit, List<Count> counties,
                       List<Count> municipalities, List<Count> requirements, List<GroupService.Candidate> items) {
        public Page {
            counties = List.copyOf(counties);
            municipalities = List.copyOf(municipalities);
            requirements = List.copyOf(requirements);
            items = List.copyOf(items);
        }
    }

    /**
     * Refuses a county or municipality none of the members has, in the group search's words ({@link GroupSearch#plan}),
     * and a requirement no finding of theirs rests on.
     */
    static void check(String groupId, List<CaseGroups.Member> members, Filter filter, List<GroupService.Candidate> all) {
        List<String> places = new java.util.ArrayList<>();
        if (filter.county() != null) {
            places.add(GroupSearch.COUNTY + ":" + filter.county());
        }
        // a label («Våler (Innlandet)», as the page's list names it) is the group's by construction
        boolean label = filter.municipality() != null
                && PlaceLabels.of(members).values().stream().anyMatch(l -> l.equalsIgnoreCase(filter.municipality()));
        if (filter.municipality() != null && !label) {
            places.add(GroupSearch.MUNICIPALITY + ":" + filter.municipality());
        }
        GroupSearch.plan(groupId, members, "", places);
        if (filter.requirement() != null && all.stream().noneMatch(c -> c.requirement().equalsIgnoreCase(filter.requirement()))) {
            throw new NotFound("no avvik or merknad of the group " + groupId + " rests on the requirement " + filter.requirement()
                    + " (see: evidens survey overview " + groupId + ")", "error.group-requirement", filter.requirement(), groupId);
        }
    }

    /** The page of {@code all} (in the page's order) that {@code filter} lets through, from {@code offset}. */
    static Page page(List<GroupService.Candidate> all, Filter filter, int offset, int limit) {
        Predicate<GroupService.Candidate> county = c -> filter.county() == null || c.county().equalsIgnoreCase(filter.county());
        // a municipality by its name (both Vålers) or by its label («Våler (Innlandet)»), as the overview names it
        Predicate<GroupService.Candidate> municipality = c -> filter.municipality() == null
                || c.municipality().equalsIgnoreCase(filter.municipality()) || c.place().equalsIgnoreCase(filter.municipality());
        Predicate<GroupService.Candidate> requirement = c -> filter.requirement() == null
                || c.requirement().equalsIgnoreCase(filter.requirement());
        Predicate<GroupService.Candidate> rest = c -> (filter.kind() == null || c.kind().equals(filter.kind()))
                && (!filter.chosenOnly() || c.chosen());
        List<GroupService.Candidate> matched = all.stream().filter(county.and(municipality).and(requirement).and(rest)).toList();
        int from = Math.min(offset, matched.size());
        int to = Math.min(from + limit, matched.size());
        return new Page(filter, all.size(), matched.size(), (int) matched.stream().filter(GroupService.Candidate::chosen).count(), offset,
                limit, counts(all, municipality.and(requirement).and(rest), GroupService.Candidate::county),
                counts(all, county.and(requirement).and(rest), GroupService.Candidate::place),
                counts(all, county.and(municipality).and(rest), GroupService.Candidate::requirement), matched.subList(from, to));
    }

    /** The cases whose quotations a page shows: only they were read, so only they get a line in the trail. */
    static Set<String> casesShown(Page page) {
        return Set.copyOf(page.items().stream().map(GroupService.Candidate::caseId).toList());
    }

    private static List<Count> counts(List<GroupService.Candidate> all, Predicate<GroupService.Candidate> keep,
                                      Function<GroupService.Candidate, String> key) {
        // counted by the value first, then put in the Norwegian order: 357 municipalities sorted once, not a collator's
        // comparisons for every one of 1,223 quotations (a fifth of the request's CPU before round 55)
        Map<String, Integer> byValue = new LinkedHashMap<>();
        all.stream().filter(keep).forEach(c -> byValue.merge(key.apply(c), 1, Integer::sum));
        Map<String, Integer> out = new TreeMap<>(java.text.Collator.getInstance(Locale.forLanguageTag("nb")));
        byValue.forEach((value, n) -> out.merge(value, n, Integer::sum));
        return out.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
