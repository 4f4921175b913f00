package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references to laws and regulations and normalises them to {@code {law, sections[]}}.
 *
 * <p>A reference is a {@code §} or {@code §§} group with its sections: numbers ({@code 17}, {@code 4-3},
 * {@code 6-3 a}, {@code 14a}), lists ({@code 17 og 18}, {@code 1-4, 2-1 og 4-3}, {@code § 18 og § 19}),
 * ranges ({@code 4-1 til 4-3}, {@code 6–9}), and per section {@code ledd}, {@code punktum},
 * {@code bokstav}, {@code nr.} The law is the name right before the group (full or short form, Bokmål
 * or Nynorsk, {@code lov om …}, {@code forskrift om …}, with an optional {@code (bvl)} or {@code (1992)}),
 * or after it ({@code § 29 i sivilbeskyttelsesloven}); without one ({@code jf. § 4}, {@code lovens § 2-1},
 * {@code samme lovs § 4}) it is the law of the previous reference in the same paragraph (or shortly before).
 * Each {@code jf.} starts a new reference. Thread-safe (no state).
 */
public final class LegalRefTagger {
    private static final int LOOK_BACK = 160;
    private static final int INHERIT_DISTANCE = 1500;

    private static final String ABBREVIATIONS = "bvl|hpl|fvl|stjl|sotjl|pbrl|pasrl|hol|hotjl|koml|oppll|sphl|phvl|offl|grl";
    private static final String LAW_WORD = "(?:\\p{L}+-\\s+og\\s+)?(?:psykisk\\s+)?\\p{L}[\\p{L}-]*?"
            + "(?:loven|lova|lovi|lovens|lovas|lov|forskriften|forskrifta|forskriftens)";
    private static final String TITLE = "(?:[\\p{L}-]+\\s+){0,12}?[\\p{L}-]+(?:\\s+m\\.\\s?[mv]\\.?|\\s+mv\\.)?";
    /** {@code lov om …}, {@code forskrift om … mv. etter lov om …} (a regulation named by the law it is given under). */
    /** A date and number between {@code lov} and {@code om}: {@code lov 17. juli 1992 nr. 100 om …}. */
    private static final String DATED = "(?:\\s+(?:av\\s+)?\\d{1,2}\\.\\s*\\p{L}+\\s+\\d{4}(?:\\s+nr\\.?\\s*\\d{1,4})?)?";
    private static final String LONG_NAME = "(?:lov|loven|forskrift|forskriften|forskrifta)" + DATED + "\\s+om\\s+" + TITLE
            + "(?:\\s+(?:etter|i\\s+medhold\\s+av|i\\s+medhald\\s+av)\\s+(?:lov" + DATED + "\\s+om\\s+" + TITLE + "|\\p{L}[\\p{L}-]*?(?:loven|lova)))?";
    /** A title with commas ({@code forskrift om habilitering og rehabilitering, individuell plan og koordinator}), taken only when it is a known name. */
    private static final Pattern LONG_WITH_COMMAS = Pattern.compile("(?iu)(?<![\\p{L}-])((?:lov|forskrift|forskriften|forskrifta)\\s+om\\s+"
            + "(?:[\\p{L}-]+,?\\s+){1,14}?[\\p{L}-]+)\\s*$");
    /** A law's name ending right before the § group (after optional asides). */
    private static final Pattern LAW_BEFORE = Pattern.compile("(?iu)(?<![\\p{L}-])("
            + "(?<self>samme\\s+lovs?|samme\\s+forskrifts?|lovens|lovas|lova\\s+sin|forskriftens|forskrifta\\s+sin)"
            + "|(?<long>" + LONG_NAME + ")"
            + "|(?<word>" + LAW_WORD + ")"
            + "|(?<abbr>(?:" + ABBREVIATIONS + ")\\.?)"
            + ")(?<aside>\\s*\\((?<paren>[\\p{L}\\d .-]{2,60})\\))?"
            + "(?:\\s+(?:av\\s+)?\\d{1,2}\\.\\s+\\p{L}+\\s+\\d{4}\\s+nr\\.\\s*\\d+)?\\s*$");
    /**
     * A long name that ends in {@code og} and a law's short name ({@code forskrift om ledelse og kvalitetsforbedring i
     * helse- og omsorgstjenesten og barnevernloven § 15-10}): two acts named side by side, the § group the last one's. No
     * title of a Norwegian act or regulation ends in another act's short name, so the short name is taken.
     */
    private static final Pattern LAW_JOINED = Pattern.compile("(?iu)\\s+(?:og|samt)\\s+(" + LAW_WORD + ")$");
    /** A law's name right after the group: {@code § 29 i sivilbeskyttelsesloven}. */
    private static final Pattern LAW_AFTER = Pattern.compile("(?iu)\\A\\s+i\\s+("
            + "(?<long>(?:lov|loven|forskrift|forskriften|forskrifta)" + DATED + "\\s+om\\s+(?:[\\p{L}-]+\\s+){0,10}?[\\p{L}-]*\\p{L}(?=\\s*[,.;:)]|\\s*$|\\s+(?:og|jf|samt)\\b))"
            + "|(?<word>" + LAW_WORD + "))(?![\\p{L}])");

    private static final Pattern NUMBER = Pattern.compile("\\A(\\d{1,3})(?:-(\\d{1,3}))?(?:\\s?([a-h])(?![\\p{L}\\d]))?");
    private static final String ORDINAL = "første|fyrste|andre|annet|annen|tredje|fjerde|femte|sjette|sjuande|sjuende|syvende|\\d{1,2}\\.";
    private static final Pattern LEDD = Pattern.compile("(?iu)\\A,?\\s*(" + ORDINAL + ")\\s+ledd");
    private static final Pattern PUNKTUM = Pattern.compile("(?iu)\\A,?\\s*(" + ORDINAL + ")\\s+punktum");
    private static final Pattern ALTERNATIV = Pattern.compile("(?iu)\\A,?\\s*(" + ORDINAL + ")\\s+alternativ");
    private static final Pattern BOKSTAV = Pattern.compile("(?iu)\\A,?\\s*(?:bokstav\\s+([a-zæøå])(?![\\p{L}])|([a-h])\\))");
    private static final Pattern NR = Pattern.compile("(?iu)\\A,?\\s*nr\\.?\\s*(\\d{1,3})(?![\\d-])");
    private static final Pattern LIST = Pattern.compile("(?iu)\\A(?:\\s*,\\s*|\\s+og\\s+|\\s+eller\\s+|\\s+samt\\s+)(?:§§?\\s*)?(?=\\d)");
    private static final Pattern RANGE = Pattern.compile("(?iu)\\A(?:\\s*[–—]\\s*|\\s+-\\s*|\\s+til\\s+(?:og\\s+med\\s+)?)(?:§\\s*)?(?=\\d)");

    /** References in the text, in order. */
    public List<LegalReference> tag(String text) {
        List<LegalReference> out = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf('§', i)) >= 0) {
            int groupStart = i;
            int p = i;
            while (p < text.length() && text.charAt(p) == '§') {
                p++;
            }
            while (p < text.length() && Character.isWhitespace(text.charAt(p)) && text.charAt(p) != '\n') {
                p++;
            }
            List<String> sections = new ArrayList<>();
            int end = sections(text, p, sections);
            if (sections.isEmpty()) {
                i = p;
                continue;
            }
            int start = groupStart;
            String law = null;
            boolean selfReference = false;
            int base = lineStart(text, groupStart);
            Matcher before = LAW_BEFORE.matcher(text.substring(base, groupStart));
            Matcher commas = LONG_WITH_COMMAS.matcher(text.substring(base, groupStart));
            if (commas.find() && commas.group(1).contains(",") && LawNames.isKnown(commas.group(1))) {
                start = base + commas.start(1);
                law = LawNames.canonical(commas.group(1));
            } else if (before.find()) {
                start = base + before.start(1);
                if (before.group("self") != null) {
                    selfReference = true;
                } else {
                    String written = before.group("long") != null ? before.group("long")
                            : before.group("word") != null ? before.group("word") : before.group("abbr");
                    Matcher joined = before.group("long") != null ? LAW_JOINED.matcher(written) : null;
                    if (joined != null && joined.find()) {
                        start = base + before.start("long") + joined.start(1);
                        written = joined.group(1);
                    }
                    law = LawNames.canonical(LawNames.FINAL_STOP.matcher(written).replaceAll(""));
                    String paren = before.group("paren");
                    // lov om statlig tilsyn med … (helsetilsynslova) § 2: the short name in brackets names it best
                    if (paren != null && before.group("long") != null && LawNames.isKnown(paren)) {
                        law = LawNames.canonical(paren);
                    }
                }
            }
            if (law == null && !selfReference) {
                Matcher after = LAW_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 160)));
                if (after.find()) {
                    String written = after.group("long") != null ? after.group("long") : after.group("word");
                    law = LawNames.canonical(written);
                    end = end + after.end();
                }
            }
            if (law == null) {
                law = previousLaw(out, start);
            }
            out.add(new LegalReference(law, sections, start, end));
            i = end;
        }
        return out;
    }

    /**
     * Where the law's name before the reference at {@code at} may start: {@link #LOOK_BACK} characters back, or the start
     * of the paragraph when that is nearer. Only those characters are searched for the paragraph break: a search back
     * through the whole text for every reference grew with references × length in a text of one long paragraph.
     */
    static int lineStart(CharSequence text, int at) {
        int from = Math.max(0, at - LOOK_BACK);
        // a break starting before from - 1 ends at or before from: from is the answer then
        for (int k = Math.min(at, text.length() - 2); k >= from - 1 && k >= 0; k--) {
            if (text.charAt(k) == '\n' && text.charAt(k + 1) == '\n') {
                return Math.max(from, k + 2);
            }
        }
        return from;
    }

    private static String previousLaw(List<LegalReference> out, int start) {
        for (int k = out.size() - 1; k >= 0; k--) {
            LegalReference r = out.get(k);
            if (start - r.end() > INHERIT_DISTANCE) {
                return null;
            }
            if (r.law() != null) {
                return r.law();
            }
        }
        return null;
    }

    /** Parses the sections from {@code p}; returns the end of the last one. */
    private static int sections(String text, int p, List<String> out) {
        int end = p;
        String rangeFrom = null;
        while (true) {
            Matcher n = NUMBER.matcher(text.substring(p, Math.min(text.length(), p + 20)));
            if (!n.find()) {
                return end;
            }
            String section = n.group(1) + (n.group(2) != null ? "-" + n.group(2) : "") + (n.group(3) != null ? n.group(3) : "");
            p += n.end();
            StringBuilder qualified = new StringBuilder(section);
            p = qualifiers(text, p, qualified);
            if (rangeFrom != null) {
                out.remove(out.size() - 1);
                out.addAll(range(rangeFrom, section));
                rangeFrom = null;
            } else {
                out.add(qualified.toString());
            }
            end = p;
            String rest = text.substring(p, Math.min(text.length(), p + 30));
            Matcher r = RANGE.matcher(rest);
            if (r.find()) {
                rangeFrom = section;
                p += r.end();
                continue;
            }
            Matcher l = LIST.matcher(rest);
            if (l.find()) {
                p += l.end();
                continue;
            }
            return end;
        }
    }

    private static int qualifiers(String text, int p, StringBuilder section) {
        boolean more = true;
        while (more) {
            more = false;
            String rest = text.substring(p, Math.min(text.length(), p + 40));
            Matcher m;
            if ((m = LEDD.matcher(rest)).find()) {
                section.append(" (").append(ordinal(m.group(1))).append(')');
            } else if ((m = PUNKTUM.matcher(rest)).find()) {
                section.append(" punktum ").append(ordinal(m.group(1)));
            } else if ((m = ALTERNATIV.matcher(rest)).find()) {
                section.append(" alternativ ").append(ordinal(m.group(1)));
            } else if ((m = BOKSTAV.matcher(rest)).find()) {
                section.append(" bokstav ").append(m.group(1) != null ? m.group(1).toLowerCase() : m.group(2));
            } else if ((m = NR.matcher(rest)).find()) {
                section.append(" nr. ").append(m.group(1));
            } else {
                break;
            }
            p += m.end();
            more = true;
        }
        return p;
    }

    static int ordinal(String word) {
        String w = word.toLowerCase();
        if (w.endsWith(".")) {
            return Integer.parseInt(w.substring(0, w.length() - 1));
        }
        return switch (w) {
            case "første", "fyrste" -> 1;
            case "andre", "annet", "annen" -> 2;
            case "tredje" -> 3;
            case "fjerde" -> 4;
            case "femte" -> 5;
            case "sjette" -> 6;
            default -> 7;
        };
    }

    private static final Pattern SECTION = Pattern.compile("(?:(\\d+)-)?(\\d+)([a-h])?");

    /**
     * {@code 6, 9} → 6, 7, 8, 9; {@code 4-1, 4-3} → 4-1, 4-2, 4-3; lettered ends: {@code 13, 13b} → 13, 13a, 13b;
     * {@code 4-1, 4-3a} → 4-1, 4-2, 4-3, 4-3a; {@code 6-3a, 6-3c} → 6-3a, 6-3b, 6-3c; otherwise the two ends.
     */
    static List<String> range(String from, String to) {
        List<String> out = new ArrayList<>();
        Matcher a = SECTION.matcher(from);
        Matcher b = SECTION.matcher(to);
        if (a.matches() && b.matches() && java.util.Objects.equals(a.group(1), b.group(1))) {
            int x = Integer.parseInt(a.group(2));
            int y = Integer.parseInt(b.group(2));
            String prefix = a.group(1) == null ? "" : a.group(1) + "-";
            char fromLetter = a.group(3) == null ? 0 : a.group(3).charAt(0);
            char toLetter = b.group(3) == null ? 0 : b.group(3).charAt(0);
            if (fromLetter == 0 && x < y && y - x <= 30 || fromLetter == 0 && x == y && toLetter != 0) {
                for (int k = x; k <= y; k++) {
                    out.add(prefix + k);
                }
                for (char c = 'a'; toLetter != 0 && c <= toLetter; c++) {
                    out.add(prefix + y + c);
                }
                return out;
            }
            if (fromLetter != 0 && x == y && toLetter > fromLetter) {
                for (char c = fromLetter; c <= toLetter; c++) {
                    out.add(prefix + y + c);
                }
                return out;
            }
        }
        out.add(from);
        out.add(to);
        return out;
    }
}
