package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.Refusal;

/** A requirement the tagger cannot read is refused with the line quoted back short enough to read past. */
class RequirementsTest {
    @Test
    void aLongLineNamingNoLawIsQuotedByItsFirstWords() {
        Refusal r = assertThrows(Refusal.class, () -> Requirements.parse(List.of("ingen lov her ".repeat(43))));
        assertEquals("error.requirement.none", r.key());
        assertEquals(List.of("ingen lov her ingen lov her ingen lov her ingen lov her…"), r.args());
    }

    @Test
    void aShortLineIsQuotedWhole() {
        Refusal r = assertThrows(Refusal.class, () -> Requirements.parse(List.of("ingen lov her")));
        assertEquals(List.of("ingen lov her"), r.args());
    }

    @Test
    void aCutNeverSplitsACharacterOfTwoHalves() {
        // 59 letters and then characters outside the BMP (two chars each), no space to cut at
        String quoted = Requirements.quoted("a".repeat(59) + "\uD83D\uDCDC".repeat(5));
        assertEquals("a".repeat(59) + "\uD83D\uDCDC…", quoted);
    }
}
