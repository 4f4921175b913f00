package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.findings.CheckNote;
import no.evidens.pipeline.findings.FailedCheck;
import no.evidens.pipeline.findings.LastCheck;
import no.evidens.pipeline.findings.Verification;
import no.evidens.pipeline.findings.Verification.NewContent;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/** A check of the quotations in a report writer's words: each state, the new content's line, the summary; Bokmål and Nynorsk. */
class VerifyWordsTest {
    private static final Texts NB = Texts.of(Language.NB);
    private static final Texts NN = Texts.of(Language.NN);

    private static Verification check(String status, String source, boolean indexed, NewContent n) {
        return new Verification("avvik-1", 7, 1, "a/b.txt", 113, 165, status, List.of(), null, source, indexed, n);
    }

    private static Verification holds() {
        return check(Verification.OK, Verification.SOURCE_SAME, true, null);
    }

    private static NewContent at(int start, int end) {
        return new NewContent(NewContent.HOLDS, "0123456789abcdef", start, end);
    }

    @Test
    void eachStateHasItsSentence() {
        assertEquals("Stemmer med kilden.", VerifyWords.text(holds(), NB));
        assertEquals("Stemmer med kjelda.", VerifyWords.text(holds(), NN));
        Verification changed = check(Verification.CHANGED, Verification.SOURCE_CHANGED, true, new NewContent(NewContent.ABSENT, null, null, null));
        assertEquals("changed", VerifyWords.state(changed));
        assertEquals("Kilden er endret etter at sitatet ble tatt.", VerifyWords.text(changed, NB));
        assertEquals("Kjelda er endra etter at sitatet vart teke.", VerifyWords.text(changed, NN));
        Verification indexOnly = check(Verification.CHANGED, Verification.SOURCE_SAME, false, null);
        assertEquals("Teksten i saken stemmer ikke lenger med sitatet.", VerifyWords.text(indexOnly, NB));
        Verification gone = check(Verification.VANISHED, Verification.SOURCE_MISSING, true, null);
        assertEquals("vanished", VerifyWords.state(gone));
        assertEquals("Kilden finnes ikke lenger der den ble lest inn fra.", VerifyWords.text(gone, NB));
        assertEquals("Kjelda finst ikkje lenger der ho vart lesen inn frå.", VerifyWords.text(gone, NN));
        assertEquals("Dokumentet er ikke lenger i saken.", VerifyWords.text(check(Verification.VANISHED, Verification.SOURCE_SAME, false, null), NB));
        assertEquals("Kunne ikke kontrolleres: det er ikke kjent hvilken bunke filen kom fra.",
                VerifyWords.text(check(Verification.UNCHECKED, Verification.SOURCE_UNCHECKED, true, null), NB));
        Verification deleted = check(Verification.SOURCE_DELETED, null, true, null);
        assertEquals("deleted", VerifyWords.state(deleted));
        assertEquals("Kilden ble slettet da lagringstiden var ute; sitatet står som det ble sitert.", VerifyWords.text(deleted, NB));
    }

    @Test
    void aCorrectedSourceThatHoldsTheWordsElsewhereIsMovedWithItsCharacters() {
        Verification moved = check(Verification.CHANGED, Verification.SOURCE_CHANGED, true, at(1131, 1183));
        assertEquals("moved", VerifyWords.state(moved));
        // digits alone: MessageFormat would have grouped them («1,131»)
        assertEquals("Flyttet i kilden (tegn 1131–1183).", VerifyWords.text(moved, NB));
        assertEquals("Flytta i kjelda (teikn 1131–1183).", VerifyWords.text(moved, NN));
        assertEquals("Kilden er endret, men ordene står på samme sted (tegn 113–165).",
                VerifyWords.text(check(Verification.CHANGED, Verification.SOURCE_CHANGED, true, at(113, 165)), NB));
        assertEquals("Den nye utgaven av filen har de siterte ordene, men sitatet viser fortsatt den gamle: legg det til på nytt fra den nye utgaven.",
                VerifyWords.detail(moved, NB));
        // the old document replaced in the index by the new one: still moved, not vanished
        assertEquals("moved", VerifyWords.state(check(Verification.VANISHED, Verification.SOURCE_CHANGED, false, at(5, 57))));
    }

    @Test
    void theNewContentLineSaysWhetherItIsInTheCaseAndHoldsTheWords() {
        assertEquals("Den nye utgaven av filen er ikke lest inn i saken: les inn bunken på nytt for å sammenligne.",
                VerifyWords.detail(check(Verification.CHANGED, Verification.SOURCE_CHANGED, true, new NewContent(NewContent.ABSENT, null, null, null)), NB));
        assertEquals("Den nye utgåva av fila er lesen inn, men har ikkje dei siterte orda: les henne, og legg til det som gjeld no.",
                VerifyWords.detail(check(Verification.CHANGED, Verification.SOURCE_CHANGED, true,
                        new NewContent(NewContent.LACKS, "0123456789abcdef", null, null)), NN));
        assertNull(VerifyWords.detail(holds(), NB));
    }

    @Test
    void theSummaryCountsWhatHoldsThenEachProblem() {
        List<Verification> checks = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            checks.add(holds());
        }
        checks.add(check(Verification.CHANGED, Verification.SOURCE_CHANGED, true, new NewContent(NewContent.ABSENT, null, null, null)));
        assertEquals("12 sitater stemmer, 1 er endret.", VerifyWords.summary(checks, NB));
        assertEquals("12 sitat stemmer, 1 er endra.", VerifyWords.summary(checks, NN));
        checks.add(check(Verification.VANISHED, Verification.SOURCE_MISSING, true, null));
        checks.add(check(Verification.CHANGED, Verification.SOURCE_CHANGED, true, at(2000, 2052)));
        assertEquals(Map.of("holds", 12, "moved", 1, "changed", 1, "vanished", 1), VerifyWords.counts(checks));
        assertEquals("12 sitater stemmer, 1 er flyttet, 1 er endret, 1 finnes ikke lenger.", VerifyWords.summary(checks, NB));
        assertEquals("1 sitat stemmer.", VerifyWords.summary(List.of(holds()), NB));
        assertEquals("0 sitat stemmer, 1 finst ikkje lenger.", VerifyWords.summary(List.of(check(Verification.VANISHED, Verification.SOURCE_MISSING, true, null)), NN));
        assertEquals("Saken har ingen sitater å kontrollere.", VerifyWords.summary(List.of(), NB));
    }

    @Test
    void aQuotationIsAnsweredWithTheCommandLinesStatusBesideItsWords() {
        Map<String, Object> q = VerifyWords.quotation(check(Verification.VANISHED, Verification.SOURCE_MISSING, true, null), NB);
        assertEquals("vanished", q.get("status"));
        assertEquals("vanished", q.get("state"));
        assertEquals(true, q.get("problem"));
        assertEquals(7L, q.get("item"));
        assertEquals("avvik-1", q.get("finding"));
        assertEquals(false, VerifyWords.quotation(check(Verification.SOURCE_DELETED, null, true, null), NB).get("problem"),
                "a source deleted on purpose is no problem of the quotation");
    }

    /** «5.12.2026 kl. 18.20» for the instant, in the server's zone. */
    private static String local(Instant at) {
        java.time.ZonedDateTime z = at.atZone(java.time.ZoneId.systemDefault());
        return String.format("%d.%d.%d kl. %02d.%02d", z.getDayOfMonth(), z.getMonthValue(), z.getYear(), z.getHour(), z.getMinute());
    }

    /**
     * A check that failed after the last finished one: the note still says what the finished check found, then that a
     * later check failed, when, by whom and why; with no finished check, that the quotations are not checked and a check
     * failed. nb and nn.
     */
    @Test
    void theExportSaysThatALaterCheckFailedAfterWhatTheLastFinishedOneFound() {
        Instant finished = Instant.parse("2026-12-05T17:20:10Z");
        Instant failedAt = Instant.parse("2026-12-05T18:02:00Z");
        LastCheck all = new LastCheck("sak", "ola", "2026-12-05T17:19:30Z", finished.toString(), List.of(holds(), holds()));
        FailedCheck unreadable = new FailedCheck("kari", "2026-12-05T18:01:00Z", failedAt.toString(), FailedCheck.UNREADABLE);
        assertEquals("Sitatene ble sist kontrollert " + local(finished) + ": alle 2 stemmer med kilden. En senere kontroll (" + local(failedAt)
                + ", av kari) feilet: en kildefil kunne ikke leses, eller prosessen som åpner e-post og arkiver, stoppet.",
                VerifyWords.exportNote(new CheckNote(all, null, 0, unreadable), NB));
        assertEquals("Sitata vart sist kontrollerte " + local(finished) + ": alle 2 stemmer med kjelda. Ein seinare kontroll (" + local(failedAt)
                + ", av kari) feila: ei kjeldefil kunne ikkje lesast, eller prosessen som opnar e-post og arkiv, stoppa.",
                VerifyWords.exportNote(new CheckNote(all, null, 0, unreadable), NN));
        FailedCheck full = new FailedCheck("kari", "2026-12-05T18:01:00Z", failedAt.toString(), FailedCheck.DISK_FULL);
        assertEquals("Sitatene er ikke kontrollert. En kontroll (" + local(failedAt) + ", av kari) feilet: disken er full.",
                VerifyWords.exportNote(new CheckNote(null, null, 0, full), NB));
        assertEquals("Sitata er ikkje kontrollerte. Ein kontroll (" + local(failedAt) + ", av kari) feila: søkjeindeksen kunne ikkje lesast.",
                VerifyWords.exportNote(new CheckNote(null, null, 0, new FailedCheck("kari", "2026-12-05T18:01:00Z", failedAt.toString(),
                        FailedCheck.INDEX)), NN));
        assertEquals("Sitatene er ikke kontrollert. En kontroll (" + local(failedAt) + ", av kari) feilet: en uventet feil (se tjenerens logg).",
                VerifyWords.exportNote(new CheckNote(null, null, 0, new FailedCheck("kari", "2026-12-05T18:01:00Z", failedAt.toString(),
                        "noe-annet")), NB), "a kind this server does not know is told as unexpected");
    }

    @Test
    void theExportSaysWhenTheQuotationsWereLastCheckedAndHowItWent() {
        assertEquals("Sitatene er ikke kontrollert.", VerifyWords.exportNote(new CheckNote(null, null, 0), NB));
        assertEquals("Sitata er ikkje kontrollerte.", VerifyWords.exportNote(new CheckNote(null, Instant.now(), 0), NN));
        Instant started = Instant.parse("2026-12-05T17:19:30Z");
        Instant finished = Instant.parse("2026-12-05T17:20:10Z");
        Verification changed = check(Verification.CHANGED, Verification.SOURCE_CHANGED, true, null);
        List<Verification> thirteen = new java.util.ArrayList<>(java.util.Collections.nCopies(12, holds()));
        thirteen.add(changed);
        LastCheck one = new LastCheck("sak", "kari", started.toString(), finished.toString(), thirteen);
        String when = local(finished);
        assertEquals("Sitatene ble sist kontrollert " + when + ": 1 av 13 stemmer ikke med kilden.", VerifyWords.exportNote(new CheckNote(one, null, 0), NB));
        assertEquals("Sitata vart sist kontrollerte " + when + ": 1 av 13 stemmer ikkje med kjelda.", VerifyWords.exportNote(new CheckNote(one, null, 0), NN));
        // ingested before the check began: nothing more to say
        assertEquals("Sitatene ble sist kontrollert " + when + ": 1 av 13 stemmer ikke med kilden.",
                VerifyWords.exportNote(new CheckNote(one, started.minusSeconds(60), 0), NB));
        Instant later = Instant.parse("2026-12-05T17:40:00Z");
        assertEquals("Sitatene ble sist kontrollert " + when + ": 1 av 13 stemmer ikke med kilden. Det ble lest inn en bunke i saken etter"
                + " kontrollen (" + local(later) + "): kontroller sitatene på nytt før rapporten går ut.", VerifyWords.exportNote(new CheckNote(one, later, 0), NB));
        assertEquals("Sitata vart sist kontrollerte " + when + ": 1 av 13 stemmer ikkje med kjelda. Det vart lesen inn ein bunke i saka etter"
                + " kontrollen (" + local(later) + "): kontroller sitata på nytt før rapporten går ut.", VerifyWords.exportNote(new CheckNote(one, later, 0), NN));
        // quotations attached after the check: said before the ingestion
        assertEquals("Sitatene ble sist kontrollert " + when + ": 1 av 13 stemmer ikke med kilden. 2 sitater er lagt til etter kontrollen og er"
                + " ikke kontrollert. Det ble lest inn en bunke i saken etter kontrollen (" + local(later) + "): kontroller sitatene på nytt før"
                + " rapporten går ut.", VerifyWords.exportNote(new CheckNote(one, later, 2), NB));
        assertEquals("Sitata vart sist kontrollerte " + when + ": 1 av 13 stemmer ikkje med kjelda. 1 sitat er lagt til etter kontrollen og er"
                + " ikkje kontrollert.", VerifyWords.exportNote(new CheckNote(one, null, 1), NN));
        LastCheck all = new LastCheck("sak", "kari", started.toString(), finished.toString(), List.of(holds(), holds()));
        assertEquals("Sitatene ble sist kontrollert " + when + ": alle 2 stemmer med kilden.", VerifyWords.exportNote(new CheckNote(all, null, 0), NB));
        LastCheck single = new LastCheck("sak", "kari", started.toString(), finished.toString(), List.of(holds()));
        assertEquals("Sitatet vart sist kontrollert " + when + ": det stemmer med kjelda.", VerifyWords.exportNote(new CheckNote(single, null, 0), NN));
        LastCheck none = new LastCheck("sak", "kari", started.toString(), finished.toString(), List.of());
        assertEquals("Sitatene ble sist kontrollert " + when + ": saken hadde ingen sitater da.", VerifyWords.exportNote(new CheckNote(none, null, 0), NB));
    }
}
