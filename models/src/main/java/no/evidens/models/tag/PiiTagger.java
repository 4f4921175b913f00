package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.TaggedSpan;

/**
 * Personal data that follows a pattern: fødselsnummer and D-numbers (valid check digits only),
 * phone numbers, e-mail addresses and street addresses. Person names come from the name model.
 * Types: {@value #FODSELSNUMMER}, {@value #D_NUMMER}, {@value #H_NUMMER}, {@value #PHONE}, {@value #EMAIL},
 * {@value #ADDRESS}.
 * Thread-safe (no state).
 */
public final class PiiTagger {
    public static final String FODSELSNUMMER = "FODSELSNUMMER";
    public static final String D_NUMMER = "D_NUMMER";
    /** An H-number (health services' number for a person without a known one): masked like a fødselsnummer. */
    public static final String H_NUMMER = "H_NUMMER";
    public static final String PHONE = "PHONE";
    public static final String EMAIL = "EMAIL";
    public static final String ADDRESS = "ADDRESS";
    public static final String PERSON = "PERSON";

    /**
     * What writers put between the six digits of the date and the five after them: nothing, spaces, a hyphen
     * ({@code 010203-12345}), or a line break (a number split over two lines, spaces around it kept).
     */
    public static final String ELEVEN_GAP = "(?:[-\u2010\u2011\u2013]|[ \t\u00a0\u2009\u202f]*(?:\r?\n[ \t\u00a0\u2009\u202f]*)?)";
    /** The five digits after the date, also written three and two ({@code 010203 123 45}). */
    public static final String ELEVEN_FIVE = "\\d{3}[ \u00a0]?\\d{2}";
    /**
     * Eleven digits standing alone (six, a gap as {@link #ELEVEN_GAP} allows, five; not inside a longer number, nor after a
     * number and a hyphen).
     * Groups: the six, the five (perhaps with a space inside: {@link #digits} takes the digits).
     */
    public static final Pattern ELEVEN = Pattern.compile("(?<![\\d.,])(?<!\\d-)(\\d{6})" + ELEVEN_GAP + "(" + ELEVEN_FIVE + ")(?!\\d|[.,]\\d)");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\d._%+-])[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.\\p{L}{2,}");
    /**
     * Norwegian 8-digit numbers (first digit 2–9) grouped 2-2-2-2 (spaces or hyphens) or 3-2-3, or with
     * +47 / 0047, also in brackets: {@code (+47) 23-45-67-89}.
     */
    static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\d+-])(?:(?:\\+|00)47[ \u00a0]?|\\((?:\\+|00)47\\)[ \u00a0]?)?([2-9]\\d(?:[ \u00a0]\\d{2}){3}|[2-9]\\d(?:-\\d{2}){3}"
                    + "|[2-9]\\d{2}[ \u00a0]\\d{2}[ \u00a0]\\d{3}|[2-9]\\d{7})(?![\\d])(?!-\\d)");
    /** A phone word right before an ungrouped number: {@code tlf. }, {@code mobil: }, {@code mobil er }, {@code telefonnummeret hennes er }. */
    private static final Pattern PHONE_CUE = Pattern.compile("(?iu)(?<!\\p{L})(tlf|telefon\\p{L}*|mobil\\p{L}*|mob|tel|ring|sms)"
            + "\\.?:?(?:\\s+(?:nr\\.?|er|var|mitt|min|hans|hennes|deres|på|til))*\\s*:?\\s*$");
    private static final String STREET_WORD = "(?:veien|vegen|vei|veg|gata|gaten|gate|gt\\.|stien|stigen|plassen|plass|allé|alle|alleen|"
            + "bakken|bakke|lia|tunet|svingen|brygga|bryggen|kaia|kaien|ringen|haugen|jordet|løkka|lykkja|åsen|berget|torget|"
            + "kroken|tangen|stranda|marka|myra|sletta|vollen|hagen|bråten|skogen|toppen|sundet|vika|holmen|nes|neset)";
    /**
     * {@code Storgata 5}, {@code Kongens gate 12 B}, {@code Fjellveien 3a, 9990 Fjordvik}, {@code Postboks 123, 9990 Fjordvik},
     * {@code Postboks 123 Sentrum, 0102 Oslo} (a post office's name between the number and the postcode).
     */
    static final Pattern STREET = Pattern.compile(
            "(?u)(?<![\\p{L}])(?:(?:\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}?[\\p{L}-]*)?" + STREET_WORD + ")|(?:\\p{Lu}[\\p{L}-]+s?\\s+(?:gate|vei|veg|allé|plass))|Postboks|Pb\\.)"
                    + "\\s+\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}]))?(?:(?:\\s+\\p{Lu}[\\p{L}-]*\\.?)?\\s*,\\s*\\d{4}\\s+\\p{Lu}[\\p{L}-]+)?");

    /** Pattern-based personal data in the text, by start. */
    public List<TaggedSpan> tag(String text) {
        List<TaggedSpan> out = new ArrayList<>();
        // Each pattern tried only where its match can start (see StartedFind): the first character it can take,
        // and not right after a character its look-behind refuses. The same matches as Matcher.find.
        StartedFind eleven = new StartedFind(ELEVEN, text, PiiTagger::elevenStart);
        while (eleven.find()) {
            Matcher m = eleven.matcher();
            PersonalNumber.Kind kind = PersonalNumber.classify(digits(m));
            switch (kind) {
                case FODSELSNUMMER -> out.add(new TaggedSpan(FODSELSNUMMER, m.start(), m.end()));
                case D_NUMMER -> out.add(new TaggedSpan(D_NUMMER, m.start(), m.end()));
                case H_NUMMER -> out.add(new TaggedSpan(H_NUMMER, m.start(), m.end()));
                default -> { }
            }
        }
        if (text.indexOf('@') >= 0) { // an address has one; most texts have none
            Matcher m = EMAIL_ADDRESS.matcher(text);
            while (m.find()) {
                add(out, new TaggedSpan(EMAIL, m.start(), m.end()));
            }
        }
        StartedFind phone = new StartedFind(PHONE_NUMBER, text, PiiTagger::phoneStart);
        while (phone.find()) {
            Matcher m = phone.matcher();
            String digits = m.group(1).replaceAll("\\D", "");
            boolean grouped = !m.group(1).equals(digits) || m.group().startsWith("+") || m.group().startsWith("(") || m.group().startsWith("00");
            boolean cued = PHONE_CUE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find();
            if ((grouped || cued) && !looksLikeYearOrDate(text, m)) {
                add(out, new TaggedSpan(PHONE, m.start(), m.end()));
            }
        }
        StartedFind street = new StartedFind(STREET, text, PiiTagger::streetStart);
        while (street.find()) {
            Matcher m = street.matcher();
            String head = m.group().toLowerCase(Locale.ROOT);
            if (head.startsWith("paragraf") || head.startsWith("side ")) {
                continue;
            }
            add(out, new TaggedSpan(ADDRESS, m.start(), m.end()));
        }
        out.sort(Comparator.comparingInt(TaggedSpan::start));
        return out;
    }

    /** The eleven digits of a match of {@link #ELEVEN}, without what the writer put between them. */
    public static String digits(Matcher eleven) {
        return eleven.group(1) + eleven.group(2).replace(" ", "").replace("\u00a0", "");
    }

    /**
     * Where {@link #ELEVEN} can start: a digit after none of its look-behind's characters (a digit, a point or comma, or a
     * hyphen after a digit: a hyphen after a letter, as in a file name {@code notat-01020312345.pdf}, may come before it).
     */
    static boolean elevenStart(String text, int index) {
        return StartedFind.digit(text, index) && !afterAny(text, index, "0123456789.,")
                && !(afterAny(text, index, "-") && afterAny(text, index - 1, "0123456789"));
    }

    /**
     * Where {@link #PHONE_NUMBER} can start: a digit, {@code +} (of +47) or {@code (} (of (+47)), after none of its
     * look-behind's characters.
     */
    static boolean phoneStart(String text, int index) {
        char c = text.charAt(index);
        return (c >= '0' && c <= '9' || c == '+' || c == '(') && !afterAny(text, index, "0123456789+-");
    }

    /**
     * Where {@link #STREET} can start: a capital letter (every alternative opens with one) not after a letter, that
     * begins one word, or two words apart by white space, followed by white space and a digit. Every alternative's
     * head is one or two such words (letters and hyphens, {@code gt.} and {@code Pb.} ending in a dot) and ends right
     * before the white space of {@code \s+\d}; a capital word not so followed (most of them) cannot start a match,
     * and trying the pattern there cost most of its time: its first alternative backtracks over every letter of
     * both words against each street word. The word and white-space tests take more characters than the pattern's
     * classes do, so the test passes wherever a match starts.
     */
    static boolean streetStart(String text, int index) {
        if (!Character.isUpperCase(text.codePointAt(index)) || StartedFind.afterLetter(text, index)) {
            return false;
        }
        int n = text.length();
        int end = pastWord(text, index + Character.charCount(text.codePointAt(index)));
        for (int words = 1; words <= 2; words++) {
            int next = pastSpace(text, end);
            if (next == end || next >= n) {
                return false;
            }
            if (Character.isDigit(text.codePointAt(next))) {
                return true;
            }
            end = pastWord(text, next);
            if (end == next) {
                return false;
            }
        }
        return false;
    }

    /**
     * The end of the run of word characters from {@code i}: letters ({@code \p{L}}, of either plane: a surrogate
     * is taken as one), capitals, hyphens and dots.
     */
    private static int pastWord(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' || c == '.' || Character.isLetter(c) || Character.isUpperCase(c) || Character.isSurrogate(c)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The end of the run of white space from {@code i}: every character Unicode's White_Space property holds
     * ({@code \s} with {@code (?u)}), and a few more.
     */
    private static int pastSpace(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Whether the character before {@code index} is one of {@code chars}. */
    private static boolean afterAny(String text, int index, String chars) {
        return index > 0 && chars.indexOf(text.charAt(index - 1)) >= 0;
    }

    /** {@code 2024 2025}-like pairs of years are not phone numbers. */
    private static boolean looksLikeYearOrDate(String text, Matcher m) {
        return m.group(1).matches("(19|20)\\d\\d[ \u00a0](19|20)\\d\\d");
    }

    private static void add(List<TaggedSpan> out, TaggedSpan span) {
        for (TaggedSpan s : out) {
            if (s.start() < span.end() && span.start() < s.end()) {
                return;
            }
        }
        out.add(span);
    }
}
