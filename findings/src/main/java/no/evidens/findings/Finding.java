package no.evidens.findings;

import java.time.Instant;
import java.util.List;

/**
 * A finding of an audit case, as stored.
 *
 * @param id        the store's id (local to one store; not kept by export and import)
 * @param number    numbered per case and kind from 1, without gaps (a deletion renumbers the later ones)
 * @param status    {@code utkast} (draft) when created, {@code til gjennomgang} when sent to review, {@code godkjent}
 *                  when the lead approved it (then locked until reopened); other words are kept as written
 * @param number    numbered per case and kind from 1 when created, without gaps (a deletion renumbers the later ones); with the kind,
 *                  the finding's reference ({@code avvik-2}), which a change of the report's order leaves as it is
 * @param version   1 when created, one more with every change (a change names the version it was made on)
 * @param position  its place in the case's report, from 1 (the report writer's order; 0 where no store gave one)
 * @param reportNumber what the report numbers it: the findings of its kind counted in the case's order, up to it
 *                  ({@code Avvik 1} for the first avvik of the report, whatever its reference)
 */
public record Finding(long id, String caseId, FindingKind kind, int number, String title,
                      List<LegalRequirement> requirements, String text, String status,
                      String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, int version,
                      int position, int reportNumber) {
    public static final String DRAFT = "utkast";
    public static final String IN_REVIEW = "til gjennomgang";
    public static final String APPROVED = "godkjent";

    public Finding {
        requirements = List.copyOf(requirements);
    }

    /** A finding outside a store's order (a test's, an import's before it is placed): the report numbers it as its reference does. */
    public Finding(long id, String caseId, FindingKind kind, int number, String title, List<LegalRequirement> requirements, String text,
                   String status, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, int version) {
        this(id, caseId, kind, number, title, requirements, text, status, createdBy, createdAt, updatedBy, updatedAt, version, 0, number);
    }

    /** Approved: no edits, quotations or deletion until the lead reopens it. */
    public boolean locked() {
        return APPROVED.equals(status);
    }

    /** The reference to type in commands: {@code avvik-1}. */
    public String ref() {
        return ref(kind, number);
    }

    /**
     * How the report names it: {@code Avvik 1}, numbered in the report's order ({@link #reportNumber}), which is the
     * reference's number until the report writer moves a finding before another of its kind.
     */
    public String label() {
        return kind.label() + " " + reportNumber;
    }

    public static String ref(FindingKind kind, int number) {
        return kind.id() + "-" + number;
    }
}
