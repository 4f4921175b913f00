package no.evidens.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The local data folder: the evidence index, receipts and working files.
 * Chosen by {@code --home}, else {@code $EVIDENS_HOME}, else {@code ./evidens-data}.
 *
 * @param root  the folder
 * @param notes where what a service says of the home to whoever runs Evidens goes (a store brought up to this schema): a
 *              command line's stderr, else the log ({@link UserNotes}). Carried with the home because every service that
 *              opens its stores is handed the home already; it is not part of what the home is, so two homes of one folder
 *              are equal whoever hears their notes.
 */
public record EvidensHome(Path root, UserNotes notes) {
    public static final String ENV = "EVIDENS_HOME";
    /** A synonyms file in the home folder replaces the shipped list of abbreviations and synonyms. */
    public static final String SYNONYMS = "synonyms.txt";

    public EvidensHome {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(notes, "notes");
    }

    /** The home in a folder, its notes logged. */
    public EvidensHome(Path root) {
        this(root, UserNotes.LOG);
    }

    /** The same home, its notes said to {@code to}. */
    public EvidensHome withNotes(UserNotes to) {
        return new EvidensHome(root, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidensHome other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "EvidensHome[root=" + root + "]";
    }

    public static EvidensHome resolve(Path option) {
        if (option != null) {
            return new EvidensHome(option.toAbsolutePath().normalize());
        }
        String env = System.getenv(ENV);
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("evidens-data");
        return new EvidensHome(root.toAbsolutePath().normalize());
    }

    public Path index() {
        return root.resolve("index");
    }

    public Path receipts() {
        return root.resolve("receipts");
    }

    /** The accounts and case memberships (the access module's database). */
    public Path access() {
        return root.resolve("access");
    }

    /** Each case's last check of its quotations ({@code evidens verify}, the workspace's «Kontroller sitatene»). */
    public Path checks() {
        return root.resolve("checks");
    }

    public Path work() {
        return root.resolve("work");
    }
}
