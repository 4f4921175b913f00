package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
}
