package no.evidens.pipeline.cli;

import java.time.Duration;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import no.evidens.access.AccessStore;
import no.evidens.access.Membership;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.findings.Receipts;
import no.evidens.pipeline.store.HomeStores;

/**
 * The cases a home knows, for the commands that are given one: those a bundle was ingested into, those holding a finding,
 * and those with a member in the team workspace's accounts (a case may be set up before its first bundle).
 */
final class HomeCases {
    private final EvidensHome home;

    HomeCases(EvidensHome home) {
        this.home = home;
    }

    /** Cases with a bundle or a finding (the ones {@code there is no case} lists). */
    TreeSet<String> holding() throws IOException {
        TreeSet<String> known = new TreeSet<>(new Receipts(home.receipts()).cases());
        known.addAll(FindingsOptions.service(home).cases());
        return known;
    }

    /** Every case of the home: those holding something and those with a member. */
    TreeSet<String> all() throws IOException {
        TreeSet<String> all = holding();
        if (HomeStores.of(home).hasAccess()) {
            try (AccessStore s = HomeStores.of(home).access(Duration.ofSeconds(30))) {
                s.users().forEach(a -> s.membershipsOf(a.name()).stream().map(Membership::caseId).forEach(all::add));
            }
        }
        return all;
    }

    /**
     * Why the home has no case {@code caseId} (the cases it has named), or null when it has one. A misspelt {@code --case}
     * would otherwise be checked as empty, listed as having no trail, or closed for good.
     */
    String unknown(String caseId) throws IOException {
        if (all().contains(caseId)) {
            return null;
        }
        TreeSet<String> known = holding();
        return "there is no case " + caseId + " in " + home.root() + ": no bundle was ingested into it"
                + ", it has no finding and no member" + (known.isEmpty() ? "" : " (the cases: " + String.join(", ", known) + ")");
    }

    /** Another case of the home with the same name but for capital letters ({@code Fjordvik-2026} beside {@code fjordvik-2026}). */
    Optional<String> sameButForCapitals(String caseId) throws IOException {
        String lower = caseId.toLowerCase(Locale.ROOT);
        return all().stream().filter(c -> !c.equals(caseId) && c.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }
}
