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
 * @param version   1 when created, one more with every change (a change names the version it was made on)
 */
public record Finding(long id, String caseId, FindingKind kind, int number, String title,
                      List<LegalRequirement> requirements, String text, String status,
                      String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, int version) {
    public static final String DRAFT = "utkast";
    public static final String IN_REVIEW = "til gjennomgang";
    public static final String APPROVED = "godkjent";

    public Finding {
        requirements = List.copyOf(requirements);
    }

    /** Approved: no edits, quotations or deletion until the lead reopens it. */
    public boolean locked() {
        return APPROVED.equals(status);
    }

    /** The reference to type in commands: {@code avvik-1}. */
    public String ref() {
        return ref(kind, number);
    }

    /** How a report names it: {@code Avvik 1}. */
    public String label() {
        return kind.label() + " " + number;
    }

    public static String ref(FindingKind kind, int number) {
        return kind.id() + "-" + number;
    }
}
