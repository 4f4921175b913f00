package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LegalRefTaggerTest {
    private final LegalRefTagger tagger = new LegalRefTagger();

    private String show(String text) {
        return tagger.tag(text).stream()
                .map(r -> r.law() + " " + r.sections() + " [" + text.substring(r.start(), r.end()) + "]")
                .collect(Collectors.joining(" | "));
    }

    @Test
    void fullShortNynorskAndLists() {
        assertEquals("barnevernloven [4-3] [barnevernloven § 4-3]", show("jf. barnevernloven § 4-3."));
        assertEquals("barnevernloven [4-3] [bvl. § 4-3]", show("etter bvl. § 4-3"));
        assertEquals("barnevernloven [1-4, 2-1, 4-1, 4-3, 6-1, 6-9] [barnevernslova §§ 1-4, 2-1, 4-1, 4-3, 6-1 og 6-9] | "
                        + "forvaltningsloven [17] [forvaltningslova § 17]",
                show("i samsvar med barnevernslova §§ 1-4, 2-1, 4-1, 4-3, 6-1 og 6-9, samt forvaltningslova § 17."));
        assertEquals("sosialtjenesteloven [17, 18] [sosialtjenesteloven §§ 17 og 18]", show("sosialtjenesteloven §§ 17 og 18"));
    }

    @Test
    void jfInheritsTheLawAndLeddBokstav() {
        assertEquals("barnevernloven [4-18] [barnevernloven § 4-18] | barnevernloven [4-12] [§ 4-12]",
                show("jf. barnevernloven § 4-18, jf. § 4-12."));
        assertEquals("forvaltningsloven [13 (1) nr. 1] [forvaltningsloven § 13 første ledd nr. 1]",
                show("jf. forvaltningsloven § 13 første ledd nr. 1"));
        assertEquals("barnevernloven [2-3 (4) bokstav a] [barnevernloven § 2-3 fjerde ledd bokstav a]",
                show("barnevernloven § 2-3 fjerde ledd bokstav a"));
        assertEquals("helsepersonelloven [56 (1)] [helsepersonelloven § 56 første ledd] | helsepersonelloven [4] [samme lovs § 4]",
                show("helsepersonelloven § 56 første ledd. Brudd på samme lovs § 4."));
    }

    @Test
    void rangesLettersAndLawAfter() {
        assertEquals("barnevernloven [4-1, 4-2, 4-3] [barnevernloven §§ 4-1 til 4-3]", show("barnevernloven §§ 4-1 til 4-3"));
        assertEquals("barnevernloven [6-3a] [barnevernloven § 6-3 a]", show("brudd på barnevernloven § 6-3 a."));
        assertEquals("sivilbeskyttelsesloven [29] [§ 29 i sivilbeskyttelsesloven]", show("med hjemmel i § 29 i sivilbeskyttelsesloven."));
        assertEquals("helse- og omsorgstjenesteloven [3-1, 3-3, 4-1] [Helse- og omsorgstjenesteloven §§ 3-1, 3-3 og 4-1]",
                show("Helse- og omsorgstjenesteloven §§ 3-1, 3-3 og 4-1"));
        assertEquals("pasient- og brukerrettighetsloven [2-1a, 6-1] [Pasient- og brukerrettighetsloven §§ 2-1a og 6-1]",
                show("Pasient- og brukerrettighetsloven §§ 2-1a og 6-1"));
        assertEquals("internkontrollforskriften [4] [internkontrollforskriften § 4]", show("internkontrollforskriften § 4"));
        assertEquals("sosialtjenesteloven [18, 19] [Sosialtjenesteloven § 18 og § 19] | sosialtjenesteloven [1, 4] [§ 1 og § 4]",
                show("Sosialtjenesteloven § 18 og § 19, jf. § 1 og § 4."));
        assertEquals("helsetilsynsloven [2] [lov om statlig tilsyn med helse- og omsorgstjenesten m.m. § 2]",
                show("etter lov om statlig tilsyn med helse- og omsorgstjenesten m.m. § 2."));
        assertEquals("forskrift om individuell plan [17, 18] [§§ 17 og 18 i forskriften om individuell plan]",
                show("jf. §§ 17 og 18 i forskriften om individuell plan."));
        assertEquals(List.of(), tagger.tag("Ingen paragrafer her, bare §-tegnet."));
    }
}
