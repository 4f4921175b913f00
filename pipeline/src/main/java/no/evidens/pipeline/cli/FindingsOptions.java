package no.evidens.pipeline.cli;

import java.io.IOException;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.SearcherSource;

/** The options every findings command has: the home folder, the case and who is working. */
final class FindingsOptions {
    @Mixin
    HomeOption home;

    @Option(names = "--case", paramLabel = "CASE", required = true, description = "The audit case.")
    String caseId;

    @Option(names = "--user", paramLabel = "NAME", description = "Who makes the change, for the history (default: $USER).")
    String user;

    EvidensHome evidensHome() {
        return home.resolve();
    }

    /** The findings of the home folder, the index opened for each call that reads it. */
    FindingsService service() {
        return service(evidensHome());
    }

    static FindingsService service(EvidensHome home) {
        return new FindingsService(home, SearcherSource.opening(IndexBackend.of(home)), FindingStore.DEFAULT_LOCK_WAIT);
    }

    /**
     * Refuses (exit 2) a case no bundle was ingested into and no finding is in: a misspelt {@code --case} would otherwise
     * be checked as empty ({@code verify}: "0 quotations checked") or closed for good ({@code case close}).
     */
    void requireKnownCase() throws IOException {
        String unknown = unknownCase();
        if (unknown != null) {
            throw new IllegalArgumentException(unknown);
        }
    }

    /**
     * What {@link #requireKnownCase()} refuses, said (the case, and the cases there are), or null for a case the home knows.
     * A finding may be written before the case's first bundle, so {@code finding create} only notes it.
     */
    String unknownCase() throws IOException {
        return new HomeCases(evidensHome()).unknown(caseId);
    }

    String user() {
        return user(user);
    }

    /** The name given with {@code --user}, else the login name. */
    static String user(String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String env = System.getenv("USER");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name", "unknown");
    }
}
