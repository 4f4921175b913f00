package no.evidens.pipeline.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import no.evidens.findings.CaseGroups;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.RequirementOut;
import no.evidens.pipeline.search.SearchOnlyIndex;

/**
 * The overview counts a finding under an indicator when a passage it quotes mentions the indicator: every quoted passage
 * is read from the index in one look-up (on SolrCloud one request where it was one per quotation), and the cells are
 * what they were.
 */
class GroupOverviewQuotationsTest {
    private static final String REQUIREMENT = "barnevernloven § 15-8";

    private static SearchHit hit(String passageId, List<String> indicators) {
        return new SearchHit(passageId, passageId.substring(0, passageId.indexOf('/')), "d", "d.txt", "journal", "T", "", 1, 0, 5,
                "tekst", 0f, List.of(), indicators, List.of(), List.of(), List.of());
    }

    private static EvidenceOut quoting(String passageId) {
        return new EvidenceOut(1, 1, "støtter", "tekst", "d.txt", null, passageId, passageId, "", "", "", null, "testar", "", "");
    }

    private static FindingOut avvik(int n, List<EvidenceOut> evidence) {
        return new FindingOut(n, "A" + n, "Avvik " + n, "avvik", n, "Kommunen sikrer ikke samarbeid",
                List.of(new RequirementOut("barnevernloven", List.of("15-8"), REQUIREMENT)), "", "utkast", "testar", "", "testar", "",
                evidence, 1, n, n);
    }

    @Test
    void theQuotedPassagesAreReadInOneLookUpAndCountUnderTheirIndicators() throws Exception {
        Codebook codebook = Codebook.defaults();
        String first = codebook.indicators().get(0).id();
        String second = codebook.indicators().get(1).id();
        Map<String, SearchHit> inIndex = new LinkedHashMap<>();
        inIndex.put("sak-1/d/0", hit("sak-1/d/0", List.of(first)));
        inIndex.put("sak-1/d/1", hit("sak-1/d/1", List.of(first, second)));
        inIndex.put("sak-2/d/0", hit("sak-2/d/0", List.of(second)));
        List<Collection<String>> batches = new ArrayList<>();
        SearchOnlyIndex index = new SearchOnlyIndex() {
            @Override
            public SearchResult search(SearchRequest request) {
                return new SearchResult(request.query(), 0, 1, List.of(), Map.of(), false);
            }

            @Override
            public Optional<SearchHit> passage(String passageId) {
                throw new AssertionError("read one at a time: " + passageId);
            }

            @Override
            public Map<String, SearchHit> passages(Collection<String> passageIds) {
                batches.add(List.copyOf(passageIds));
                Map<String, SearchHit> out = new LinkedHashMap<>();
                passageIds.stream().filter(inIndex::containsKey).forEach(id -> out.put(id, inIndex.get(id)));
                return out;
            }
        };
        List<CaseGroups.Member> members = List.of(new CaseGroups.Member("sak-1", "Bergen", "Vestland"),
                new CaseGroups.Member("sak-2", "Moss", "Østfold"), new CaseGroups.Member("sak-3", "Alta", "Finnmark"));
        Map<String, List<FindingOut>> findings = new LinkedHashMap<>();
        // sak-1: one avvik quoting two passages (both indicators), one quoting the first again and a passage gone from the index
        findings.put("sak-1", List.of(avvik(1, List.of(quoting("sak-1/d/0"), quoting("sak-1/d/1"))),
                avvik(2, List.of(quoting("sak-1/d/0"), quoting("sak-1/d/9")))));
        findings.put("sak-2", List.of(avvik(3, List.of(quoting("sak-2/d/0")))));
        findings.put("sak-3", List.of());
        CaseGroups.Group group = new CaseGroups.Group("g", "Gruppe", "testar", Instant.EPOCH, members);

        GroupOverview overview = GroupOverviews.build(group, members, index, findings, codebook);

        assertEquals(1, batches.size(), "one look-up for every quotation of the group");
        assertEquals(List.of("sak-1/d/0", "sak-1/d/1", "sak-1/d/0", "sak-1/d/9", "sak-2/d/0"), batches.get(0));
        GroupOverview.IndicatorRow one = overview.indicators().get(0);
        GroupOverview.IndicatorRow two = overview.indicators().get(1);
        assertEquals(Map.of("sak-1", new GroupOverview.Cell(0, 2)), one.cells());
        assertEquals(Map.of("sak-1", new GroupOverview.Cell(0, 1), "sak-2", new GroupOverview.Cell(0, 1)), two.cells());
        assertEquals(2, one.findings());
        assertEquals(2, two.findings());
    }
}
