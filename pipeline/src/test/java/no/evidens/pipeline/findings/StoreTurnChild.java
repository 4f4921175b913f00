package no.evidens.pipeline.findings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;

/**
 * The command in another process of {@link TrailTurnIT}: waits for the findings store (as {@code evidens finding
 * create} does), creates a finding, and prints how long it waited, in milliseconds.
 */
public final class StoreTurnChild {
    private StoreTurnChild() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try (FindingStore store = FindingStore.open(Path.of(args[0]), Duration.ofSeconds(Long.parseLong(args[1])))) {
            long waited = (System.nanoTime() - t0) / 1_000_000;
            store.create("sak-1", FindingKind.AVVIK, new FindingDraft("Fra kommandolinjen", List.of(), "", null), "ola");
            System.out.println(waited);
        }
    }
}
