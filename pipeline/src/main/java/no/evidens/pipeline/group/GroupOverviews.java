package no.evidens.pipeline.group;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import no.evidens.findings.CaseGroups;
import no.evidens.findings.FindingKind;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.RequirementOut;

/** Works out a group's {@link GroupOverview} from the index (passages) and the findings of its cases. */
final class GroupOverviews {
    private GroupOverviews() {
    }

    /**
     * @param members  the group's cases the user may read
     * @param findings each of those cases' findings with their quotations
     */
    static GroupOverview build(CaseGroups.Group group, List<CaseGroups.Member> members, EvidenceIndex index,
                               Map<String, List<FindingOut>> findings, Codebook codebook) throws IOException {
        List<String> caseIds = members.stream().map(CaseGroups.Member::caseId).toList();
        Map<String, Set<String>> indicatorsOfFinding = indicatorsOfFindings(index, findings);
        List<GroupOverview.IndicatorRow> rows = new ArrayList<>();
        for (IndicatorDefinition ind : codebook.indicators()) {
            Map<String, Integer> passages = passagesPerCase(index, ind.id(), caseIds);
            Map<String, GroupOverview.Cell> cells = new LinkedHashMap<>();
            int totalPassages = 0;
            int totalFindings = 0;
            for (String c : caseIds) {
                int p = passages.getOrDefault(c, 0);
                int f = (int) findings.getOrDefault(c, List.of()).stream()
                        .filter(x -> indicatorsOfFinding.getOrDefault(c + "/" + x.ref(), Set.of()).contains(ind.id().toLowerCase(Locale.ROOT)))
                        .count();
                if (p > 0 || f > 0) {
                    cells.put(c, new GroupOverview.Cell(p, f));
                }
                totalPassages += p;
                totalFindings += f;
            }
            rows.add(new GroupOverview.IndicatorRow(ind.id(), ind.label(), totalPassages, totalFindings, cells));
        }
        List<GroupOverview.Place> places = new ArrayList<>();
        Map<String, Municipalities> byRequirement = new TreeMap<>();
        Map<String, String> lawOf = new HashMap<>();
        Map<String, String> labels = PlaceLabels.of(members);
        for (CaseGroups.Member m : members) {
            String label = labels.get(m.caseId());
            int avvik = 0;
            int merknader = 0;
            for (FindingOut f : findings.getOrDefault(m.caseId(), List.of())) {
                boolean isAvvik = f.kind().equals(FindingKind.AVVIK.id());
                if (!isAvvik && !f.kind().equals(FindingKind.MERKNAD.id())) {
                    continue;
                }
                if (isAvvik) {
                    avvik++;
                } else {
                    merknader++;
                }
                for (RequirementOut r : f.requirements()) {
                    String key = citation(r);
                    lawOf.putIfAbsent(key, r.law());
                    Municipalities having = byRequirement.computeIfAbsent(key, k -> new Municipalities(new LinkedHashSet<>(), new LinkedHashSet<>()));
                    (isAvvik ? having.avvik() : having.merknad()).add(label);
                }
            }
            places.add(new GroupOverview.Place(m.caseId(), m.municipality(), m.county(), avvik, merknader, label));
        }
        List<GroupOverview.RequirementRow> requirements = new ArrayList<>();
        byRequirement.forEach((req, pair) -> requirements.add(
                new GroupOverview.RequirementRow(req, lawOf.get(req), List.copyOf(pair.avvik()), List.copyOf(pair.merknad()))));
        requirements.sort(Comparator.comparingInt((GroupOverview.RequirementRow r) -> -r.avvik().size())
                .thenComparingInt(r -> -r.merknad().size()));
        List<String> without = places.stream().filter(p -> p.avvik() == 0 && p.merknader() == 0).map(GroupOverview.Place::label).toList();
        int withAvvik = (int) places.stream().filter(p -> p.avvik() > 0).count();
        int merknadOnly = (int) places.stream().filter(p -> p.avvik() == 0 && p.merknader() > 0).count();
        GroupOverview.Totals totals = new GroupOverview.Totals(places.size(), withAvvik, merknadOnly, without.size(),
                places.stream().mapToInt(GroupOverview.Place::avvik).sum(), places.stream().mapToInt(GroupOverview.Place::merknader).sum());
        return new GroupOverview(group.id(), group.title(), totals, places, rows, requirements, without);
    }

    /** A requirement as a report cites it: {@code barnevernloven § 15-8} (as written when it names no section). */
    static String citation(RequirementOut r) {
        return r.sections().isEmpty() ? r.text() : r.law() + " § " + String.join(", ", r.sections());
    }

    /** The municipalities that got an avvik, and a merknad, on one requirement, in the order met. */
    private record Municipalities(Set<String> avvik, Set<String> merknad) {
    }

    /** Passages mentioning the indicator, per case: the case facet of one search over the group's cases. */
    private static Map<String, Integer> passagesPerCase(EvidenceIndex index, String indicator, List<String> caseIds) throws IOException {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        SearchResult r = index.search(new SearchRequest("indikator:\"" + indicator + "\"", null, null, 1, 0,
                SearchRequest.Order.RELEVANCE, Map.of(PassageSchema.CASE, caseIds)));
        return r.total() == 0 ? Map.of() : r.facets().getOrDefault(PassageSchema.CASE, Map.of());
    }

    /**
     * The indicators the passages quoted by each finding mention, by {@code case/ref}: every quoted passage read in one
     * look-up ({@link EvidenceIndex#passages}); one look-up per quotation was some 700 at 357 municipalities.
     */
    private static Map<String, Set<String>> indicatorsOfFindings(EvidenceIndex index, Map<String, List<FindingOut>> findings) throws IOException {
        List<String> quoted = findings.values().stream().flatMap(List::stream).flatMap(f -> f.evidence().stream())
                .map(EvidenceOut::passageId).filter(java.util.Objects::nonNull).toList();
        Map<String, SearchHit> passages = index.passages(quoted);
        Map<String, Set<String>> out = new HashMap<>();
        for (Map.Entry<String, List<FindingOut>> e : findings.entrySet()) {
            for (FindingOut f : e.getValue()) {
                Set<String> ids = new LinkedHashSet<>();
                for (EvidenceOut q : f.evidence()) {
                    SearchHit hit = q.passageId() == null ? null : passages.get(q.passageId());
                    if (hit != null) {
                        hit.indicators().forEach(i -> ids.add(i.toLowerCase(Locale.ROOT)));
                    }
                }
                out.put(e.getKey() + "/" + f.ref(), ids);
            }
        }
        return out;
    }
}
