package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.solr.HalfWritten;
import no.evidens.solr.HalfWrittenRule;
import no.evidens.solr.SolrHalfWritten;

/**
 * What {@code solr clean-half-written} says of each document and in all, and {@code solr status}'s line: the oldest one's
 * age and case, those of unknown age, and the command to clean them.
 */
class HalfWrittenWordsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T16:30:00.400Z");
    private static final HalfWritten OLD = new HalfWritten("stor", "rest", NOW.minus(Duration.ofMinutes(125)), "4242@arkiv1");
    private static final HalfWritten YOUNG = new HalfWritten("stor", "ny", NOW.minus(Duration.ofMinutes(3)), "77@arkiv2");
    private static final HalfWritten UNKNOWN = new HalfWritten("gml", "logg", null, null);
    private static final String CLEAN = "evidens solr clean-half-written --solr zk:2181#arkiv";

    @Test
    void eachDocumentWhenItBeganByWhomAndWhatBecameOfIt() {
        HalfWrittenRule rule = HalfWrittenRule.byDefault();
        assertEquals("  stor/rest  began 2026-12-06T14:25:00Z, 2 h 5 min ago, by 4242@arkiv1: deleted",
                HalfWrittenWords.line(OLD, NOW, rule, false));
        assertEquals("  stor/rest  began 2026-12-06T14:25:00Z, 2 h 5 min ago, by 4242@arkiv1: would be deleted",
                HalfWrittenWords.line(OLD, NOW, rule, true));
        assertEquals("  stor/ny  began 2026-12-06T16:27:00Z, 3 min ago, by 77@arkiv2: being written now? left alone (younger than 1 h)",
                HalfWrittenWords.line(YOUNG, NOW, rule, false));
        assertEquals("  gml/logg  age unknown (marked before Evidens recorded the time): left alone (--with-unknown-age deletes it)",
                HalfWrittenWords.line(UNKNOWN, NOW, rule, false));
        assertEquals("  gml/logg  age unknown (marked before Evidens recorded the time): deleted",
                HalfWrittenWords.line(UNKNOWN, NOW, new HalfWrittenRule(Duration.ofHours(1), true), false));
    }

    @Test
    void theCleaningInAll() {
        HalfWrittenRule rule = new HalfWrittenRule(Duration.ofMinutes(30), false);
        assertEquals("1 half-written document deleted; 1 younger than 30 min left alone (being written now?); 1 of unknown age left"
                + " alone (--with-unknown-age deletes it once no older Evidens writes to the collection)",
                HalfWrittenWords.summary(new SolrHalfWritten.Cleaning(List.of(OLD), List.of(YOUNG), List.of(UNKNOWN)), rule, false));
        assertEquals("0 half-written documents to delete (nothing deleted: --dry-run)",
                HalfWrittenWords.summary(new SolrHalfWritten.Cleaning(List.of(), List.of(), List.of()), rule, true));
    }

    @Test
    void theStatusNamesHowManyTheOldestAndTheCommand() {
        assertEquals("Half-written documents: none.", HalfWrittenWords.status(List.of(), NOW, CLEAN));
        assertEquals("Half-written documents: 3; the oldest, stor/rest (case stor), began 2 h 5 min ago by 4242@arkiv1; 1 of unknown"
                + " age (marked before Evidens recorded the time). Their passages are left out of search. To delete those left more"
                + " than 1 h ago: " + CLEAN + " (--dry-run lists them first); those of unknown age too: add --with-unknown-age, once"
                + " no older Evidens writes to the collection.", HalfWrittenWords.status(List.of(UNKNOWN, YOUNG, OLD), NOW, CLEAN));
        assertEquals("Half-written documents: 1; stor/ny (case stor), began 3 min ago by 77@arkiv2 (being written now?). Their"
                + " passages are left out of search. To delete those left more than 1 h ago: " + CLEAN + " (--dry-run lists them first).",
                HalfWrittenWords.status(List.of(YOUNG), NOW, CLEAN));
        assertEquals("Half-written documents: 1; 1 of unknown age (marked before Evidens recorded the time). Their passages are left"
                + " out of search. To delete those left more than 1 h ago: " + CLEAN + " (--dry-run lists them first); those of"
                + " unknown age too: add --with-unknown-age, once no older Evidens writes to the collection.",
                HalfWrittenWords.status(List.of(UNKNOWN), NOW, CLEAN));
    }
}
