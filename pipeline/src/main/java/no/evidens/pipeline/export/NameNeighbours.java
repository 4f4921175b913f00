package no.evidens.pipeline.export;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;
import no.evidens.models.RoyalNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * What stands beside a masked name and belongs to it or to a person named the same way (issue 15, anonymisation round 14):
 * a nickname in brackets inside a full name and the name's last words after it ({@code Per Arne (Pelle) Brekke
 * Vikstad}), and a capital letter listed with a letter that names a person ({@code både A og B.}); round 15: one or two
 * initials and the surname after a masked given name ({@code Kari B. Nordvik}), a capitalised word and initials before a
 * masked surname, and a particle that is no Norwegian word with the surname after it ({@code Ana dos Reis}).
 */
final class NameNeighbours {
    private NameNeighbours() {
    }

    /** A capitalised word in brackets right after a name and one to three capitalised words after it. */
    private static final Pattern NICKNAME = Pattern.compile("\\G \\((\\p{Lu}\\p{Ll}+)\\)((?: \\p{Lu}\\p{Ll}+){1,3})");
    /** A capital letter standing alone (not an initial with its full stop, not {@code A-laget}). */
    private static final Pattern LETTER = Pattern.compile("(?<![\\p{L}\\d.])(\\p{Lu})(?![\\p{L}\\d-])");

    /** Initials and a surname right after a name ({@code  B. Nordvik}, {@code  W. G. Sebald}). */
    private static final Pattern INITIALS_AFTER = Pattern.compile("\\G (?:\\p{Lu}\\. ){1,2}(\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*)(?![\\p{L}\\d])");
    /**
     * A name particle that is no Norwegian word and the surname after it ({@code  dos Reis}, {@code  van der Berg}); the
     * particles that are also Norwegian words ({@code de}, {@code da}) are left out: {@code … da Kari kom}.
     */
    private static final Pattern PARTICLE_AFTER = Pattern.compile(
            "\\G (?:van|von|van der|van den|von der|bin|ibn|di|del|della|dos|das|af|ter|ten|zu|abu|ould) (\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*)(?![\\p{L}\\d])");
    /** A capitalised word and one or two initials right before a name ({@code Kari B. }). */
    private static final Pattern INITIALS_BEFORE = Pattern.compile("(?<![\\p{L}\\d])(\\p{Lu}\\p{Ll}+) (?:\\p{Lu}\\. ){1,2}$");
    /**
     * A capitalised word, one or two initials and a capitalised word ({@code Ola K. Quillan}, made up): a person's name
     * by its shape alone, whatever the model typed its words.
     */
    private static final Pattern INITIALLED = Pattern.compile(
            "(?<![\\p{L}\\d.])(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?) (?:\\p{Lu}\\. ){1,2}(\\p{Lu}\\p{Ll}+(?:-?\\p{Lu}\\p{Ll}+)*)(?![\\p{L}\\d])");
    /** A listed place's word after a name, then a word that makes the two a street or square ({@code Kari Nordvik gate}). */
    private static final Pattern PLACE_AFTER = Pattern.compile(
            "\\G (\\p{Lu}\\p{Ll}+)(?![\\p{L}\\d-])(?! (?:gate|gata|vei|veien|vegen|plass|allé|torg|bru|brygge)(?![\\p{L}]))");
    /**
     * Two or three capitalised words opening a line, a passage or a sentence, then a colon and a dash or a quotation
     * mark: a speaker's turn in an interview ({@code Kari Quillan: - Det stemmer}, made up; round 17).
     */
    private static final Pattern SPEAKER = Pattern.compile(
            "(?:^|(?<=\\n)|(?<=  )|(?<=[.!?»] ))(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?: \\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?){1,2}): ?[-–«]");
    /** How far back {@link #INITIALS_BEFORE} looks. */
    private static final int BEFORE_WINDOW = 40;

    /**
     * Widens a masked name over initials and a particle and the name words they join to it (the model or the rules found
     * only the given name: {@code Kari} of {@code Kari B. Nordvik}), whatever the model typed those words, unless a word
     * is no name ({@link Maskable#whateverTyped}; before the initials a listed given name always joins).
     */
    static void initialsAndParticles(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        boolean grown = true;
        while (grown) {
            grown = false;
            for (int i = 0; i < spans.size() && !grown; i++) {
                TaggedSpan s = spans.get(i);
                if (PiiTagger.PERSON.equals(s.type())) {
                    grown = widenAfter(text, spans, s, lowerCase) || widenBefore(text, spans, s, lowerCase);
                }
            }
        }
    }

    private static boolean widenAfter(String text, List<TaggedSpan> spans, TaggedSpan s, Set<String> lowerCase) {
        for (Pattern p : List.of(INITIALS_AFTER, PARTICLE_AFTER)) {
            Matcher m = p.matcher(text);
            // a span running past the name word belongs to someone else: leave both as they are
            if (m.find(s.end()) && Maskable.whateverTyped(m.group(1), lowerCase)
                    && spans.stream().noneMatch(o -> o != s && o.start() < m.end() && m.start() < o.end() && o.end() > m.end())) {
                int end = m.end();
                spans.removeIf(o -> o != s && o.start() >= s.end() && o.end() <= end);
                spans.set(spans.indexOf(s), new TaggedSpan(PiiTagger.PERSON, s.start(), end));
                return true;
            }
        }
        return false;
    }

    private static boolean widenBefore(String text, List<TaggedSpan> spans, TaggedSpan s, Set<String> lowerCase) {
        int from = Math.max(0, s.start() - BEFORE_WINDOW);
        Matcher m = INITIALS_BEFORE.matcher(text.substring(from, s.start()));
        if (!m.find() || !Maskable.whateverTyped(m.group(1), lowerCase) && !DocumentNames.isGivenName(m.group(1))) {
            return false;
        }
        int start = from + m.start();
        if (spans.stream().anyMatch(o -> o != s && o.start() < s.start() && start < o.end())) {
            return false;
        }
        spans.set(spans.indexOf(s), new TaggedSpan(PiiTagger.PERSON, start, s.end()));
        return true;
    }

    /**
     * Masks a capitalised word, one or two initials and a capitalised word together (round 16, chosen on the stress run of
     * the folds: full names the model and the cues missed, {@code Ola K. Quillan}, made up), whatever the model typed the
     * words, when the first is a listed given name or both could be names ({@link Maskable#whateverTyped});
     * a masked span inside or across it is taken into it.
     */
    static void initialled(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        Matcher m = INITIALLED.matcher(text);
        while (m.find()) {
            String first = m.group(1);
            if (lowerCase.contains(first.toLowerCase(Locale.ROOT)) || DocumentNames.isFunctionWord(first)
                    || !DocumentNames.isGivenName(first) && !(Maskable.whateverTyped(first, lowerCase)
                            && Maskable.whateverTyped(m.group(2), lowerCase))) {
                continue;
            }
            cover(spans, m.start(), m.end());
        }
    }

    /**
     * Takes a listed place's word right after a masked listed given name into the name ({@code Kari Grimstad}: a surname
     * that is also a place; round 16, chosen on the stress run of the folds), unless the text writes the word in lower case
     * or a street's word follows ({@code … gate}).
     */
    static void placeSurnames(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            Matcher m = PLACE_AFTER.matcher(text);
            if (!PiiTagger.PERSON.equals(s.type()) || !(bareGivenName(s.cut(text)) || fullName(s.cut(text))) || !m.find(s.end())
                    || lowerCase.contains(m.group(1).toLowerCase(Locale.ROOT)) || !listedSurname(m.group(1))) {
                continue;
            }
            int end = m.end();
            if (spans.stream().noneMatch(o -> o != s && o.start() < end && s.end() < o.end() && o.end() > end)) {
                spans.removeIf(o -> o != s && o.start() >= s.end() && o.end() <= end);
                spans.set(spans.indexOf(s), new TaggedSpan(PiiTagger.PERSON, s.start(), end));
            }
        }
    }

    /**
     * The stems of the surnames of full names a text writes in a shape that makes them persons whatever the model typed
     * them: a listed given name with initials before the surname ({@code Ola K. Quillan}, made up), or a listed given name
     * right before a listed place's word ({@code Kari Grimstad}); round 16, chosen on the stress run of the folds.
     */
    static Set<String> shapeSurnames(String text, Set<String> lowerCase) {
        Set<String> out = new HashSet<>();
        Matcher m = INITIALLED.matcher(text);
        while (m.find()) {
            if (DocumentNames.isGivenName(m.group(1)) && !lowerCase.contains(m.group(1).toLowerCase(Locale.ROOT))
                    && !lowerCase.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                out.add(TextWords.stem(m.group(2)));
            }
        }
        Matcher g = TextWords.CAPITALISED.matcher(text);
        while (g.find()) {
            Matcher p = PLACE_AFTER.matcher(text);
            String given = g.group();
            if (bareGivenName(given)
                    && !lowerCase.contains(given.toLowerCase(Locale.ROOT)) && !TextWords.opening(text, g.start()) && p.find(g.end())
                    && !lowerCase.contains(p.group(1).toLowerCase(Locale.ROOT)) && listedSurname(p.group(1))) {
                out.add(TextWords.stem(p.group(1)));
            }
        }
        // round 27: the capitalised word right before a listed public figure's word is a given name, also where a list knows
        // it as a club or place (a president's daughter named as a football club), and so that word alone elsewhere
        Matcher f = FAMOUS_AFTER.matcher(text);
        while (f.find()) {
            String given = f.group(1);
            if (DocumentNames.isFamousName(f.group(2)) && !DocumentNames.isFamousName(given) && !TextWords.opening(text, f.start(1))
                    && !lowerCase.contains(given.toLowerCase(Locale.ROOT)) && !lowerCase.contains(f.group(2).toLowerCase(Locale.ROOT))
                    && !DocumentNames.isFunctionWord(given) && !DocumentNames.isTitle(given) && !DocumentNames.isNoNameWord(given)) {
                out.add(TextWords.stem(given));
            }
        }
        return out;
    }

    /**
     * A capitalised word (no genitive) and a second right after it that is no genitive, with no street's word, hyphen or
     * further capitalised word after it: a given name before a listed public figure's word ({@link #shapeSurnames}).
     */
    private static final Pattern FAMOUS_AFTER = Pattern.compile(PersonShapes.PAIR_START + "(\\p{Lu}\\p{Ll}+(?<!s)) (\\p{Lu}\\p{Ll}+(?<!s))"
            + PersonShapes.PAIR_END + "(?! " + PersonShapes.NAMED_PLACE_WORD + ")");

    /**
     * Whether a word a list knows as a place or, since round 26, an organisation may be the surname after a given name
     * ({@code Kari Grimstad}; {@code Jenny Skavlan}, a talk show named after its host; the folds' stress runs of quarters 1–3).
     */
    private static boolean listedSurname(String word) {
        String type = DomainNames.shared().typeOf(word);
        return "LOC".equals(type) || "ORG".equals(type);
    }

    /**
     * Two or three words whose first has a listed given name in it ({@code May-Kari Quillan}, made up), the last no genitive:
     * a full name that a listed place's word after it continues (round 18; {@link #placeSurnames}).
     */
    private static boolean fullName(String name) {
        String[] words = name.split(" ");
        return words.length >= 2 && words.length <= MAX_FULL_NAME && Arrays.stream(words[0].split("-")).anyMatch(DocumentNames::isGivenName)
                && !words[words.length - 1].endsWith("s");
    }

    private static final int MAX_FULL_NAME = 3;

    /** A word with a second capital right after its first and lower-case letters after ({@code  NDour}), after a name. */
    private static final Pattern CAPITAL_INSIDE_AFTER = Pattern.compile("\\G (\\p{Lu}\\p{Lu}\\p{Ll}{2,})(?![\\p{L}\\d-])");

    /**
     * Takes a word with two capitals before its lower-case letters ({@code Yossou NDour}) right after a masked name into it
     * (round 28, chosen on the folds' stress runs): no word a capitalised word's pattern reads, so nothing else joined it,
     * and written so it is a transcribed name, not an abbreviation's inflection (two lower-case letters at least).
     */
    static void capitalInside(String text, List<TaggedSpan> spans) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            Matcher m = CAPITAL_INSIDE_AFTER.matcher(text);
            if (PiiTagger.PERSON.equals(s.type()) && m.find(s.end()) && !CuedNames.covered(spans, m.start(1), m.end(1))) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, s.start(), m.end()));
            }
        }
    }

    /** A roman numeral after a name ({@code  XVI}, {@code  V}); not {@code I} alone (a pronoun, a preposition). */
    private static final Pattern NUMERAL_AFTER = Pattern.compile("\\G (X{0,3}(?:IX|IV|V?I{0,3}))(?![\\p{L}\\d])");

    /**
     * Takes a regnal number right after a masked name into it ({@code pave Benedikt XVI}; round 18, chosen on the stress run
     * of the folds): where the name ends in a listed given name or a title stands before it — a boat or a film's sequel
     * after a word masked by mistake ({@code Fram XV}) gains no mask.
     */
    static void numerals(String text, List<TaggedSpan> spans) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            Matcher m = NUMERAL_AFTER.matcher(text);
            if (PiiTagger.PERSON.equals(s.type()) && m.find(s.end()) && !m.group(1).isEmpty() && !"I".equals(m.group(1))
                    && regnal(text, s) && !CuedNames.covered(spans, m.start(1), m.end(1))) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, s.start(), m.end()));
            }
        }
    }

    /** Whether the masked name ends in a listed given name or a title stands right before it ({@code pave Benedikt}). */
    private static boolean regnal(String text, TaggedSpan s) {
        String last = TextWords.wordEndingAt(text, s.end());
        String title = s.start() >= 2 && text.charAt(s.start() - 1) == ' ' ? TextWords.wordEndingAt(text, s.start() - 1) : null;
        return last != null && DocumentNames.isGivenName(last) || title != null && DocumentNames.isTitle(title);
    }

    /** A listed given name not in the genitive: a genitive owns the place after it ({@code Olas Lindesnes}, made up). */
    static boolean bareGivenName(String word) {
        return DocumentNames.isGivenName(word) && !(word.endsWith("s") && DocumentNames.isGivenName(word.substring(0, word.length() - 1)));
    }

    /**
     * Puts a person span over {@code [a, b)}, taking in the person spans it overlaps; none where another kind overlaps
     * (also {@link PersonShapes}'s).
     */
    static void cover(List<TaggedSpan> spans, int a, int b) {
        int start = a;
        int end = b;
        for (TaggedSpan o : spans) {
            if (o.start() < b && a < o.end()) {
                if (!PiiTagger.PERSON.equals(o.type())) {
                    return;
                }
                start = Math.min(start, o.start());
                end = Math.max(end, o.end());
            }
        }
        int from = start;
        int to = end;
        spans.removeIf(o -> o.start() < to && from < o.end());
        spans.add(new TaggedSpan(PiiTagger.PERSON, from, to));
    }

    /**
     * Widens a masked name over a nickname in brackets and the words after it, whatever the model typed them (a surname
     * that is also a place: {@code Vikstad}), unless the nickname is no name ({@link Maskable#whateverTyped}: a
     * party's abbreviation is listed) or a word after it is written in lower case in the text, a title, a function word or
     * an institution's word.
     */
    static void nicknames(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            Matcher m = NICKNAME.matcher(text);
            if (!PiiTagger.PERSON.equals(s.type()) || s.end() >= text.length() || !m.find(s.end())
                    || !Maskable.whateverTyped(m.group(1), lowerCase)) {
                continue;
            }
            boolean names = true;
            for (String w : m.group(2).trim().split(" ")) {
                names &= !lowerCase.contains(w.toLowerCase(Locale.ROOT)) && !DocumentNames.isTitle(w)
                        && !DocumentNames.isFunctionWord(w) && !DocumentNames.isNoNameWord(w);
            }
            int end = m.end();
            if (names && spans.stream().noneMatch(o -> o != s && o.start() < end && s.end() < o.end())) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, s.start(), end));
            }
        }
    }

    /**
     * A capitalised word, one or two capitalised words in quotation marks and a capitalised word, a hyphenated one too
     * ({@code Kari «Lillegutt» Quillan}, made up): a nickname written inside a full name.
     */
    private static final Pattern NICKNAME_INSIDE = Pattern.compile("(?<![\\p{L}\\d.'-])(\\p{Lu}\\p{Ll}+) [«\"“](\\p{Lu}[\\p{L}-]*"
            + "(?: \\p{Lu}[\\p{L}-]*)?)[»\"”] (\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?![\\p{L}\\d'-])");
    /**
     * One or two capitalised words in quotation marks after a word that gives a person a name ({@code kalt «Lillegutt»},
     * {@code kallenavnet «Kiki»}, {@code alias «Zorro»}). Round 31 (the written stress set q6): also after a verb of calling
     * and a personal pronoun ({@code vi kaller ham «Lillegutt»}), where a common noun's shape ({@code «Stålmannen»}) had
     * let it pass for a title.
     */
    private static final Pattern NICKNAME_GIVEN = Pattern.compile("(?<![\\p{L}])(?:kalt|kalles|kaltes|kallenavnet|kallenavn"
            + "|tilnavnet|økenavnet|alias|(?:kaller|kalte|kalla|kallar) (?:ham|henne|han|hun|ho|seg|meg|deg|oss|dere|dem))"
            + " [«\"“](\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*)?)[»\"”]");

    /**
     * Masks a quoted nickname where a person's context says it is one, whatever its words' shape (round 28, chosen on the
     * folds' stress runs): inside a full name, with the name's words on both sides as one name ({@code Kari «Lillegutt»
     * Quillan}: round 22's quoted-name rule left a common noun's shape, and the widening stopped at the quotation mark), where
     * the first word is a listed given name or masked already, or either is masked and the other could be a name ({@link
     * Maskable#whateverTyped}); and after a word of naming ({@code kalt «Lillegutt»}), unless the text writes a
     * quoted word in lower case or it is a function word.
     */
    static void quotedNicknames(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        Matcher m = NICKNAME_INSIDE.matcher(text);
        while (m.find()) {
            String first = m.group(1);
            String last = m.group(3);
            boolean firstName = masked(spans, m.start(1), m.end(1)) || bareGivenName(first) && !DocumentNames.isFunctionWord(first);
            boolean lastName = masked(spans, m.start(3), m.end(3)) || Maskable.whateverTyped(last.split("-")[0], lowerCase)
                    || DocumentNames.isPersonNameWord(last) && !lowerCase.contains(last.toLowerCase(Locale.ROOT));
            if (firstName && lastName && !DocumentNames.isTitle(first) && nickname(m.group(2), lowerCase)) {
                cover(spans, m.start(), m.end());
            }
        }
        Matcher g = NICKNAME_GIVEN.matcher(text);
        while (g.find()) {
            if (nickname(g.group(1), lowerCase) && !CuedNames.covered(spans, g.start(1), g.end(1))) {
                spans.add(new TaggedSpan(PiiTagger.PERSON, g.start(1), g.end(1)));
            }
        }
    }

    /** Whether a person span covers {@code [a, b)} whole. */
    private static boolean masked(List<TaggedSpan> spans, int a, int b) {
        return spans.stream().anyMatch(s -> PiiTagger.PERSON.equals(s.type()) && s.start() <= a && b <= s.end());
    }

    /** Whether quoted words may be a nickname: none written in lower case in the text, none a function word. */
    private static boolean nickname(String quoted, Set<String> lowerCase) {
        return Arrays.stream(quoted.split("[ -]")).noneMatch(w -> w.isEmpty() || lowerCase.contains(w.toLowerCase(Locale.ROOT))
                || DocumentNames.isFunctionWord(w));
    }

    /**
     * Masks a capital letter joined by {@code og}, {@code eller} or a comma to a masked name that is a letter itself (the
     * model's {@code B.}): the letters a text names the people of a case by ({@code A} and {@code B}). Not {@code I} and
     * {@code O} (an English pronoun, an interjection).
     */
    static void letters(String text, List<TaggedSpan> spans) {
        Matcher m = LETTER.matcher(text);
        while (m.find()) {
            int a = m.start();
            int b = m.end();
            if ("I".equals(m.group(1)) || "O".equals(m.group(1)) || CuedNames.covered(spans, a, b)) {
                continue;
            }
            for (TaggedSpan s : List.copyOf(spans)) {
                String name = s.cut(text);
                boolean letter = Character.isUpperCase(name.charAt(0)) && (name.length() == 1 || !Character.isLetter(name.charAt(1)));
                if (PiiTagger.PERSON.equals(s.type()) && letter && (CoordinatedWords.joined(text, b, s.start()) || CoordinatedWords.joined(text, s.end(), a))) {
                    spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
                    break;
                }
            }
        }
    }

    /**
     * Masks a speaker's name before a turn ({@link #SPEAKER}), whatever the model typed its words, unless one of them is
     * no name ({@link Maskable#whateverTyped}): the colon after it otherwise makes it a label.
     */
    static void speakers(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        Matcher m = SPEAKER.matcher(text);
        while (m.find()) {
            boolean names = Maskable.allWhateverTyped(m.group(1), lowerCase);
            int a = m.start(1);
            int b = m.end(1);
            if (names && spans.stream().noneMatch(o -> o.start() <= a && b <= o.end())) {
                spans.removeIf(o -> PiiTagger.PERSON.equals(o.type()) && a <= o.start() && o.end() <= b);
                spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
            }
        }
    }

    /**
     * Widens a masked name right after a royal title over {@code av} and the capitalised place after it ({@code eks-dronning
     * Zorbekka av Hellas}, made up): the name model's {@code RoyalNames} does so for its own person guesses only, so a royal
     * the anonymiser masks by another cue kept the country beside the placeholder, which names the person as well (round 22,
     * chosen on the folds' stress run).
     */
    static void royals(String text, List<TaggedSpan> spans) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            if (!PiiTagger.PERSON.equals(s.type()) || s.start() < 2 || text.charAt(s.start() - 1) != ' '
                    || !text.startsWith(" av ", s.end())) {
                continue;
            }
            String title = TextWords.wordEndingAt(text, s.start() - 1);
            int hyphen = s.start() - 1 - (title == null ? 0 : title.length());
            if (hyphen >= 4 && text.regionMatches(true, hyphen - 4, "eks-", 0, 4)) {
                title = "eks-" + title;
            }
            int p = s.end() + " av ".length();
            String place = TextWords.wordStartingAt(text, p);
            if (title != null && RoyalNames.royal(title) && !place.isEmpty() && Character.isUpperCase(place.charAt(0))
                    && !CuedNames.covered(spans, p, p + place.length())) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, s.start(), p + place.length()));
            }
        }
    }
}
