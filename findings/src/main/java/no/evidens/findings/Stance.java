package no.evidens.findings;

import java.util.Locale;

/** Whether an evidence item supports the finding or speaks against it. */
public enum Stance {
    SUPPORTS("supports"),
    CONTRADICTS("contradicts");

    private final String id;

    Stance(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Stance of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Stance s : values()) {
            if (s.id.equals(n)) {
                return s;
            }
        }
        throw new FindingsRefusal("error.stance", "unknown stance '" + name + "': use supports or contradicts", name);
    }
}
