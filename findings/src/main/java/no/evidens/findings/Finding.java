package no.evidens.findings;

import java.time.Instant;
import java.util.List;

/**
 * A finding of an audit case, as stored.
 *
 * @param id        the store's id (local to one store; not kept by export and import)
 * @param number    numbered per case and kind from 1, without gaps (a deletion renumbers the later ones)
 * @param status    free word, {@code utkast} (draft) when created
 */
public record Finding(long id, String caseId, FindingKind kind, int number, String title,
                      List<LegalRequirement> requirements, String text, String status,
                      String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
    public static final String DRAFT = "utkast";

    public Finding {
        requirements = List.copyOf(requirements);
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
