package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.index.SearchHit;
import no.evidens.pipeline.EvidensHome;

/**
 * Which findings quote a search's hits, as the workspace shows them: the quotations kept between searches
 * never hide a change, whether this service made it (the server, in another request) or another one did (a
 * command in another process, which has its own service and shares only the store and its stamp).
 */
class UsedByTest {
    private static final String CASE = "sak-1";
    private static final SearcherSource NO_INDEX = () -> {
        throw new IllegalStateException("no index in this test");
    };

    @TempDir
    Path root;

    private static SearchHit hit(int n) {
        return new SearchHit(CASE + "/doc/" + n, CASE, "doc", "f.pdf", "styringsdokument", "T", "", 1, n * 100, n * 100 + 90, "",
                0f, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static EvidenceDraft quote(int first, int last) {
        int start = first * 100 + 5;
        int end = last * 100 + 20;
        return new EvidenceDraft(CASE + "/doc/" + first, CASE + "/doc/" + last, "doc", start, end, "x".repeat(end - start), "T", "f.pdf",
                "styringsdokument", 1, 1, "00", null, null, null, null);
    }

    /** A finding with a quotation, written to the store past the services (as an older version might). */
    private long quoted(EvidensHome home, String title, int first, int last) {
        try (FindingStore store = FindingStore.open(FindingsService.storeDir(home))) {
            EvidenceItem item = store.createWithEvidence(CASE, FindingKind.AVVIK, new FindingDraft(title, List.of(), "", null), quote(first, last),
                    "ola");
            return item.id();
        }
    }

    private static List<String> refs(Map<String, List<FindingsService.UsedBy>> used, int passage) {
        return used.getOrDefault(CASE + "/doc/" + passage, List.of()).stream().map(FindingsService.UsedBy::ref).toList();
    }

    @Test
    void aChangeByAnotherProcessShowsInTheNextSearch() {
        EvidensHome home = new EvidensHome(root);
        long first = quoted(home, "Ingen plan", 1, 2);
        FindingsService server = new FindingsService(home, NO_INDEX, Duration.ofSeconds(20));
        FindingsService command = new FindingsService(home, NO_INDEX, Duration.ofSeconds(20));
        List<SearchHit> hits = List.of(hit(0), hit(1), hit(2), hit(3));

        Map<String, List<FindingsService.UsedBy>> used = server.usedBy(hits);
        assertEquals(List.of("avvik-1"), refs(used, 1));
        assertEquals(List.of("avvik-1"), refs(used, 2), "a quotation running through two passages is used by both");
        assertTrue(refs(used, 0).isEmpty());
        assertEquals(first, used.get(CASE + "/doc/1").get(0).item());

        // Another process detaches it: the server's next search no longer says the passage is used.
        command.detach(CASE, first, "ola");
        assertTrue(server.usedBy(hits).isEmpty());
        assertTrue(server.evidenceIn(CASE, "doc").isEmpty());

        // Two more findings (avvik-2 and avvik-3); the other process deletes avvik-1: they move up one number, at once.
        quoted(home, "Ingen koordinator", 0, 0);
        quoted(home, "Ingen oversikt", 3, 3);
        command.edit(CASE, "avvik-2", new FindingDraft(null, null, "Endret.", null), "ola");
        assertEquals(List.of("avvik-3"), refs(server.usedBy(hits), 3));
        command.delete(CASE, "avvik-1", "ola");
        used = server.usedBy(hits);
        assertEquals(List.of("avvik-1"), refs(used, 0));
        assertEquals(List.of("avvik-2"), refs(used, 3));
        assertEquals(List.of("Avvik 1", "Avvik 2"), server.evidenceIn(CASE, "doc").stream().map(FindingsService.Quoted::label).toList());
    }

    @Test
    void aChangeByTheServerItselfShowsInItsNextSearch() {
        EvidensHome home = new EvidensHome(root);
        long item = quoted(home, "Ingen plan", 1, 1);
        FindingsService server = new FindingsService(home, NO_INDEX, Duration.ofSeconds(20));
        assertEquals(List.of("avvik-1"), refs(server.usedBy(List.of(hit(1))), 1));
        server.withTrailWriter(null).move(CASE, item, null, 1, "ola");
        assertEquals(List.of("avvik-1"), refs(server.usedBy(List.of(hit(1))), 1));
        server.detach(CASE, item, "ola");
        assertTrue(server.usedBy(List.of(hit(1))).isEmpty());
    }
}
