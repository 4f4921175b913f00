package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LawNameFilterTest {
    @Test
    void aLawsNameGivesWhatItIsNamedAfter() {
        assertEquals(List.of("sosialtjeneste"), LawNameFilter.subjects("sosialtjenesteloven"));
        assertEquals(List.of("sosialteneste"), LawNameFilter.subjects("sosialtenestelova"));
        assertEquals(List.of("forvaltning"), LawNameFilter.subjects("forvaltningslovens"));
        assertEquals(List.of("barnevern"), LawNameFilter.subjects("barnevernsloven"));
        assertEquals(List.of("helsepersonell"), LawNameFilter.subjects("helsepersonelloven"));
        assertEquals(List.of("opplæring"), LawNameFilter.subjects("opplæringslova"));
    }

    @Test
    void otherWordsAndShortOnesGiveNothing() {
        assertEquals(List.of(), LawNameFilter.subjects("barneverntjenesten"));
        assertEquals(List.of(), LawNameFilter.subjects("loven"));
        assertEquals(List.of(), LawNameFilter.subjects("forlova"));
    }
}
