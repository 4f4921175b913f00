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
}
