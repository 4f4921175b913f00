package no.evidens.pipeline.group;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import no.evidens.findings.CaseGroups;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.index.SearchRequest;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.SourceWords;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.findings.SearcherSource;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;
import no.evidens.pipeline.store.HomeStores;

/**
 * Groups of cases audited together (a nationwide audit), as the command line and the web workspace use
 * them: making a group and adding its cases, searching across them, the group overview, the quotations
 * chosen for the summary report, and the report's content. A user sees only the cases of a group they
 * may read ({@code readable}: null for all of them).
 */
public final class GroupService {
    /** The group report's and the quotations page's words for a source (the report is written in Bokmål). */
    private static final Texts BOKMAL = Texts.of(Language.NB);
    private final EvidensHome home;
    private final SearcherSource index;
    private final FindingsService findings;
    private final Duration lockWait;

    public GroupService(EvidensHome home, SearcherSource index, FindingsService findings, Duration lockWait) {
        this.home = home;
        this.index = index;
        this.findings = findings;
        this.lockWait = lockWait;
    }

    private <T> T inStore(Function<CaseGroups, T> work) {
        try (FindingStore store = HomeStores.of(home).findings(lockWait)) {
            return work.apply(store.groups());
        }
    }

    public CaseGroups.Group create(String id, String title, String actor) {
        CaseGroups.Group g = inStore(groups -> groups.create(id, title, actor));
        findings.audit().record(actor, "group-create", null, "group", id, null);
        return g;
    }

    /** Adds a case (or changes its municipality and county). */
    public CaseGroups.Group add(String groupId, String caseId, String municipality, String county, String actor) {
        CaseGroups.Member member = new CaseGroups.Member(caseId, municipality, county);
        CaseGroups.Group g = inStore(groups -> groups.add(groupId, member, actor));
        findings.audit().record(actor, "group-add", caseId, "group", groupId, municipality + ", " + county);
        return g;
    }

    public CaseGroups.Group remove(String groupId, String caseId, String actor) {
        CaseGroups.Group g = inStore(groups -> groups.remove(groupId, caseId));
        findings.audit().record(actor, "group-remove", caseId, "group", groupId, null);
        return g;
    }

    public List<CaseGroups.Group> list() {
        return inStore(CaseGroups::list);
    }

    /** @throws NotFound when there is no such group */
    public CaseGroups.Group group(String id) {
        return inStore(groups -> groups.group(id)).orElseThrow(() -> new NotFound("there is no group " + id + " (see: evidens survey list)", "error.group-unknown", id));
    }

    /** The group's cases the user may read. */
    public static List<CaseGroups.Member> visible(CaseGroups.Group g, Set<String> readable) {
        return g.cases().stream().filter(m -> readable == null || readable.contains(m.caseId())).toList();
    }

    /** Searches every case of the group the user may read; {@code kommune:} and {@code fylke:} filter by place. */
    public GroupSearch.Result search(String groupId, Set<String> readable, String query, List<String> filters, int limit, int offset,
                                     SearchRequest.Order order) throws IOException {
        List<CaseGroups.Member> members = visible(group(groupId), readable);
        // a filter the group cannot answer is refused before the index is opened
        GroupSearch.Plan plan = GroupSearch.plan(groupId, members, query, filters);
        try (SearcherSource.Lease lease = index.lease()) {
            return GroupSearch.search(lease.searcher(), members, plan, limit, offset, order);
        }
    }

    public GroupOverview overview(String groupId, Set<String> readable) throws IOException {
        return read(groupId, readable).overview();
    }

    /** A group's overview and the findings it was worked out from, by case. */
    private record Read(GroupOverview overview, Map<String, List<FindingOut>> findings) {
    }

    private Read read(String groupId, Set<String> readable) throws IOException {
        CaseGroups.Group g = group(groupId);
        List<CaseGroups.Member> members = visible(g, readable);
        Map<String, List<FindingOut>> byCase = findings.list(members.stream().map(CaseGroups.Member::caseId).toList());
        Codebook codebook = Codebook.resolve(null, home.root());
        try (SearcherSource.Lease lease = index.lease()) {
            return new Read(GroupOverviews.build(g, members, lease.searcher(), byCase, codebook), byCase);
        }
    }

    /**
     * Marks a quotation of a case as chosen for a group's summary report, or takes the mark away. The choice is the
     * group's: the case's other groups keep theirs.
     *
     * @throws NotFound when there is no such group, the case is not in it, or the case has no such quotation
     */
    public void choose(String groupId, String caseId, long evidenceId, boolean chosen, String actor) {
        if (!group(groupId).caseIds().contains(caseId)) {
            throw new NotFound("the case " + caseId + " is not in the group " + groupId + " (see: evidens survey list)", "error.group-case",
                    caseId, groupId);
        }
        try (FindingStore store = HomeStores.of(home).findings(lockWait)) {
            EvidenceItem item;
            try {
                item = store.item(evidenceId);
            } catch (IllegalArgumentException e) {
                throw new NotFound("case " + caseId + " has no quotation #" + evidenceId, "error.quotation-unknown", evidenceId);
            }
            boolean inCase = store.findingById(item.findingId()).map(f -> f.caseId().equals(caseId)).orElse(false);
            if (!inCase) {
                throw new NotFound("case " + caseId + " has no quotation #" + evidenceId, "error.quotation-unknown", evidenceId);
            }
            store.groups().choose(groupId, evidenceId, chosen, actor);
        }
        findings.audit().record(actor, chosen ? "report-choose" : "report-unchoose", caseId, "quotation", "#" + evidenceId, "gruppe " + groupId);
    }

    /**
     * A quotation of a finding on a requirement, that the writer may choose for the report; {@code place} names its
     * municipality as the overview does (with the county where two of the group share the name), {@code source} is its
     * source in words, with the e-mail or archive a document came in.
     */
    public record Candidate(String requirement, String caseId, String municipality, String county, String place, String finding,
                            String label, String kind, long item, String quote, String source, boolean chosen) {
    }

    /** Every quotation of the avvik and merknader of the group's cases the user may read, by requirement, chosen or not. */
    public List<Candidate> quotations(String groupId, Set<String> readable) {
        return collect(group(groupId), readable).candidates();
    }

    /**
     * A page of them as {@code filter} narrows them, shown to {@code actor} (null: to no one, nothing recorded): each case
     * whose quotations from journals or client records are on the page gets its {@code show-quotations} line in the trail
     * ({@code via} says where), as the findings page's do, naming only the findings and documents the page quotes; a case
     * the page leaves out was not read and gets none.
     *
     * @throws NotFound when the group has no such county, municipality or requirement (the group search's words)
     */
    public GroupQuotations.Page quotations(String groupId, Set<String> readable, String actor, String via, GroupQuotations.Filter filter,
                                           int offset, int limit) {
        CaseGroups.Group g = group(groupId);
        Collected all = collect(g, readable);
        GroupQuotations.check(g.id(), visible(g, readable), filter, all.candidates());
        GroupQuotations.Page page = GroupQuotations.page(all.candidates(), filter, offset, limit);
        if (actor != null) {
            Set<Long> items = new java.util.HashSet<>(page.items().stream().map(Candidate::item).toList());
            Set<String> cases = GroupQuotations.casesShown(page);
            List<AuditEvent> shownTo = new ArrayList<>();
            for (String caseId : all.findings().keySet()) {
                if (!cases.contains(caseId)) {
                    continue;
                }
                // each finding as the page shows it: only its quotations on the page
                List<FindingOut> shown = all.findings().get(caseId).stream().map(f -> onlyQuoting(f, items))
                        .filter(f -> !f.evidence().isEmpty()).toList();
                findings.audit().quotationsShownEvent(actor, caseId, shown, via).ifPresent(shownTo::add);
            }
            // each case's line in the trail, written together: one at a time, 357 cases took seconds
            findings.audit().recordAll(shownTo);
        }
        return page;
    }

    private static FindingOut onlyQuoting(FindingOut f, Set<Long> items) {
        List<EvidenceOut> evidence = f.evidence().stream().filter(e -> items.contains(e.id())).toList();
        return new FindingOut(f.id(), f.ref(), f.label(), f.kind(), f.number(), f.title(), f.requirements(), f.text(), f.status(),
                f.createdBy(), f.createdAt(), f.updatedBy(), f.updatedAt(), evidence, f.version(), f.position(), f.reportNumber());
    }

    /** The quotations of a group's cases, in the page's order, and the avvik and merknader they were read from, by case. */
    private record Collected(List<Candidate> candidates, Map<String, List<FindingOut>> findings) {
    }

    private Collected collect(CaseGroups.Group g, Set<String> readable) {
        Set<Long> chosen = inStore(groups -> groups.chosen(g.id()));
        List<Candidate> out = new ArrayList<>();
        List<CaseGroups.Member> members = visible(g, readable);
        Map<String, List<FindingOut>> byCase = findings.list(members.stream().map(CaseGroups.Member::caseId).toList());
        Map<String, List<FindingOut>> shownByCase = new LinkedHashMap<>();
        Map<String, String> places = PlaceLabels.of(members);
        for (CaseGroups.Member m : members) {
            List<FindingOut> shown = byCase.get(m.caseId()).stream().filter(f -> !f.kind().equals("observasjon")).toList();
            shownByCase.put(m.caseId(), shown);
            for (FindingOut f : shown) {
                for (CaseExport.RequirementOut r : f.requirements()) {
                    for (EvidenceOut e : f.evidence()) {
                        out.add(new Candidate(GroupOverviews.citation(r), m.caseId(), m.municipality(), m.county(), places.get(m.caseId()),
                                f.ref(), f.label(), f.kind(), e.id(), e.quote(), SourceWords.source(e, BOKMAL), chosen.contains(e.id())));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Candidate::requirement).thenComparing(c -> !c.chosen()).thenComparing(Candidate::place));
        return new Collected(out, shownByCase);
    }

    /** The quotations of the group's cases chosen for its report (for this group: another group of a case has its own). */
    public Set<Long> chosen(String groupId) {
        return chosen(groupId, null);
    }

    /** The same, of the group's cases the user may read ({@code readable}: null for all of them). */
    public Set<Long> chosen(String groupId, Set<String> readable) {
        CaseGroups.Group g = group(groupId);
        return inStore(groups -> groups.chosen(g.id(), readable));
    }

    /** Records in the audit trail that a group's report was exported (once for the group, naming its cases' count). */
    public void exported(GroupReport report, String format, String name, String actor) {
        findings.audit().record(actor, "group-export", null, "export", name, report.overview().group() + ", " + format + ", "
                + report.overview().municipalities().size() + " saker" + (report.anonymised() ? ", anonymisert" : ", ikke anonymisert"));
    }

    /** The summary report's content: the overview, and each requirement's chosen quotations (anonymised on request). */
    public GroupReport report(String groupId, Set<String> readable, boolean anonymise, String actor) throws IOException {
        Read read = read(groupId, readable);
        GroupOverview overview = read.overview();
        Set<Long> chosen = chosen(groupId);
        Map<String, List<GroupReport.Example>> examples = new LinkedHashMap<>();
        for (GroupOverview.Place p : overview.municipalities()) {
            // Only a case that holds a chosen quotation is exported (anonymised, on request) for its examples: a report of 357
            // municipalities quotes a dozen of them, and exported every case with a finding before round 53.
            boolean quoted = p.avvik() + p.merknader() > 0 && read.findings().getOrDefault(p.caseId(), List.of()).stream()
                    .anyMatch(f -> f.evidence().stream().anyMatch(e -> chosen.contains(e.id())));
            if (!quoted) {
                continue;
            }
            CaseExport export = findings.reports().export(p.caseId(), anonymise, actor);
            for (FindingOut f : export.findings()) {
                for (EvidenceOut e : f.evidence()) {
                    if (!chosen.contains(e.id())) {
                        continue;
                    }
                    for (CaseExport.RequirementOut r : f.requirements()) {
                        examples.computeIfAbsent(GroupOverviews.citation(r), k -> new ArrayList<>())
                                .add(new GroupReport.Example(p.label(), f.label(), e.quote(), SourceWords.source(e, BOKMAL)));
                    }
                }
            }
        }
        return new GroupReport(overview, anonymise, actor, Instant.now().toString(), examples);
    }
}
