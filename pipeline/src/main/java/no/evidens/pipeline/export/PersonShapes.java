package no.evidens.pipeline.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * Persons the {@link Anonymiser} masks by the shape of their names whatever the name model typed them (issue 15,
 * anonymisation round 26, chosen on the folds' stress runs of quarters 1–3): a listed given name and a surname, also where a
 * sentence, a caption's label or a turn opens with them, and capital letters a document names its people by. Both kinds
 * stand where only the model had found them before: at an opening nothing explains a capital, and a letter is no word.
 */
final class PersonShapes {
    private PersonShapes() {
    }

    /**
     * A word after a person's name that makes the name a street's, a square's or a building's ({@code … gate},
     * {@code … skole}), as a regular expression with its end (shared with {@link NameNeighbours}).
     */
    static final String NAMED_PLACE_WORD = "(?:gate|gata|vei|veien|vegen|plass|allé|torg|bru|brygge|skole|kirke|senter)(?![\\p{L}])";

    /**
     * Where the first word of a pair of capitalised words may start: no letter, digit, full stop, apostrophe or hyphen right
     * before it (a regular expression's look-behind, shared with {@link NameNeighbours}).
     */
    static final String PAIR_START = "(?<![\\p{L}\\d.'-])";
    /**
     * Where the second word of such a pair must end: no letter, digit, apostrophe or hyphen after it, and no further
     * capitalised word (a firm's or an institution's longer name); shared with {@link NameNeighbours}.
     */
    static final String PAIR_END = "(?![\\p{L}\\d'-])(?! \\p{Lu})";

    /**
     * A capitalised word and a second right after it, one space between ({@code Kari Quillan}, made up), no hyphen or
     * further capitalised word after the second ({@link #PAIR_END}).
     */
    private static final Pattern TWO_WORDS = Pattern.compile(PAIR_START + "(\\p{Lu}\\p{Ll}+) (\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*)" + PAIR_END);
    /** Words after a name that make it a street's or a square's ({@code Kari Quillans gate}). */
    private static final Pattern STREET_AFTER = Pattern.compile("\\G " + NAMED_PLACE_WORD);

    /**
     * Masks a listed given name (not a genitive, not a function word) and the capitalised word right after it as one name,
     * where the second could be a name ({@link Maskable#whateverTyped}, or a listed surname the text never writes
     * in lower case), wherever they stand: after a sentence's or a caption's opening ({@code Tålmodighet: Kari Quillan i
     * …}) nothing else reads them, as the capital of an opening explains nothing and the model is then alone. Not a street
     * or building named after the person ({@code … gate}), nor a pair the model typed otherwise ({@link #otherName}).
     */
    static void givenAndSurname(String text, List<TaggedSpan> spans, List<TaggedSpan> found, Set<String> lowerCase) {
        for (Pair p : pairs(text)) {
            boolean listedGiven = NameNeighbours.bareGivenName(p.given()) && givenAsName(p.given(), lowerCase)
                    && (Maskable.whateverTyped(p.surname(), lowerCase) || listedSurname(p.surname(), lowerCase));
            if ((listedGiven || fullNameShape(text, p.start(), p.given(), p.surname(), lowerCase)) && !namedOtherwise(text, p, found)) {
                NameNeighbours.cover(spans, p.start(), p.end());
            }
        }
        compoundSurnames(text, spans, found, lowerCase);
    }

    /**
     * The stems of the surnames of full names {@link #givenAndSurname} reads in a text by their shape: a listed given name
     * (also one that could be another's genitive, {@code Johannes}; not a function word, never written in lower case, no
     * list's place or firm) and a listed surname or one
     * of a surname's shape ({@link #listedSurname}), not a street's name nor a pair the model typed otherwise. That surname
     * alone elsewhere in the document is the person's (round 28, chosen on the folds' stress runs: {@code Kari Quillansen}
     * once, then {@code Quillansen} alone, where the model's guesses of a firm named after the person explained the lone
     * word); as round 16's {@link NameNeighbours#shapeSurnames}.
     */
    static Set<String> fullNameSurnames(String text, List<TaggedSpan> found, Set<String> lowerCase) {
        Set<String> out = new HashSet<>();
        for (Pair p : pairs(text)) {
            if (DocumentNames.isGivenName(p.given()) && givenAsName(p.given(), lowerCase) && listedSurname(p.surname(), lowerCase)
                    && !namedOtherwise(text, p, found)) {
                out.add(TextWords.stem(p.surname()));
            }
        }
        return out;
    }

    /** A given name's word read as a name here: no function word, never written in lower case by the text, no list's place or firm. */
    private static boolean givenAsName(String given, Set<String> lowerCase) {
        return !DocumentNames.isFunctionWord(given) && !lowerCase.contains(given.toLowerCase(Locale.ROOT))
                && DomainNames.shared().typeOf(given) == null;
    }

    /** Whether the pair names a street or building after the person, or the model typed it otherwise. */
    private static boolean namedOtherwise(String text, Pair p, List<TaggedSpan> found) {
        return STREET_AFTER.matcher(text).find(p.end()) || otherName(found, p.start(), p.end());
    }

    /** Two capitalised words {@link #TWO_WORDS} matched: where they stand and the two words. */
    private record Pair(int start, int end, String given, String surname) {
    }

    /** Every pair of capitalised words in the text, overlapping ones too (the next looked for from the second word on). */
    private static List<Pair> pairs(String text) {
        List<Pair> out = new ArrayList<>();
        Matcher m = TWO_WORDS.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.start(2);
            out.add(new Pair(m.start(), m.end(), m.group(1), m.group(2)));
        }
        return out;
    }

    /** A surname a list or its shape knows, no given name, the text never writes in lower case, no list's place or firm. */
    private static boolean listedSurname(String word, Set<String> lowerCase) {
        return DocumentNames.isPersonNameWord(word) && !DocumentNames.isGivenName(word) && !lowerCase.contains(word.toLowerCase(Locale.ROOT))
                && DomainNames.shared().typeOf(word) == null;
    }

    /**
     * Whether two capitalised words are a full name by their shape where no other reading fits (round 28, chosen on the
     * folds' stress runs): a listed surname or one of a surname's shape ({@code Bertelsen}), which the text never writes in
     * lower case, after any listed given name (also one the text writes in lower case or as a function word, {@code Hans},
     * {@code Per}, or one that could be another's genitive, {@code Johannes}), or after a word nothing explains ({@link Maskable#whateverTyped}: an unlisted given name); not after a
     * sentence's usual opening word ({@code Ifølge}, {@code Derfor}) nor a title. A label's colon after the pair explains
     * neither word then ({@code Zorbek Bertelsen: Vi er enige}, made up).
     */
    private static boolean fullNameShape(String text, int start, String given, String surname, Set<String> lowerCase) {
        if (!listedSurname(surname, lowerCase) || DocumentNames.isTitle(given)
                || DomainNames.shared().typeOf(given) != null || NamedSubject.commonOpening(given) || NamedSubject.opener(given)) {
            return false;
        }
        return DocumentNames.isGivenName(given) || Maskable.whateverTyped(given, lowerCase);
    }

    /**
     * Whether a word may be a part of a two-part surname: on {@link Maskable#whateverTyped}'s conditions or a listed
     * surname; joined by a hyphen also a word a list knows as a place or organisation ({@code Berg-Quillan}: the hyphen
     * joins it to a name), never one the text writes in lower case, a function word, a title or an institution's word.
     */
    private static boolean surnamePart(String word, boolean hyphen, Set<String> lowerCase) {
        if (Maskable.whateverTyped(word, lowerCase) || listedSurname(word, lowerCase)) {
            return true;
        }
        return hyphen && !lowerCase.contains(word.toLowerCase(Locale.ROOT)) && !DocumentNames.isFunctionWord(word)
                && !DocumentNames.isTitle(word) && !DocumentNames.isNoNameWord(word)
                && (!DocumentNames.isCommonNounShape(word, lowerCase) || DocumentNames.isPersonNameWord(word));
    }

    /**
     * A listed given name and a surname of two parts, joined by a hyphen or a space ({@code Kari Berg-Quillan}, {@code Kari
     * Berg Quillan}; made up), no further capitalised word after it.
     */
    private static final Pattern COMPOUND_SURNAME = Pattern.compile(PAIR_START + "(\\p{Lu}\\p{Ll}+) (\\p{Lu}\\p{Ll}+)[- ](\\p{Lu}\\p{Ll}+)" + PAIR_END);

    /**
     * Masks a listed given name with a surname of two parts as one name (round 28, chosen on the folds' stress runs): where
     * {@link #TWO_WORDS} stops (a hyphen or a third capitalised word after the second), a part was left beside the mask. Each
     * part on {@link Maskable#whateverTyped}'s conditions or a listed surname; not a street's name, nor words the
     * model typed otherwise ({@link #otherName}).
     */
    private static void compoundSurnames(String text, List<TaggedSpan> spans, List<TaggedSpan> found, Set<String> lowerCase) {
        Matcher m = COMPOUND_SURNAME.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.start(2);
            String given = m.group(1);
            boolean hyphen = text.charAt(m.end(2)) == '-';
            boolean parts = surnamePart(m.group(2), hyphen, lowerCase) && surnamePart(m.group(3), hyphen, lowerCase);
            if (NameNeighbours.bareGivenName(given) && !DocumentNames.isFunctionWord(given) && DomainNames.shared().typeOf(given) == null
                    && !lowerCase.contains(given.toLowerCase(Locale.ROOT)) && parts && !STREET_AFTER.matcher(text).find(m.end())
                    && !otherName(found, m.start(), m.end())) {
                NameNeighbours.cover(spans, m.start(), m.end());
            }
        }
    }

    /**
     * Masks a listed given name written with a capital inside a sentence, after a lower-case word and right before a finite
     * verb ({@code og Dag hjalp meg}, {@code da Liv kom hjem}), also where the text writes the word in lower case elsewhere (a
     * given name that is a common word: {@code en god dag}): inside a sentence only a name gives it its capital, and the verb
     * after it makes it the clause's subject (round 29, the written stress set q4). Not a function word, no list's place or
     * organisation, nor a word the model typed otherwise, nor after a preposition (its object).
     */
    static void givenNameSubjects(String text, List<TaggedSpan> spans, List<TaggedSpan> found) {
        Matcher m = TextWords.CAPITALISED.matcher(text);
        while (m.find()) {
            String w = m.group();
            int a = m.start();
            int b = m.end();
            if (!NameNeighbours.bareGivenName(w) || DocumentNames.isFunctionWord(w) || DomainNames.shared().typeOf(w) != null
                    || TextWords.opening(text, a) || a < 2 || text.charAt(a - 1) != ' ' || b >= text.length() || text.charAt(b) != ' ') {
                continue;
            }
            String before = TextWords.wordEndingAt(text, a - 1);
            String next = TextWords.wordStartingAt(text, b + 1);
            if (before != null && Character.isLowerCase(before.charAt(0)) && !PREPOSITIONS.contains(before)
                    && (NamedSubject.finiteVerb(next) || verb(next) || STRONG_PAST.contains(next))
                    && !otherName(found, a, b) && !CuedNames.covered(spans, a, b)) {
                spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
            }
        }
    }

    /**
     * Strong verbs' past tenses, which have no finite verb's ending ({@code hjalp}, {@code dro}, {@code lo}): a listed given
     * name right before one is the clause's subject as before a verb of {@link #verb}'s shape (round 30, the written stress
     * set q4's {@code og Dag hjalp meg}). Only words that are no other word class in Bokmål.
     */
    private static final Set<String> STRONG_PAST = Set.of("hjalp", "dro", "drog", "lo", "ga", "gav", "traff", "sprang", "løp",
            "fløy", "sang", "drakk", "slo", "sov", "brakk", "grep", "skrek", "stakk", "vant", "forsvant", "holdt", "sloss",
            "frøs", "strakk", "skjøt", "bød", "lot", "gråt");

    /** Prepositions: a name after one is its object, and the verb after it the outer clause's ({@code Laget til Odd rykket}). */
    private static final Set<String> PREPOSITIONS = Set.of("til", "fra", "med", "av", "for", "på", "i", "hos", "om", "mot", "ved",
            "etter", "under", "over", "mellom", "uten", "bak", "foran", "blant", "rundt", "gjennom", "overfor");

    /** The fewest words of a place or organisation guess {@link #longGuessedNames} reads as a person's full name. */
    private static final int LONG_NAME = 3;

    /**
     * Masks a place, organisation or other guess of the name model that is three capitalised words or more and nothing else
     * ({@code Datuk Seri Zorbek Quillan}, made up: titles of another language before a full name), each word one that could be
     * a name ({@link Maskable#whateverTyped}) and one of them after the first a listed given name (not a genitive):
     * a person's full name the model took for a place (round 29, the folds' stress run of quarter 2, where the title before the
     * name was left). Not a street's or a building's name ({@code … gate}).
     */
    static void longGuessedNames(String text, List<TaggedSpan> spans, List<TaggedSpan> found, Set<String> lowerCase) {
        for (TaggedSpan f : found) {
            if ("PER".equals(f.type()) || PiiTagger.PERSON.equals(f.type()) || STREET_AFTER.matcher(text).find(f.end())) {
                continue;
            }
            String[] words = f.cut(text).split(" ");
            if (words.length < LONG_NAME) {
                continue;
            }
            boolean names = true;
            boolean given = false;
            for (int i = 0; i < words.length && names; i++) {
                names = words[i].matches("\\p{Lu}\\p{Ll}+") && Maskable.whateverTyped(words[i], lowerCase);
                given |= i > 0 && NameNeighbours.bareGivenName(words[i]) && !DocumentNames.isFunctionWord(words[i]);
            }
            if (names && given) {
                NameNeighbours.cover(spans, f.start(), f.end());
            }
        }
    }

    /**
     * Whether the name model typed any of {@code [a, b)} a place, an organisation or another name: then it read the pair
     * ({@code Jan Mayen}, a cheese's brand, a street without its {@code gate}), and the pair is left to it. A person guess
     * the model made and lost is no such guess, so the rule still reads the pairs it missed.
     */
    static boolean otherName(List<TaggedSpan> found, int a, int b) {
        return found.stream().anyMatch(f -> !"PER".equals(f.type()) && !PiiTagger.PERSON.equals(f.type()) && f.start() < b && a < f.end());
    }

    /** Two initials and a capitalised word ({@code K. Z. Quillan}, made up), not after a letter or a full stop. */
    private static final Pattern INITIALS = Pattern.compile("(?<![\\p{L}\\d.])(?:\\p{Lu}\\. ?){2}(\\p{Lu}\\p{Ll}+)(?![\\p{L}\\d-])");

    /**
     * Masks two initials and the capitalised word after them as one name ({@code poeten K. Z. Quillan}, made up), the word on
     * {@link Maskable#whateverTyped}'s conditions or a listed surname: only a person's name has that shape (round
     * 26, chosen on the folds' stress runs; before, initials were read only after a masked name or a word before them).
     */
    static void initials(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        Matcher m = INITIALS.matcher(text);
        while (m.find()) {
            String word = m.group(1);
            if (Maskable.whateverTyped(word, lowerCase) || DocumentNames.isPersonNameWord(word)
                    && !lowerCase.contains(word.toLowerCase(Locale.ROOT)) && DomainNames.shared().typeOf(word) == null) {
                NameNeighbours.cover(spans, m.start(), m.end());
            }
        }
    }

    /** A capital letter standing alone as a word (not an initial, not {@code A-laget}, not {@code A4}). */
    private static final Pattern LETTER = Pattern.compile("(?<![\\p{L}\\d.'’-])([A-HJ-NP-Z])(?![\\p{L}\\d.\\-)’'&/])");
    /** Words that may stand before a letter naming someone, beside function words and verbs of saying. */
    private static final Set<String> BEFORE = Set.of("både", "også", "mellom", "ifølge", "mot", "til", "som", "at", "og",
            "eller", "med", "for", "om", "hos", "fra", "ham", "henne", "dem");
    /** Short finite verbs that end in none of {@link #FINITE_ENDINGS}. */
    private static final Set<String> VERBS = Set.of("har", "kan", "skal", "vil", "må", "sa", "fikk", "ble", "gikk", "var", "bor",
            "tar", "går", "får", "ser", "vet", "tror", "vier");
    private static final List<String> FINITE_ENDINGS = List.of("er", "es", "te", "de", "et", "dde", "tok");

    /**
     * The capital letters the document names people by: a letter standing alone as a clause's subject, right before a
     * lower-case word with a finite verb's shape ({@code B er fortvilet}, {@code A eksponeres}), or two such letters with
     * {@code og} before one ({@code A og B er}). The name repair teaches the model's sentences the same letters; this reads
     * the text itself, so a letter is masked also where the model's guesses of it were lost (round 26).
     */
    static Set<String> letterNames(List<String> context) {
        Set<String> out = new HashSet<>();
        for (String c : context) {
            Matcher m = LETTER.matcher(c);
            while (m.find()) {
                if (!standsAlone(c, m.start(), m.end())) {
                    continue;
                }
                String next = TextWords.nextWord(c, m.end());
                if (c.startsWith(" ", m.end()) && verb(next)) {
                    out.add(m.group(1));
                }
                if (c.startsWith(" og ", m.end()) || c.startsWith(" eller ", m.end())) {
                    int at = m.end() + (c.startsWith(" og ", m.end()) ? 4 : 7);
                    Matcher second = LETTER.matcher(c).region(at, c.length());
                    if (second.lookingAt() && c.startsWith(" ", second.end()) && verb(TextWords.nextWord(c, second.end()))) {
                        out.add(m.group(1));
                        out.add(second.group(1));
                    }
                }
            }
            // round 29: two letters after both-and, no verb needed ({@code snakke med både A og B.})
            Matcher both = BOTH_LETTERS.matcher(c);
            while (both.find()) {
                out.add(both.group(1));
                out.add(both.group(2));
            }
            // round 27: a letter a verb of naming gives a person ({@code La meg kalle ham B.}), full stop and all
            Matcher named = NAMED_LETTER.matcher(c);
            while (named.find()) {
                out.add(named.group(1));
            }
        }
        return out;
    }

    /**
     * Two letters alone joined by {@code og} after {@code både} ({@code med både A og B}), each ending its word, no hyphen
     * after ({@code både A- og B-siden}): people a case description names by letters, also where no verb follows them (round
     * 29, the folds' stress run of quarter 3).
     */
    private static final Pattern BOTH_LETTERS = Pattern.compile(
            "(?<![\\p{L}])[Bb]åde ([A-HJ-NP-Z]) og ([A-HJ-NP-Z])(?![\\p{L}\\d\\-)’'&/])");
    /** A letter after {@code kalle} or {@code kaller} and a pronoun, ending its sentence or clause ({@code kalle ham B.}). */
    private static final Pattern NAMED_LETTER = Pattern.compile(
            "(?<![\\p{L}])[Kk]aller? (?:ham|henne|han|hun|dem|meg|oss|seg) ([A-HJ-NP-Z])(?=[.,!?]?(?:\\s|$))");
    /** A letter of {@link #letterNames} with the full stop that ends its sentence ({@code B. Han har …}). */
    private static final Pattern LETTER_AT_STOP = Pattern.compile(
            "(?<![\\p{L}\\d.'’-])([A-HJ-NP-Z])(?=\\.(?:\\s+\\p{Lu}|\\s*$))");

    /** Masks each of {@code letters} standing alone where a name stands ({@link #standsAlone}), not covered yet. */
    static void letters(String text, List<TaggedSpan> spans, Set<String> letters) {
        if (letters.isEmpty()) {
            return;
        }
        for (Pattern p : List.of(LETTER, LETTER_AT_STOP)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (letters.contains(m.group(1)) && standsAlone(text, m.start(), m.end()) && !CuedNames.covered(spans, m.start(), m.end())) {
                    spans.add(new TaggedSpan(PiiTagger.PERSON, m.start(), m.end()));
                }
            }
        }
    }

    /**
     * Whether a letter stands where a name does: at an opening, after a mark other than a hyphen or an opening bracket, or
     * after a function word, a verb of saying or one of {@link #BEFORE} ({@code både A}, {@code sier B}); not before a
     * number ({@code A 4}) nor after any other word ({@code plan B}, {@code gruppe A}).
     */
    private static boolean standsAlone(String text, int start, int end) {
        if (end + 1 < text.length() && text.charAt(end) == ' ' && Character.isDigit(text.charAt(end + 1))) {
            return false;
        }
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = text.charAt(i);
        if (!Character.isLetterOrDigit(c)) {
            return c != '-' && c != '(' && c != '/';
        }
        String before = TextWords.wordEndingAt(text, i + 1);
        if (before == null) {
            return false;
        }
        String lower = before.toLowerCase(Locale.ROOT);
        return DocumentNames.isFunctionWord(before) || BEFORE.contains(lower) || lower.matches(NamedSubject.SAYING);
    }

    /**
     * A lower-case word with a finite verb's shape ({@code er}, {@code mener}, {@code eksponeres}, {@code ønsket}); the name
     * repair's letter rule reads tokens the same way, in the model's package (the anonymiser reads the text).
     */
    static boolean verb(String word) {
        if (word == null || word.isEmpty() || !Character.isLowerCase(word.charAt(0)) || !word.chars().allMatch(Character::isLetter)
                || DocumentNames.isFunctionWord(word) && !VERBS.contains(word)) {
            return false;
        }
        return VERBS.contains(word) || word.length() >= 2 && FINITE_ENDINGS.stream().anyMatch(word::endsWith);
    }
}
