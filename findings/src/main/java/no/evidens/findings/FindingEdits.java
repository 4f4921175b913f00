package no.evidens.findings;

import static no.evidens.findings.HistoryRows.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The changes of a finding itself: made with the next number of its kind, edited, taken through review,
 * deleted (the later ones moving up). Each with its history row, inside a transaction the caller holds.
 */
final class FindingEdits {
    private final Connection c;
    private final FindingRows findings;
    private final HistoryRows history;
    private final EvidenceRows evidence;

    FindingEdits(Connection c, FindingRows findings, EvidenceRows evidence, HistoryRows history) {
        this.c = c;
        this.findings = findings;
        this.evidence = evidence;
        this.history = history;
    }

    /** A new finding with the next number of its kind in the (open) case. */
    Finding create(String caseId, FindingKind kind, FindingDraft draft, String actor) throws SQLException {
        CaseLifecycle.requireOpen(c, caseId);
        int number = findings.nextNumber(caseId, kind);
        Instant now = Jdbc.now();
        long id = findings.insert(caseId, kind, number, draft, actor, now, actor, now);
        Finding f = findings.byId(id).orElseThrow();
        history.add(f, null, "create", actor, now, null, snapshot(f));
        return f;
    }

    Finding edit(Finding finding, FindingDraft changes, String actor, Integer expectedVersion) throws SQLException {
        Finding before = findings.lockUnlocked(finding.id(), expectedVersion);
        if (unchanged(before, changes)) {
            // Nothing to change: no new version and no history line (a stale version was refused above all the same).
            return before;
        }
        Instant now = Jdbc.now();
        findings.update(before.id(), changes.title() != null ? changes.title() : before.title(),
                changes.text() != null ? changes.text() : before.text(), changes.status() != null ? changes.status() : before.status(),
                changes.requirements(), actor, now);
        Finding after = findings.byId(before.id()).orElseThrow();
        history.add(after, null, "edit", actor, now, snapshot(before), snapshot(after));
        return after;
    }

    /** Whether every field the change names already holds what it asks for. */
    private static boolean unchanged(Finding before, FindingDraft changes) {
        return (changes.title() == null || changes.title().equals(before.title()))
                && (changes.text() == null || changes.text().equals(before.text()))
                && (changes.status() == null || changes.status().equals(before.status()))
                && (changes.requirements() == null || changes.requirements().equals(before.requirements()));
    }

    Finding review(Finding finding, ReviewStep step, boolean lead, String actor, Integer expectedVersion) throws SQLException {
        Finding before = findings.lock(finding.id(), expectedVersion);
        step.check(before, lead);
        Instant now = Jdbc.now();
        findings.update(before.id(), before.title(), before.text(), step.to(), null, actor, now);
        Finding after = findings.byId(before.id()).orElseThrow();
        history.add(after, null, step.action(), actor, now, snapshot(before), snapshot(after));
        return after;
    }

    void delete(Finding finding, String actor, Integer expectedVersion) throws SQLException {
        Finding before = findings.lockUnlocked(finding.id(), expectedVersion);
        Instant now = Jdbc.now();
        List<EvidenceItem> items = evidence.of(before.id());
        findings.delete(before.id());
        Map<String, Object> gone = snapshot(before);
        gone.put("evidence", items.stream().map(HistoryRows::snapshot).toList());
        history.add(before, null, "delete", actor, now, gone, null);
        List<Finding> later = findings.ofCase(before.caseId()).stream()
                .filter(f -> f.kind() == before.kind() && f.number() > before.number())
                .sorted(Comparator.comparingInt(Finding::number)).toList();
        for (Finding f : later) {
            findings.renumber(f.id(), f.number() - 1);
            Finding renumbered = findings.byId(f.id()).orElseThrow();
            history.add(renumbered, null, "renumber", actor, now, Map.of("ref", f.ref()), Map.of("ref", renumbered.ref()));
        }
    }
}
