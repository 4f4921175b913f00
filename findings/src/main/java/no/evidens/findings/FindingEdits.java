package no.evidens.findings;

import static no.evidens.findings.HistoryRows.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
        findings.lockPlaces(caseId);
        int number = findings.nextNumber(caseId, kind);
        int position = findings.placeFor(caseId, kind);
        findings.makeRoom(caseId, position);
        Instant now = Jdbc.now();
        long id = findings.insert(caseId, kind, number, position, draft, actor, now, actor, now);
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

    /**
     * Puts findings of one case at a place in its report, one after the other in the order given; the others keep their
     * order around them. Each finding whose place changed gets a new version and a history row (its place and its name in
     * the report, before and after); the others' places move without a new version, as when a finding is created before
     * them. An approved finding is locked as for any edit; one moved past it keeps its approval.
     *
     * @param position        the place of the first (1 = first; past the end: last)
     * @param expectedVersion the version the move was asked on, for a single finding; null to take it as it is
     * @return the case's findings in their new order
     */
    List<Finding> order(List<Finding> moving, int position, String actor, Integer expectedVersion) throws SQLException {
        for (String caseId : moving.stream().map(Finding::caseId).distinct().sorted().toList()) {
            findings.lockPlaces(caseId);
        }
        List<Finding> locked = new ArrayList<>();
        // the rows are locked in the order of their ids, as a quotation's move does, so two moves cannot deadlock
        for (Finding f : moving.stream().sorted(Comparator.comparingLong(Finding::id)).toList()) {
            locked.add(findings.lockUnlocked(f.id(), moving.size() == 1 ? expectedVersion : null));
        }
        String caseId = locked.get(0).caseId();
        if (locked.stream().anyMatch(f -> !f.caseId().equals(caseId))) {
            throw new FindingsRefusal("error.order.other-case", "the findings to order are of more than one case");
        }
        List<Finding> before = findings.ofCase(caseId);
        List<Long> ids = moving.stream().map(Finding::id).distinct().toList();
        List<Long> order = new ArrayList<>(before.stream().map(Finding::id).filter(id -> !ids.contains(id)).toList());
        order.addAll(Math.max(0, Math.min(order.size(), position - 1)), ids);
        for (int i = 0; i < order.size(); i++) {
            findings.place(order.get(i), i + 1);
        }
        Instant now = Jdbc.now();
        for (Finding was : before) {
            Finding is = findings.byId(was.id()).orElseThrow();
            if (ids.contains(was.id()) && is.position() != was.position()) {
                findings.touch(was.id(), actor, now);
                history.add(is, null, "order", actor, now, place(was), place(is));
            }
        }
        return findings.ofCase(caseId);
    }

    /** A finding's place in its report, for the history: {@code {"position":2,"label":"Avvik 2"}}. */
    private static Map<String, Object> place(Finding f) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("position", f.position());
        place.put("label", f.label());
        return place;
    }

    /** Numbers the places of a case's findings from 1 again, in their order (after a deletion). */
    private void closeGaps(String caseId) throws SQLException {
        List<Finding> all = findings.ofCase(caseId);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).position() != i + 1) {
                findings.place(all.get(i).id(), i + 1);
            }
        }
    }

    void delete(Finding finding, String actor, Integer expectedVersion) throws SQLException {
        findings.lockPlaces(finding.caseId());
        Finding before = findings.lockUnlocked(finding.id(), expectedVersion);
        Instant now = Jdbc.now();
        List<EvidenceItem> items = evidence.of(before.id());
        findings.delete(before.id());
        Map<String, Object> gone = snapshot(before);
        gone.put("evidence", items.stream().map(HistoryRows::snapshot).toList());
        history.add(before, null, "delete", actor, now, gone, null);
        closeGaps(before.caseId());
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
