package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.findings.trail.AuditEntry;
import no.evidens.pipeline.findings.AuditCsv;

/**
 * The audit trail's CSV for the auditors (the workspace's download): every entry as recorded, an earlier
 * version's English included (the hashes cover it; the trail is never rewritten), and last its detail in
 * today's Bokmål words. The command line's CSV keeps the recorded columns alone.
 */
class AuditCsvWordingTest {
    private static final List<AuditEntry> ENTRIES = List.of(
            new AuditEntry(1, Instant.parse("2026-01-05T10:00:00Z"), "ola", "show-document", "sak-1", "file", "1acc467555cf747e",
                    "journal, workspace page 3", "0", "h1"),
            new AuditEntry(2, Instant.parse("2026-01-05T10:01:00Z"), "ola", "search", "sak-1", null, null, "=ansvarsgruppe, 12 hits", "h1", "h2"),
            new AuditEntry(3, Instant.parse("2026-01-05T10:02:00Z"), "leder", "finding-approve", "sak-1", "finding", "avvik-1",
                    "godkjent, versjon 4", "h2", "h3"));

    @Test
    void theWorkspacesCsvKeepsEachEntryAsRecordedAndAddsTodaysWords() {
        List<String> lines = AuditCsv.write(ENTRIES, TrailWording::today).lines().toList();
        assertEquals("id,time,user,action,case,target_kind,target,detail,prev_hash,hash,detail_text", lines.get(0));
        assertEquals("1,2026-01-05T10:00:00Z,ola,show-document,sak-1,file,1acc467555cf747e,\"journal, workspace page 3\",0,h1,"
                + "\"journal, arbeidsflaten, side 3\"", lines.get(1));
        // a query typed as a formula stays text in both columns
        assertEquals("2,2026-01-05T10:01:00Z,ola,search,sak-1,,,\"'=ansvarsgruppe, 12 hits\",h1,h2,\"'=ansvarsgruppe, 12 treff\"",
                lines.get(2));
        assertEquals("3,2026-01-05T10:02:00Z,leder,finding-approve,sak-1,finding,avvik-1,\"godkjent, versjon 4\",h2,h3,\"godkjent, versjon 4\"",
                lines.get(3));
    }

    @Test
    void theCommandLinesCsvIsAsBefore() {
        List<String> lines = AuditCsv.write(ENTRIES).lines().toList();
        assertEquals("id,time,user,action,case,target_kind,target,detail,prev_hash,hash", lines.get(0));
        assertEquals("2,2026-01-05T10:01:00Z,ola,search,sak-1,,,\"'=ansvarsgruppe, 12 hits\",h1,h2", lines.get(2));
    }
}
