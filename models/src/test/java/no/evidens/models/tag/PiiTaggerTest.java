package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class PiiTaggerTest {
    private final PiiTagger tagger = new PiiTagger();

    private String show(String text) {
        return tagger.tag(text).stream().map(s -> s.type() + "[" + s.cut(text) + "]").collect(Collectors.joining(" "));
    }

    @Test
    void checkDigits() {
        assertTrue(PersonalNumber.isValid("01010150074"));
        assertFalse(PersonalNumber.isValid("01010150075"));
        assertFalse(PersonalNumber.isValid("01017012345")); // the sample bundle's made-up number
        assertEquals(PersonalNumber.Kind.D_NUMMER, PersonalNumber.classify("41010150068"));
    }

    @Test
    void numbersMailPhoneAddress() {
        assertEquals("FODSELSNUMMER[010101 50074]", show("Pasient, f.nr. 010101 50074, møtte."));
        assertEquals("", show("Fnr. 01017012345 (ugyldig)."));
        assertEquals("D_NUMMER[41010150068]", show("D-nummer 41010150068."));
        assertEquals("EMAIL[kari.nilsen@fjordvik.kommune.no]", show("Send til kari.nilsen@fjordvik.kommune.no."));
        assertEquals("PHONE[+47 912 34 567] PHONE[22 33 44 55]", show("Ring +47 912 34 567 eller 22 33 44 55."));
        assertEquals("PHONE[91234567]", show("tlf. 91234567"));
        assertEquals("", show("Saksnummer 20251234 og årene 2024 2025."));
        assertEquals("ADDRESS[Fjellveien 3a, 9990 Fjordvik]", show("Bor i Fjellveien 3a, 9990 Fjordvik."));
        assertEquals("ADDRESS[Kongens gate 12]", show("Kontoret i Kongens gate 12 er stengt."));
    }

    @Test
    void phoneAfterMobilErAndInBracketedCountryCode() {
        assertEquals("PHONE[93456789]", show("Mobilen hennes er 93456789, sa hun."));
        assertEquals("PHONE[93456789]", show("Nummeret på mobil er 93456789."));
        assertEquals("PHONE[93456789]", show("Telefonnummeret hans er: 93456789"));
        assertEquals("PHONE[(+47) 23-45-67-89]", show("Ring (+47) 23-45-67-89 før klokka ti."));
        assertEquals("PHONE[23-45-67-89]", show("Sentralbord 23-45-67-89."));
        assertEquals("PHONE[22 33 44 55]", show("(22 33 44 55)"));
        assertEquals("", show("Saksnummer 93456789 er avsluttet."));
    }

    @Test
    void impossibleDateIsNoNumberEvenWithValidCheckDigits() {
        // 31 February 1985 and 29 February 1985 (no leap year): both check digits are right
        assertEquals(PersonalNumber.Kind.INVALID, PersonalNumber.classify("31028510015"));
        assertEquals(PersonalNumber.Kind.INVALID, PersonalNumber.classify("29028510037"));
        assertEquals(PersonalNumber.Kind.FODSELSNUMMER, PersonalNumber.classify("29028410016")); // 1984 is a leap year
        assertEquals("", show("Fnr. 31028510015 i søknaden."));
    }

    /**
     * Writers put a hyphen between the date and the five digits, split the number over two lines, or group the five as
     * three and two: each is the same number (round 47 found the hyphen and the line break in every export).
     */
    @Test
    void aNumberWrittenWithAHyphenALineBreakOrInGroupsIsFound() {
        assertEquals("FODSELSNUMMER[010101-50074]", show("Søsterens nummer står som 010101-50074 i henvisningen."));
        assertEquals("FODSELSNUMMER[010101\n50074]", show("skrev nummeret over to linjer: 010101\n50074 og ba"));
        assertEquals("FODSELSNUMMER[010101 \r\n 50074]", show("nummeret 010101 \r\n 50074."));
        assertEquals("D_NUMMER[410101 500 68]", show("D-nummer 410101 500 68."));
        assertEquals("H_NUMMER[154485\u201110082]", show("H-nummer 154485\u201110082."));
        assertEquals("", show("Kontonummer 1234.56.78903 og saksnummer 2025-12345 og 123456-1234."));
        assertEquals("", show("010101-500741 er for langt."));
        assertEquals("FODSELSNUMMER[01010150074]", show("journaler/notat-01010150074.pdf"), "in a file name, after a hyphen");
        assertEquals("", show("Sak 2025-01010150074 er et saksnummer."), "after a number and a hyphen");
    }

    @Test
    void hNumberIsTypedAsHNumber() {
        // 15 April 1985 with 40 added to the month
        assertEquals(PersonalNumber.Kind.H_NUMMER, PersonalNumber.classify("15448510082"));
        assertEquals("H_NUMMER[15448510082]", show("Pasienten har H-nummer 15448510082."));
        assertEquals(PersonalNumber.Kind.INVALID, PersonalNumber.classify("55448510076")); // day and month both shifted
    }

    @Test
    void postBoxWithPostOfficeNameIsOneAddress() {
        assertEquals("ADDRESS[Postboks 123 Sentrum, 0102 Oslo]", show("Send brevet til Postboks 123 Sentrum, 0102 Oslo i dag."));
        assertEquals("ADDRESS[Postboks 123, 9990 Fjordvik]", show("Adresse: Postboks 123, 9990 Fjordvik."));
        assertEquals("ADDRESS[Storgata 5] EMAIL[kari@x.no]", show("Storgata 5 Kari kan nås på kari@x.no."));
    }
}
