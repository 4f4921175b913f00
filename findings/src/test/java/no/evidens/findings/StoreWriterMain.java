package no.evidens.findings;

import java.nio.file.Path;

/**
 * A second process for the store tests: {@code DIR REF COUNT TAG} attaches COUNT items to the finding,
 * opening the store for each (so two such processes take turns); with COUNT 0 it keeps one store open
 * and attaches and reorders for ever, until it is killed. Prints {@code committed N} after each commit.
 */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String ref = args[1];
        int count = Integer.parseInt(args[2]);
        int tag = Integer.parseInt(args[3]);
        if (count > 0) {
            for (int i = 1; i <= count; i++) {
                try (FindingStore store = FindingStore.open(dir)) {
                    store.attach(store.finding(Drafts.CASE, ref), Drafts.evidence(tag + i), "process-" + tag);
                }
                System.out.println("committed " + i);
                System.out.flush();
            }
            return;
        }
        try (FindingStore store = FindingStore.open(dir)) {
            Finding f = store.finding(Drafts.CASE, ref);
            for (int i = 1; ; i++) {
                EvidenceItem item = store.attach(f, Drafts.evidence(tag + i), "process-" + tag);
                store.move(item.id(), null, 1, "process-" + tag);
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }
}
