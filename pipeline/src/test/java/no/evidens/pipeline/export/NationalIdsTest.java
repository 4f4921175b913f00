package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NationalIdsTest {
    /** A fødselsnummer with valid check digits, made from a birth date and an individual number. */
    private static String valid(String birth, String individual) {
        int[] d = (birth + individual).chars().map(c -> c - '0').toArray();
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int s1 = 0;
        for (int i = 0; i < 9; i++) {
            s1 += d[i] * w1[i];
        }
        int k1 = (11 - s1 % 11) % 11;
        int s2 = 0;
        int[] ten = new int[10];
        System.arraycopy(d, 0, ten, 0, 9);
        ten[9] = k1;
        for (int i = 0; i < 10; i++) {
            s2 += ten[i] * w2[i];
        }
        int k2 = (11 - s2 % 11) % 11;
        if (k1 == 10 || k2 == 10) {
            throw new IllegalArgumentException("no valid number for " + birth + individual);
        }
        return birth + individual + k1 + k2;
    }

    @Test
    void aValidFødselsnummerNeverLeavesInAnExport() {
        String fnr = valid("150385", "123");
        assertEquals("Pasient [fødselsnummer] møtte.", NationalIds.mask("Pasient " + fnr + " møtte."));
    }

    /**
     * The demo's journal writes «Fødselsnummer: 01017012345», eleven digits whose check digits fail: the export of round 45's
     * walk carried them, anonymised or not. What a label calls a fødselsnummer, D- or H-number is masked whatever its digits.
     */
    @Test
    void aNumberALabelCallsAFodselsnummerIsMaskedWhateverItsCheckDigits() {
        assertEquals("Pasient: Roar. Fødselsnummer: [fødselsnummer].", NationalIds.mask("Pasient: Roar. Fødselsnummer: 01017012345."));
        assertEquals("Gutten (f.nr. [fødselsnummer]) og mor (fnr [fødselsnummer])",
                NationalIds.mask("Gutten (f.nr. 010170 12345) og mor (fnr 01017012345)"));
        assertEquals("Personnummeret hans er [fødselsnummer], D-nummer: [d-nummer], H-nr. [h-nummer].",
                NationalIds.mask("Personnummeret hans er 01017012345, D-nummer: 41017012345, H-nr. 01417012345."));
        assertEquals("Fødselsnummer: 0101701234.", NationalIds.mask("Fødselsnummer: 0101701234."), "ten digits");
    }

    /**
     * A fødselsnummer mistyped and written without a label is still the person's: eleven digits that open with a date of
     * birth (as a fødselsnummer, a D- or an H-number writes it) are masked whatever their check digits; others stay.
     */
    @Test
    void elevenDigitsOpenedByADateOfBirthAreMaskedWithoutALabel() {
        assertEquals("Mor ([fødselsnummer]) og gutten ([d-nummer]), far [h-nummer].",
                NationalIds.mask("Mor (01017012345) og gutten (41017012345), far 014170 12345."));
        assertEquals("Konto 12345678901, saksnummer 32017012345 og 00017012345.",
                NationalIds.mask("Konto 12345678901, saksnummer 32017012345 og 00017012345."),
                "no day 32 nor 00, nor month 34: no date of birth");
    }

    /**
     * Round 47's walk: {@code fødselsnummer 150378-10034} in a DOCX footnote, {@code 010203-10045} in a journal, and a finding's
     * own text with the number split over two lines all left in every export, anonymised or not.
     */
    @Test
    void aNumberWithAHyphenOrALineBreakNeverLeaves() {
        String fnr = valid("150378", "100");
        String hyphen = fnr.substring(0, 6) + "-" + fnr.substring(6);
        assertEquals("Søsterens nummer er [fødselsnummer] i henvisningen.", NationalIds.mask("Søsterens nummer er " + hyphen + " i henvisningen."));
        assertEquals("Barnets fødselsnummer [fødselsnummer] er rettet.", NationalIds.mask("Barnets fødselsnummer " + hyphen + " er rettet."));
        assertEquals("se [fødselsnummer] og", NationalIds.mask("se " + fnr.substring(0, 6) + "\n" + fnr.substring(6) + " og"));
        assertEquals("Fødselsnummer: [fødselsnummer].", NationalIds.mask("Fødselsnummer: 010170-12345."), "labelled, check digits wrong");
        assertEquals("D-nummer [d-nummer].", NationalIds.mask("D-nummer 410170 123 45."));
    }

    @Test
    void otherNumbersStay() {
        assertEquals("Saksnummer 12345678901 og tlf. 55 12 34 56", NationalIds.mask("Saksnummer 12345678901 og tlf. 55 12 34 56"));
        assertEquals(null, NationalIds.mask(null));
    }

    /**
     * A text is looked through only when it has eleven digits (round 55: most have none, and the looking was a third of
     * the nationwide quotations page's CPU): a number whose eleven digits are the text's only ones, alone or split by a
     * gap, is still masked; ten digits are no number.
     */
    @Test
    void elevenDigitsAreEnoughToBeLookedAtAndTenAreNot() {
        assertEquals("[fødselsnummer]", NationalIds.mask("01017012345"));
        assertEquals("fnr [fødselsnummer]", NationalIds.mask("fnr 010170 12345"));
        assertEquals("Fnr 010170 1234.", NationalIds.mask("Fnr 010170 1234."));
        assertEquals("", NationalIds.mask(""));
    }
}
