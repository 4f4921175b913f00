package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.trail.AuditEntry;
import no.evidens.pipeline.EvidensHome;

/**
 * A search's entry in the audit trail keeps its words but not a national identity number typed into it: the trail is
 * append-only and outlives the case's deleted records (the README walk of round 40). The numbers are made up, with valid
 * check digits.
 */
class AuditSearchDetailTest {
    @TempDir
    Path root;

    @Test
    void aFodselsnummerInTheQueryOrAFilterIsMaskedInTheTrail() {
        AuditService audit = new AuditService(new EvidensHome(root), Duration.ofSeconds(10));
        audit.searched("ola", "fjordvik-2026", "Kari Nordmann 15038523462", null, 0);
        audit.searched("ola", "fjordvik-2026", "bekymring", "sitat:150385 23462", 2);
        audit.searched("ola", "fjordvik-2026", "koordinator 12345678901", "type:journal", 3);
        List<String> details = audit.entries("fjordvik-2026", null, null).stream().map(AuditEntry::detail).toList();
        assertEquals(List.of("«Kari Nordmann [fødselsnummer]», 0 treff", "«bekymring» sitat:[fødselsnummer], 2 treff",
                "«koordinator 12345678901» type:journal, 3 treff"), details, "an 11-digit number with wrong check digits stays");
    }

    /**
     * Round 55: a search over several cases is a line in each case it found passages in, with that case's hits, so the
     * trail a case's lead reads shows it; one that found nothing anywhere stays one line of no case.
     */
    @Test
    void aSearchOverSeveralCasesIsInTheTrailOfEachCaseItFoundPassagesIn() {
        AuditService audit = new AuditService(new EvidensHome(root), Duration.ofSeconds(10));
        Map<String, Integer> hits = new LinkedHashMap<>();
        hits.put("solvik-2026", 4);
        hits.put("fjordvik-2026", 3);
        hits.put("nordvik-2026", 0);
        audit.searched("leser", hits, "koordinator", "type:journal");
        audit.searched("leser", Map.of("fjordvik-2026", 0), "ingenting", null);
        assertEquals(List.of("«koordinator» type:journal, 3 treff"), details(audit, "fjordvik-2026"));
        assertEquals(List.of("«koordinator» type:journal, 4 treff"), details(audit, "solvik-2026"));
        assertEquals(List.of(), details(audit, "nordvik-2026"), "nothing of a case without hits was shown");
        List<AuditEntry> all = audit.entries(null, "leser", null);
        assertEquals(3, all.size(), all.toString());
        assertEquals(null, all.get(2).caseId(), "a search that found nothing is still recorded, under no case");
        assertEquals("«ingenting», 0 treff", all.get(2).detail());
    }

    private static List<String> details(AuditService audit, String caseId) {
        return audit.entries(caseId, null, null).stream().map(AuditEntry::detail).toList();
    }
}
