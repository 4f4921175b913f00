package no.evidens.models.tag;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Norwegian national identity numbers: fødselsnummer, D-number and H-number (11 digits: date of birth,
 * a three-digit individual number and two mod-11 check digits). A D-number has 40 added to the day, an
 * H-number (given by the health services to a person without a known number) 40 added to the month.
 * The date must exist: 31 February with valid check digits is no number at all.
 */
public final class PersonalNumber {
    private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** What an 11-digit number is. */
    public enum Kind { FODSELSNUMMER, D_NUMMER, H_NUMMER, INVALID }

    private PersonalNumber() {
    }

    /** The kind of {@code digits} (exactly 11 ASCII digits), {@link Kind#INVALID} when a check digit or the date is wrong. */
    public static Kind classify(String digits) {
        if (digits.length() != 11 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Kind.INVALID;
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            d[i] = digits.charAt(i) - '0';
        }
        if (checkDigit(d, K1) != d[9] || checkDigit(d, K2) != d[10]) {
            return Kind.INVALID;
        }
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        boolean dNumber = day > 40;
        boolean hNumber = month > 40;
        if (dNumber) {
            day -= 40;
        }
        if (hNumber) {
            month -= 40;
        }
        if (dNumber && hNumber || !dateExists(day, month, d[4] * 10 + d[5], d[6] * 100 + d[7] * 10 + d[8])) {
            return Kind.INVALID;
        }
        return dNumber ? Kind.D_NUMMER : hNumber ? Kind.H_NUMMER : Kind.FODSELSNUMMER;
    }

    public static boolean isValid(String digits) {
        return classify(digits) != Kind.INVALID;
    }

    /**
     * Whether the day exists in its month, in the year the individual number gives (000–499: 1900s;
     * 500–749 with year 54–99: 1800s; 500–999 with year 00–39: 2000s; 900–999 with year 40–99: 1900s).
     * Where those rules give no century the date is checked in both the 1900s and the 2000s (either will do).
     */
    private static boolean dateExists(int day, int month, int year, int individual) {
        int century;
        if (individual < 500) {
            century = 1900;
        } else if (individual < 750 && year >= 54) {
            century = 1800;
        } else if (year < 40) {
            century = 2000;
        } else if (individual >= 900) {
            century = 1900;
        } else {
            return exists(day, month, 1900 + year) || exists(day, month, 2000 + year);
        }
        return exists(day, month, century + year);
    }

    private static boolean exists(int day, int month, int year) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The mod-11 check digit over the first weights.length digits, or -1 when none exists (remainder 1). */
    private static int checkDigit(int[] d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += d[i] * weights[i];
        }
        int k = 11 - sum % 11;
        if (k == 11) {
            return 0;
        }
        return k == 10 ? -1 : k;
    }
}
