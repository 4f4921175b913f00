package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions against lost updates, and the review and sign-off of a finding. */
class ReviewTest {
    @TempDir
    Path dir;

    @Test
    void aChangeMadeOnAnOlderVersionIsRefusedWithBothVersions() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding f = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            assertEquals(1, f.version());
            // Two people open version 1; the first saves, the second's change is refused, not lost.
            Finding first = store.edit(f, new FindingDraft(null, null, "Kari skrev dette.", null), "kari", 1);
            assertEquals(2, first.version());
            StaleFinding stale = assertThrows(StaleFinding.class,
                    () -> store.edit(f, new FindingDraft(null, null, "Ola skrev dette.", null), "ola", 1));
            assertEquals(1, stale.given());
            assertEquals(2, stale.current().version());
            assertEquals("Kari skrev dette.", stale.current().text());
            assertEquals("Kari skrev dette.", store.findingById(f.id()).orElseThrow().text());
            assertThrows(StaleFinding.class, () -> store.delete(f, "ola", 1));
            // Attaching a quotation is a change too.
            store.attach(first, Drafts.evidence(1), "kari");
            assertEquals(3, store.findingById(f.id()).orElseThrow().version());
        }
    }

    @Test
    void draftToReviewToApprovedByTheLeadOnlyThenLockedUntilReopened() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding f = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Første"), "kari");
            assertThrows(FindingLocked.class, () -> store.review(f, ReviewStep.APPROVE, true, "leder", null));
            assertThrows(FindingLocked.class, () -> store.edit(f, new FindingDraft(null, null, null, Finding.APPROVED), "kari"));
            Finding inReview = store.review(f, ReviewStep.SUBMIT, false, "kari", 1);
            assertEquals(Finding.IN_REVIEW, inReview.status());
            FindingLocked notLead = assertThrows(FindingLocked.class, () -> store.review(inReview, ReviewStep.APPROVE, false, "kari", null));
            assertTrue(notLead.getMessage().contains("only the case's lead can approve"), notLead.getMessage());
            Finding approved = store.review(inReview, ReviewStep.APPROVE, true, "leder", inReview.version());
            assertEquals(Finding.APPROVED, approved.status());

            assertThrows(FindingLocked.class, () -> store.edit(approved, new FindingDraft("Ny", null, null, null), "kari"));
            assertThrows(FindingLocked.class, () -> store.attach(approved, Drafts.evidence(1), "kari"));
            assertThrows(FindingLocked.class, () -> store.delete(approved, "kari"));
            assertThrows(FindingLocked.class, () -> store.review(approved, ReviewStep.REOPEN, false, "kari", null));

            Finding reopened = store.review(approved, ReviewStep.REOPEN, true, "leder", null);
            assertEquals(Finding.DRAFT, reopened.status());
            store.edit(reopened, new FindingDraft("Ny tittel", null, null, null), "kari");
            List<String> actions = store.history(Drafts.CASE, f.id()).stream().map(HistoryEntry::action).toList();
            assertEquals(List.of("create", "submit", "approve", "reopen", "edit"), actions);
        }
    }
}
