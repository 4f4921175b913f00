package no.evidens.findings;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A case's findings, evidence and history exported from another store, written here with this store's own ids. */
final class CaseImport {
    private final FindingRows findings;
    private final EvidenceRows evidence;
    private final HistoryRows history;

    CaseImport(FindingRows findings, EvidenceRows evidence, HistoryRows history) {
        this.findings = findings;
        this.evidence = evidence;
        this.history = history;
    }

    /** Numbers, the report's order, authors and times are kept; refuses a case that already has findings here. */
    void run(String caseId, List<ImportedFinding> imported, List<HistoryEntry> entries, String actor) throws SQLException {
        findings.lockPlaces(caseId); // a finding created here meanwhile is counted below, not given a place of the import's
        if (findings.count(caseId) > 0) {
            throw new FindingsRefusal("error.import.has-findings", "case " + caseId + " already has findings in this store;"
                    + " import it under another case (--case) or delete them first", caseId);
        }
        Map<Long, Long> findingIds = new HashMap<>();
        Map<Long, Long> evidenceIds = new HashMap<>();
        int place = 0;
        for (ImportedFinding imp : imported) {
            Finding f = imp.finding();
            // the report's order is the order of the export, which wrote them in it
            long id = findings.insert(caseId, f.kind(), f.number(), ++place, new FindingDraft(f.title(), f.requirements(), f.text(), f.status()),
                    f.createdBy(), f.createdAt(), f.updatedBy(), f.updatedAt());
            findingIds.put(f.id(), id);
            int position = 1;
            for (EvidenceItem e : imp.evidence()) {
                evidenceIds.put(e.id(), evidence.insert(id, position++, e.evidence(), e.addedBy(), e.addedAt()));
            }
        }
        for (HistoryEntry h : entries) {
            history.add(caseId, h.findingId() == null ? null : findingIds.get(h.findingId()), h.findingRef(),
                    h.evidenceId() == null ? null : evidenceIds.get(h.evidenceId()), h.action(), h.actor(), h.at(), h.before(), h.after());
        }
        history.add(caseId, null, null, null, "import", actor, Jdbc.now(), null,
                Jdbc.json(Map.of("findings", imported.size(), "historyEntries", entries.size())));
    }
}
