package no.evidens.models.tag;

/**
 * Norwegian national identity numbers: fødselsnummer and D-number (11 digits: date of birth, a
 * three-digit individual number and two mod-11 check digits). A D-number has 40 added to the day.
 */
public final class PersonalNumber {
    private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** What an 11-digit number is. */
    public enum Kind { FODSELSNUMMER, D_NUMMER, INVALID }

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
        if (dNumber) {
            day -= 40;
        }
        if (month > 40) {
            month -= 40; // H-number (assigned by health services): same check digits
        }
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return Kind.INVALID;
        }
        return dNumber ? Kind.D_NUMMER : Kind.FODSELSNUMMER;
    }

    public static boolean isValid(String digits) {
        return classify(digits) != Kind.INVALID;
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
