package no.evidens.findings;

import static no.evidens.findings.HistoryRows.place;
import static no.evidens.findings.HistoryRows.snapshot;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changes of a finding's evidence: a quotation attached at the end, detached, moved to another place
 * or another finding of the case. Each with its history row, inside a transaction the caller holds.
 */
final class EvidenceEdits {
    private final FindingRows findings;
    private final EvidenceRows evidence;
    private final HistoryRows history;

    EvidenceEdits(FindingRows findings, EvidenceRows evidence, HistoryRows history) {
        this.findings = findings;
        this.evidence = evidence;
        this.history = history;
    }

    /** Attaches to a finding whose row this transaction holds. */
    EvidenceItem attachTo(Finding f, EvidenceDraft e, String actor) throws SQLException {
        if (!e.passageId().startsWith(f.caseId() + "/")) {
            throw new FindingsRefusal("error.attach.passage-case", "passage " + e.passageId() + " is not in case " + f.caseId(), e.passageId(), f.caseId());
        }
        int position = evidence.of(f.id()).size() + 1;
        Instant now = Jdbc.now();
        long id = evidence.insert(f.id(), position, e, actor, now);
        findings.touch(f.id(), actor, now);
        EvidenceItem item = evidence.item(id);
        history.add(f, id, "attach", actor, now, null, snapshot(item));
        return item;
    }

    void detach(long evidenceId, String actor) throws SQLException {
        EvidenceItem item = evidence.item(evidenceId);
        Finding f = findings.lockUnlocked(item.findingId());
        item = evidence.item(evidenceId);
        evidence.delete(evidenceId);
        evidence.renumber(evidence.of(f.id()));
        Instant now = Jdbc.now();
        findings.touch(f.id(), actor, now);
        history.add(f, evidenceId, "detach", actor, now, snapshot(item), null);
    }

    EvidenceItem move(long evidenceId, Finding toFinding, Integer position, String actor) throws SQLException {
        EvidenceItem item = evidence.item(evidenceId);
        long fromId = item.findingId();
        long toId = toFinding == null ? fromId : toFinding.id();
        Finding from;
        Finding to;
        // the rows are locked in the order of their ids, so two moves the other way round cannot deadlock
        if (fromId <= toId) {
            from = findings.lockUnlocked(fromId);
            to = findings.lockUnlocked(toId);
        } else {
            to = findings.lockUnlocked(toId);
            from = findings.lockUnlocked(fromId);
        }
        if (!from.caseId().equals(to.caseId())) {
            throw new FindingsRefusal("error.move.other-case", "evidence cannot move to another case (" + from.caseId() + " → " + to.caseId() + ")",
                    from.caseId(), to.caseId());
        }
        item = evidence.item(evidenceId);
        Map<String, Object> before = place(from, item.position());
        List<EvidenceItem> source = new ArrayList<>(evidence.of(fromId));
        EvidenceItem moving = item;
        int was = source.stream().map(EvidenceItem::id).toList().indexOf(moving.id());
        source.removeIf(i -> i.id() == moving.id());
        List<EvidenceItem> target = fromId == toId ? source : new ArrayList<>(evidence.of(toId));
        int at = position == null ? target.size() : Math.max(0, Math.min(target.size(), position - 1));
        if (fromId == toId && at == was) {
            // Already there: no new version and no history line, as an edit that changes nothing.
            return item;
        }
        target.add(at, item);
        if (fromId != toId) {
            evidence.moveTo(evidenceId, toId);
            evidence.renumber(source);
        }
        evidence.renumber(target);
        Instant now = Jdbc.now();
        findings.touch(fromId, actor, now);
        if (fromId != toId) {
            findings.touch(toId, actor, now);
        }
        EvidenceItem after = evidence.item(evidenceId);
        history.add(to, evidenceId, "move", actor, now, before, place(to, after.position()));
        return after;
    }
}
