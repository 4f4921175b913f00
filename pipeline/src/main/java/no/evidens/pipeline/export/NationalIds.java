package no.evidens.pipeline.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * Keeps fødselsnummer, D- and H-numbers out of every export, anonymised or not: each valid one (check
 * digits and date, as the PII tagger finds them), any eleven digits a label calls one, and any eleven digits that open
 * with a date of birth as these numbers write it, becomes {@code [fødselsnummer]}, {@code [d-nummer]} or
 * {@code [h-nummer]}.
 */
public final class NationalIds {
    /** What a fødselsnummer, a D-number and an H-number become. */
    private static final String FODSELSNUMMER = "[fødselsnummer]";
    private static final String D_NUMMER = "[d-nummer]";
    private static final String H_NUMMER = "[h-nummer]";
    private static final PiiTagger TAGGER = new PiiTagger();
    /**
     * Eleven digits right after a label that says what they are ({@code Fødselsnummer: }, {@code f.nr. }, {@code fnr },
     * {@code personnummeret hans er }, {@code D-nummer }): masked whatever their check digits, since a number mistyped (or made
     * up for a sample, as the demo's journal's) is still written as the person's number. Groups: the label of a
     * fødselsnummer, of a D-number, of an H-number; the number.
     */
    private static final Pattern LABELLED = Pattern.compile("(?iu)(?<!\\p{L})(?:(fødselsnummer\\p{L}*|fødselsnr|f\\.\\s?nr|fnr"
            + "|personnummer\\p{L}*|pers\\.\\s?nr)|(d-nummer\\p{L}*|d-nr)|(h-nummer\\p{L}*|h-nr))\\.?\\s*:?\\s*(?:(?:er|var|hans|hennes|deres)\\s+){0,2}"
            + "(\\d{6}" + PiiTagger.ELEVEN_GAP + PiiTagger.ELEVEN_FIVE + ")(?!\\d|[.,]\\d)");

    private NationalIds() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < ELEVEN_DIGITS || !holdsElevenDigits(text)) {
            // Every way below of finding a number needs eleven ASCII digits (\d without the UNICODE_CHARACTER_CLASS flag):
            // a text with fewer has none, and most quotations, titles and notes have none. Counting them first spares the
            // tagger and the label pattern, which were a third of the CPU of the nationwide quotations page (round 55).
            return text;
        }
        List<TaggedSpan> ids = new ArrayList<>(TAGGER.tag(text).stream()
                .filter(s -> s.type().equals(PiiTagger.FODSELSNUMMER) || s.type().equals(PiiTagger.D_NUMMER)
                        || s.type().equals(PiiTagger.H_NUMMER)).toList());
        ids.addAll(labelled(text));
        ids.addAll(dateShaped(text));
        if (ids.isEmpty()) {
            return text;
        }
        ids.sort(Comparator.comparingInt(TaggedSpan::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (TaggedSpan s : ids) {
            if (s.start() < at) {
                continue;
            }
            out.append(text, at, s.start()).append(switch (s.type()) {
                case PiiTagger.FODSELSNUMMER -> FODSELSNUMMER;
                case PiiTagger.D_NUMMER -> D_NUMMER;
                default -> H_NUMMER;
            });
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The digits of a fødselsnummer, D- or H-number. */
    private static final int ELEVEN_DIGITS = 11;

    /** Whether the text has at least eleven ASCII digits, anywhere. */
    private static boolean holdsElevenDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9' && ++digits == ELEVEN_DIGITS) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds what {@link #mask} puts in a personal number's place. */
    public static boolean holdsMask(String text) {
        return text != null && (text.contains(FODSELSNUMMER) || text.contains(D_NUMMER) || text.contains(H_NUMMER));
    }

    /**
     * Whether {@code masked} is what {@link #mask} makes of {@code source}: the same text, each mask standing where the
     * source has a personal number of that kind. The masking itself decides, so a text is taken back exactly when an
     * export of it would have written {@code masked}, never by a second reading of what a number looks like.
     */
    public static boolean isMaskOf(String masked, String source) {
        return masked != null && source != null && masked.equals(mask(source));
    }

    /**
     * Eleven digits that open with a date of birth as a fødselsnummer (day 01–31, month 01–12), a D-number (40 added to the
     * day) or an H-number (40 added to the month) writes it, whatever their check digits or label: a fødselsnummer mistyped
     * or unlabelled is still the person's number, and masking errs on the side of masking. Eleven digits of another shape
     * (a bank account of the form {@code 12345678901}, a case number) stay.
     */
    private static List<TaggedSpan> dateShaped(String text) {
        List<TaggedSpan> out = new ArrayList<>();
        Matcher m = PiiTagger.ELEVEN.matcher(text);
        while (m.find()) {
            String six = m.group(1);
            int day = Integer.parseInt(six.substring(0, 2));
            int month = Integer.parseInt(six.substring(2, 4));
            boolean dNumber = day > 40;
            boolean hNumber = month > 40;
            int d = dNumber ? day - 40 : day;
            int mo = hNumber ? month - 40 : month;
            if (dNumber && hNumber || d < 1 || d > 31 || mo < 1 || mo > 12) {
                continue;
            }
            String type = dNumber ? PiiTagger.D_NUMMER : hNumber ? PiiTagger.H_NUMMER : PiiTagger.FODSELSNUMMER;
            out.add(new TaggedSpan(type, m.start(), m.end()));
        }
        return out;
    }

    /** The numbers a label calls a fødselsnummer, D- or H-number, typed by their label. */
    private static List<TaggedSpan> labelled(String text) {
        List<TaggedSpan> out = new ArrayList<>();
        Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            String type = m.group(2) != null ? PiiTagger.D_NUMMER : m.group(3) != null ? PiiTagger.H_NUMMER : PiiTagger.FODSELSNUMMER;
            out.add(new TaggedSpan(type, m.start(4), m.end(4)));
        }
        return out;
    }
}
