package no.evidens.pipeline;

import java.nio.file.Path;

/**
 * The local data folder: the evidence index, receipts and working files.
 * Chosen by {@code --home}, else {@code $EVIDENS_HOME}, else {@code ./evidens-data}.
 */
public record EvidensHome(Path root) {
    public static final String ENV = "EVIDENS_HOME";
    /** A synonyms file in the home folder replaces the shipped list of abbreviations and synonyms. */
    public static final String SYNONYMS = "synonyms.txt";

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
