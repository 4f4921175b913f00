package no.evidens.findings;

import java.util.Locale;

/** What a finding is: a nonconformity (avvik), a remark (merknad) or an observation (observasjon). */
public enum FindingKind {
    AVVIK("avvik", "Avvik"),
    MERKNAD("merknad", "Merknad"),
    OBSERVASJON("observasjon", "Observasjon");

    private final String id;
    private final String label;

    FindingKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The stored and typed name: {@code avvik}, {@code merknad}, {@code observasjon}. */
    public String id() {
        return id;
    }

    /** The word a report uses: {@code Avvik}, {@code Merknad}, {@code Observasjon}. */
    public String label() {
        return label;
    }

    public static FindingKind of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (FindingKind k : values()) {
            if (k.id.equals(n)) {
                return k;
            }
        }
        throw new FindingsRefusal("error.kind", "unknown kind of finding '" + name + "': use avvik, merknad or observasjon", name);
    }
}
