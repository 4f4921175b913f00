package no.evidens.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A member's role in one case, and what it allows. The names are those of the command line (English)
 * and of the workspace (Bokmål); {@link #of(String)} takes either.
 */
public enum Role {
    /** Manages the case's members, approves findings, and does everything an auditor and a report writer do. */
    LEAD("lead", "leder", EnumSet.allOf(Permission.class)),
    /** Searches and reads the sources, attaches quotations, writes findings; uploads bundles. */
    AUDITOR("auditor", "revisor", EnumSet.of(Permission.READ, Permission.WRITE_FINDINGS, Permission.EDIT_TEXT, Permission.INGEST)),
    /** Reads the findings and their sources, exports the report, edits the findings' text. */
    WRITER("writer", "skribent", EnumSet.of(Permission.READ, Permission.EDIT_TEXT, Permission.EXPORT)),
    /** Reads: search, documents, overview, findings. */
    READER("reader", "leser", EnumSet.of(Permission.READ));

    private final String id;
    private final String label;
    private final Set<Permission> permissions;

    Role(String id, String label, Set<Permission> permissions) {
        this.id = id;
        this.label = label;
        this.permissions = permissions;
    }

    /** The name stored and shown on the command line: lead, auditor, writer, reader. */
    public String id() {
        return id;
    }

    /** The name the workspace shows: leder, revisor, skribent, leser. */
    public String label() {
        return label;
    }

    public boolean allows(Permission p) {
        return permissions.contains(p);
    }

    /** The role of this name (English or Bokmål, any case). */
    public static Role of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.id.equals(n) || r.label.equals(n)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "': use lead, auditor, writer or reader");
    }
}
