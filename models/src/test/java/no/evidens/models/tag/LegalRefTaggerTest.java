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
        assertEquals("barnevernloven [1-3, 3-1, 4-2, 6-4] [barnevernslova §§ 1-3, 3-1, 4-2 og 6-4] | "
                        + "forvaltningsloven [16] [forvaltningslova § 16]",
                show("Tenesta må følgje barnevernslova §§ 1-3, 3-1, 4-2 og 6-4, samt forvaltningslova § 16."));
        assertEquals("sosialtjenesteloven [17, 18] [sosialtjenesteloven §§ 17 og 18]", show("sosialtjenesteloven §§ 17 og 18"));
    }

    @Test
    void jfInheritsTheLawAndLeddBokstav() {
        assertEquals("barnevernloven [4-16] [barnevernloven § 4-16] | barnevernloven [4-22] [§ 4-22]",
                show("jf. barnevernloven § 4-16, jf. § 4-22."));
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
        assertEquals("barnevernloven [4-5a] [barnevernloven § 4-5 a]", show("Tiltaket følger barnevernloven § 4-5 a."));
        assertEquals("sivilbeskyttelsesloven [15] [§ 15 i sivilbeskyttelsesloven]", show("Planen er laget etter § 15 i sivilbeskyttelsesloven."));
        assertEquals("helse- og omsorgstjenesteloven [3-2, 3-5, 7-1] [Helse- og omsorgstjenesteloven §§ 3-2, 3-5 og 7-1]",
                show("Helse- og omsorgstjenesteloven §§ 3-2, 3-5 og 7-1"));
        assertEquals("pasient- og brukerrettighetsloven [2-5a, 3-3] [Pasient- og brukerrettighetsloven §§ 2-5a og 3-3]",
                show("Pasient- og brukerrettighetsloven §§ 2-5a og 3-3"));
        assertEquals("internkontrollforskriften [4] [internkontrollforskriften § 4]", show("internkontrollforskriften § 4"));
        assertEquals("barnevernloven [15-10] [barnevernloven § 15-10]",
                show("Kravene følger av forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten og barnevernloven § 15-10."));
        assertEquals("sosialtjenesteloven [20, 21] [Sosialtjenesteloven § 20 og § 21] | sosialtjenesteloven [2, 5] [§ 2 og § 5]",
                show("Stønaden gis etter Sosialtjenesteloven § 20 og § 21, jf. § 2 og § 5."));
        assertEquals("helsetilsynsloven [2] [lov om statlig tilsyn med helse- og omsorgstjenesten m.m. § 2]",
                show("etter lov om statlig tilsyn med helse- og omsorgstjenesten m.m. § 2."));
        assertEquals("forskrift om individuell plan [17, 18] [§§ 17 og 18 i forskriften om individuell plan]",
                show("jf. §§ 17 og 18 i forskriften om individuell plan."));
        assertEquals(List.of(), tagger.tag("Ingen paragrafer her, bare §-tegnet."));
    }

    @Test
    void rangesEndingInALetteredSection() {
        assertEquals("forvaltningsloven [13, 13a, 13b] [forvaltningsloven §§ 13 til 13 b]", show("se forvaltningsloven §§ 13 til 13 b"));
        assertEquals("barnevernloven [4-1, 4-2, 4-3, 4-3a] [bvl. §§ 4-1 til 4-3 a]", show("etter bvl. §§ 4-1 til 4-3 a"));
        assertEquals("barnevernloven [6-3a, 6-3b, 6-3c] [barnevernloven §§ 6-3 a–6-3 c]", show("barnevernloven §§ 6-3 a–6-3 c"));
    }

    @Test
    void regulationsWithLongTitles() {
        assertEquals("forskrift om krav til beredskapsplanlegging og beredskapsarbeid [7] "
                        + "[forskrift om krav til beredskapsplanlegging og beredskapsarbeid mv. etter lov om helsemessig og sosial beredskap § 7]",
                show("Vi viser til forskrift om krav til beredskapsplanlegging og beredskapsarbeid mv. etter lov om helsemessig og sosial beredskap § 7."));
        assertEquals("helseberedskapsloven [2-2] [lov om helsemessig og sosial beredskap § 2-2]",
                show("Planen skal følgje lov om helsemessig og sosial beredskap § 2-2."));
        assertEquals("forskrift om individuell plan [21, 22] [forskrift om habilitering og rehabilitering, individuell plan og koordinator §§ 21 og 22]",
                show("Koordinatoren har oppgåver etter forskrift om habilitering og rehabilitering, individuell plan og koordinator §§ 21 og 22."));
    }

    @Test
    void lawAfterTheGroupWithATitleSpanningAHyphenatedPair() {
        assertEquals("sosialtjenesteloven [20] [§ 20 i lov om sosiale tjenester i arbeids- og velferdsforvaltningen]",
                show("Kontoret gir stønad etter § 20 i lov om sosiale tjenester i arbeids- og velferdsforvaltningen, og tildeler bolig."));
    }

    @Test
    void nynorskNamesAndShortForms() {
        assertEquals("helsepersonelloven [30] [helsepersonellova § 30] | kommuneloven [25-2] [kommunelova § 25-2]",
                show("Legen har plikt etter helsepersonellova § 30 og kommunelova § 25-2."));
        assertEquals("pasient- og brukerrettighetsloven [2-2 (1)] [pasient- og brukarrettslova § 2-2 første ledd]",
                show("Retten følgjer av pasient- og brukarrettslova § 2-2 første ledd."));
        assertEquals("helsepersonelloven [31] [hpl. § 31] | forvaltningsloven [18] [fvl. § 18] | sosialtjenesteloven [27] [stjl. § 27]",
                show("Sjå hpl. § 31, fvl. § 18 og stjl. § 27."));
    }

    @Test
    void titlesWithDateAndNumberNameTheirOwnLawNotThePreviousOne() {
        // an earlier reference to another law in reach must not lend its law to the dated title
        assertEquals("forvaltningsloven [17] [forvaltningsloven § 17] | barnevernloven [4-4] "
                        + "[lov 17. juli 1992 nr. 100 om barneverntjenester § 4-4]",
                show("Saken er utredet etter forvaltningsloven § 17. Tiltaket ble vedtatt etter lov 17. juli 1992 nr. 100 "
                        + "om barneverntjenester § 4-4."));
        // by date and number even when the title is written in another form
        assertEquals("helse- og omsorgstjenesteloven [3-1] [lov 24. juni 2011 nr. 30 om kommunale helse- og omsorgstenester § 3-1]",
                show("Kommunen skal etter lov 24. juni 2011 nr. 30 om kommunale helse- og omsorgstenester § 3-1 sørge for tenester."));
        assertEquals("barnevernloven [4-4 (2)] [lov av 17. juli 1992 nr. 100 om barneverntjenester (barnevernloven) § 4-4 annet ledd]",
                show("jf. lov av 17. juli 1992 nr. 100 om barneverntjenester (barnevernloven) § 4-4 annet ledd"));
    }

    @Test
    void regulationsWithDateAndNumberByTitleWhenTheNumberIsNotListed() {
        assertEquals("helsepersonelloven [39] [helsepersonelloven § 39] | forskrift om gjennomføring av tilsyn i barneboliger [5] "
                        + "[forskrift 18. desember 2009 nr. 1586 om gjennomføring av tilsyn i barneboliger § 5]",
                show("Journalen føres etter helsepersonelloven § 39. Tilsynet følger forskrift 18. desember 2009 nr. 1586 "
                        + "om gjennomføring av tilsyn i barneboliger § 5."));
        assertEquals("forskrift om ledelse og kvalitetsforbedring [6, 7] "
                        + "[forskrift 28. oktober 2016 nr. 1250 om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten §§ 6 og 7]",
                show("Se forskrift 28. oktober 2016 nr. 1250 om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten §§ 6 og 7."));
        assertEquals("barnevernloven [4-4] [§ 4-4 i lov 17. juli 1992 nr. 100 om barneverntjenester]",
                show("Vedtaket er gjort etter § 4-4 i lov 17. juli 1992 nr. 100 om barneverntjenester."));
    }
}
