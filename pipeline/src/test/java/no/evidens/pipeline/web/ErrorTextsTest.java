package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.findings.CaseClosed;
import no.evidens.findings.FindingLocked;
import no.evidens.index.NoIndexException;
import no.evidens.index.QuerySyntaxException;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.lang.Language;

/** An error told in the user's language when it has a key; in its own words, without server paths, when not. */
class ErrorTextsTest {
    @Test
    void keyedErrorsInBokmålAndNynorsk() {
        QuerySyntaxException q = new QuerySyntaxException("english", "query.syntax.quote", List.of("\"plan"));
        assertEquals("Søket «\"plan» kan ikke leses: et anførselstegn \" er ikke lukket.", ErrorTexts.message(Language.NB, q));
        assertEquals("Søket «\"plan» kan ikkje lesast: eit hermeteikn \" er ikkje lukka.", ErrorTexts.message(Language.NN, q));
        assertEquals("Berre saksleiaren kan godkjenne avvik-1.", ErrorTexts.message(Language.NN,
                new FindingLocked("english", "review.lead-only.approve", List.of("avvik-1"))));
        assertEquals("Utdraget 5–9 har ingen ord.", ErrorTexts.message(Language.NB, new Refusal("attach.span-no-words", "english", 5, 9)));
        assertEquals("Tittelen kan ikkje vere tom.", ErrorTexts.message(Language.NN, ApiError.badRequest("error.title-empty")));
    }

    @Test
    void aValueThatIsAWordIsWordedToo() {
        ApiError role = new ApiError(403, "error.access.role", new ApiError.Word("ui.role.reader"), "fjordvik-2026");
        assertEquals("Rollen Leser i saken fjordvik-2026 gir ikke lov til dette.", ErrorTexts.message(Language.NB, role));
        assertEquals("Rolla Lesar i saka fjordvik-2026 gir ikkje lov til dette.", ErrorTexts.message(Language.NN, role));
        assertEquals("Saka fjordvik-2026 vart lukka av leder 2026-11-30 og kan berre lesast.", ErrorTexts.message(Language.NN,
                new CaseClosed("fjordvik-2026", "leder", java.time.Instant.parse("2026-11-30T10:00:00Z"))));
    }

    @Test
    void noServerPathInAnyMessage() {
        assertEquals("Det er ingen dokument å søkje i enno: les inn ein bunke først.",
                ErrorTexts.message(Language.NN, new NoIndexException("/home/kari/evidens-data/index")));
        assertEquals("Dette kan ikke gjøres nå: cannot open the findings store in …: locked", ErrorTexts.message(Language.NB,
                new IllegalStateException("cannot open the findings store in /tmp/evidens/findings: locked")));
        assertEquals("cannot write … (denied)", ErrorTexts.withoutPaths("cannot write C:\\Users\\kari\\funn.md (denied)"));
        assertEquals("passage fjordvik-2026/abc/3 belongs to case b", ErrorTexts.withoutPaths("passage fjordvik-2026/abc/3 belongs to case b"));
        assertEquals("no such API path: /api/evidence/sak (quotations are /api/evidence/{case}/{id})",
                ErrorTexts.withoutPaths("no such API path: /api/evidence/sak (quotations are /api/evidence/{case}/{id})"));
    }
}
