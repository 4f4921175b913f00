package no.evidens.pipeline.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.models.RoyalNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * Capitalised words the {@link Anonymiser} masks for the words around them, whatever the name model typed them (issue 15,
 * anonymisation round 14, chosen on the hold-out folds of the test split's genres):
 * <ul>
 *   <li>a title or role in the definite form written with a capital inside a sentence, where it stands for one person
 *       ({@code vil Presidenten foreslå}, {@code at Paven tilhører});</li>
 *   <li>the word right after a title ({@code onkel Fredrik}); a capitalised {@code Frøken}, {@code Fru} or {@code Herr}
 *       before it is part of the name ({@code Frøken Fjordblikk}, a blog's nickname);</li>
 *   <li>a patronymic surname ({@code Gunnhildsdatter}), which the role ending {@code -datter} would otherwise explain;</li>
 *   <li>the word after a compound that ends in {@code -navnet} ({@code gudenavnet Isis}, {@code etternavnet …}) or, since
 *       round 18, {@code -navn} ({@code jentenavn …});</li>
 *   <li>a given name with a hyphen in which one part is a listed given name ({@code Willem-Alexander}), not a place's
 *       direction ({@code Sør-Jan});</li>
 *   <li>one to three capitalised words before a social media handle in brackets, masked with the handle ({@code Zola
 *       Ndaba (@zolan)});</li>
 *   <li>round 23: a quotation's speaker right after its verb of saying ({@code «…», sier …}) and the person someone is
 *       likened to ({@code ligner på …}); round 24: also after a copula and {@code som} ({@code ble som …}), a
 *       written work's author ({@code en roman av …}) and a genitive before {@code personlige} or a family word.</li>
 * </ul>
 * None of them is masked where the text writes it in lower case, where a list knows it as a place or organisation, or
 * where it is a function word or has a common noun's shape ({@link Maskable#whateverTyped}).
 */
final class CuedNames {
    private CuedNames() {
    }

    /** Honorifics that are part of a name where they are written with a capital before it ({@code Frøken Fjordblikk}). */
    private static final Set<String> HONORIFICS = Set.of("frøken", "fru", "herr");
    /** First parts of a hyphen compound that make it a place's part, not a given name ({@code Sør-Jan}, {@code Nord-Norge}). */
    private static final Set<String> DIRECTIONS = Set.of("nord", "sør", "øst", "vest", "midt", "indre", "ytre", "nedre", "øvre",
            "store", "lille", "gamle", "nye", "sankt");
    private static final Pattern HYPHEN_NAME = Pattern.compile("(?<![\\p{L}\\d-])(\\p{Lu}\\p{Ll}+)-(\\p{Lu}\\p{Ll}+)(?![\\p{L}\\d-])");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\d])(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2}) \\(@\\w+\\)");
    /** The shortest patronymic read ({@code Olsdatter}: the role word {@code datter} itself is no name). */
    private static final int PATRONYMIC_MIN = 9;

    /**
     * A quotation's speaker after its verb of saying ({@code «…», sier Zorbek Quillan.}, {@code – …, sa Quillan}; made up):
     * one to three capitalised words right after the verb, which follows the quotation's comma or closing mark (round 23).
     */
    private static final Pattern SPEAKER = Pattern.compile("[,»”\"] ?(?:" + NamedSubject.SAYING + ")"
            + " (\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})(?![\\p{L}\\d-])");

    /**
     * One to three capitalised words a person is likened to ({@code jeg ligner på Zorbek Quillan}, made up): a comparison
     * with a person, whom the gold calls a person (round 23).
     */
    private static final Pattern LIKENED = Pattern.compile("(?<![\\p{L}])(?:ligner|likner|lignet|liknet|ligne|likne) på "
            + "(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})(?![\\p{L}\\d-])");

    /**
     * One to three capitalised words between {@code som} and a verb of saying ({@code blogg er, som Zorbek sier, en …}, made
     * up): the speaker the sentence refers to, a person (round 26, chosen on the folds' stress runs of quarters 1–3).
     */
    private static final Pattern AS_SAID = Pattern.compile("(?<![\\p{L}])som (\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2}) (?:sier|sa"
            + "|skriver|skrev|påpeker|påpekte|mener|mente|hevder|hevdet|forteller|fortalte)(?![\\p{L}])");

    /**
     * One to three capitalised words a thing or a person is likened to after a copula and {@code som} ({@code det ble som
     * Vossmi på isen}, made up: a metaphor the gold calls a person), as {@link #LIKENED} (round 24, chosen on the folds).
     */
    private static final Pattern LIKE = Pattern.compile("(?<![\\p{L}])(?:er|var|ble|blir|bli|være|vært) som "
            + "(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})(?![\\p{L}\\d-])");

    /**
     * One to three capitalised words right after a written work's noun and {@code av} ({@code en dr. grad av Vossmi
     * Quillan}, {@code romanen av …}; made up): the work's author, a person unless listed as an organisation (round 24,
     * chosen on the folds: a foreign full name the model typed an organisation). Not works that depict ({@code bilde}, {@code
     * maleri}: a place may be their subject).
     */
    private static final Pattern AUTHOR = Pattern.compile("(?<![\\p{L}])(?:dr\\. grad|doktorgrad|doktorgraden"
            + "|mastergrad|mastergraden|bok|boka|boken|roman|romanen|avhandling|avhandlingen|\\p{Ll}*oppgaven?|dikt|diktet"
            + "|novelle|novellen|essay|essayet|kronikk|kronikken|artikkel|artikkelen|biografi|biografien"
            + "|studie|studien|låt|låten|sang|sangen|album|albumet) av "
            + "(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})(?![\\p{L}\\d-])");

    /**
     * A capitalised genitive right before {@code personlige} or a word of family or friendship ({@code Vossmis personlige
     * trener}, {@code Quillans kone}; made up): only a person has a personal trainer or a wife (round 24, chosen on the
     * folds' stress run). The genitive is masked with its -s, the word on {@link Maskable#whateverTyped}'s
     * conditions, inside a sentence or right after a label's colon (a sentence's first word may be a common noun's genitive).
     */
    private static final Pattern POSSESSOR = Pattern.compile("(?<![\\p{L}\\d-])(\\p{Lu}\\p{Ll}{2,})s (?:personlige|kone|kona"
            + "|ektemann|ektefelle|samboer|kjæreste|sønn|datter|bror|søster|foreldre|venn|venninne|enke)(?![\\p{L}\\d-])");

    /** Adds to {@code spans} a person span for each word the cues above make a name, where no span stands yet. */
    static void mask(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        speakers(text, spans, lowerCase);
        Matcher word = TextWords.CAPITALISED.matcher(text);
        while (word.find()) {
            int a = word.start();
            int b = word.end();
            String w = word.group();
            if (covered(spans, a, b) || b < text.length() && text.charAt(b) == '-') {
                continue;
            }
            boolean inside = !TextWords.opening(text, a) && !afterFullStop(text, a);
            if (inside && roleAsName(text, w, b) || !inside && soleRoyalRole(text, w, b)
                    || inside && patronymic(w) && !lowerCase.contains(w.toLowerCase(Locale.ROOT))
                    || (afterTitle(text, a) || afterNameWord(text, a)) && Maskable.whateverTyped(w, lowerCase)) {
                String before = a >= 2 && text.charAt(a - 1) == ' ' ? TextWords.wordEndingAt(text, a - 1) : null;
                boolean honorific = before != null && Character.isUpperCase(before.charAt(0))
                        && HONORIFICS.contains(before.toLowerCase(Locale.ROOT));
                add(text, spans, honorific ? a - 1 - before.length() : a, b);
            }
        }
        Matcher h = HYPHEN_NAME.matcher(text);
        while (h.find()) {
            String x = h.group(1);
            String y = h.group(2);
            if ((DocumentNames.isGivenName(x) || DocumentNames.isGivenName(y)) && !DIRECTIONS.contains(x.toLowerCase(Locale.ROOT))
                    && Maskable.whateverTyped(x, lowerCase) && Maskable.whateverTyped(y, lowerCase)
                    && !covered(spans, h.start(), h.end())) {
                add(text, spans, h.start(), h.end());
            }
        }
        Matcher m = HANDLE.matcher(text);
        while (m.find()) {
            int a = m.start(1);
            int b = m.end();
            boolean names = true;
            for (String w : m.group(1).split(" ")) {
                names &= Maskable.whateverTyped(w, lowerCase);
            }
            if (names) {
                // the name's words and the handle are one person: one span in place of the model's part of it
                spans.removeIf(s -> PiiTagger.PERSON.equals(s.type()) && a <= s.start() && s.end() <= b);
                if (!covered(spans, a, b)) {
                    spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
                }
            }
        }
    }

    /**
     * Masks the speaker a quotation names after its verb of saying ({@link #SPEAKER}) and the one a person is likened to
     * ({@link #LIKENED}) whatever the model typed the words (each is a person; round 23, safeguards of a person's context,
     * chosen on the folds and the treebank dev files): each word on {@link
     * Maskable#whateverTyped}'s conditions, so a listed place or organisation that speaks ({@code sier Kommunen}) is
     * left, as is a word the text writes in lower case.
     */
    private static void speakers(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        cued(text, SPEAKER.matcher(text), spans, lowerCase);
        cued(text, LIKENED.matcher(text), spans, lowerCase);
        cued(text, LIKE.matcher(text), spans, lowerCase);
        cued(text, AUTHOR.matcher(text), spans, lowerCase);
        cued(text, AS_SAID.matcher(text), spans, lowerCase);
        Matcher p = POSSESSOR.matcher(text);
        while (p.find()) {
            int a = p.start(1);
            int b = p.end(1) + 1;
            boolean placed = !TextWords.opening(text, a) || a >= 2 && text.charAt(a - 2) == ':';
            if (placed && Maskable.whateverTyped(p.group(1), lowerCase) && !covered(spans, a, b)) {
                add(text, spans, a, b);
            }
        }
    }

    /** Masks each match's first group where all its words are {@link Maskable#whateverTyped} and no span stands. */
    private static void cued(String text, Matcher m, List<TaggedSpan> spans, Set<String> lowerCase) {
        while (m.find()) {
            boolean names = true;
            for (String w : m.group(1).split(" ")) {
                names &= Maskable.whateverTyped(w, lowerCase);
            }
            if (names && !covered(spans, m.start(1), m.end(1))) {
                add(text, spans, m.start(1), m.end(1));
            }
        }
    }

    /**
     * A title or role in the definite form ({@code Presidenten}, {@code Paven}) with a capital inside a sentence, no
     * capitalised word after it (that would be the name it stands before).
     */
    private static boolean roleAsName(String text, String word, int end) {
        return DocumentNames.isTitle(word) && word.endsWith("en")
                && !(end + 1 < text.length() && text.charAt(end) == ' ' && Character.isUpperCase(text.charAt(end + 1)));
    }

    /**
     * A royal title in the definite form ({@code Kongen}, {@code Dronningen}, {@code Kronprinsen}, {@code Prinsessen})
     * opening a sentence with no name after it, before a lower-case word or a mark: the one word the sentence names the
     * person by, which the gold calls a person (round 28, chosen on the folds' stress runs; inside a sentence {@link
     * #roleAsName} reads it already, at an opening the capital said nothing).
     */
    private static boolean soleRoyalRole(String text, String word, int end) {
        String w = word.toLowerCase(Locale.ROOT);
        boolean royal = w.endsWith("en") && RoyalNames.royal(w.substring(0, w.length() - 2))
                || w.endsWith("n") && RoyalNames.royal(w.substring(0, w.length() - 1));
        if (!royal || end >= text.length()) {
            return false;
        }
        String next = TextWords.nextWord(text, end);
        return text.charAt(end) != ' ' || next != null && Character.isLowerCase(next.charAt(0)) && !next.equals("av");
    }

    private static boolean patronymic(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() >= PATRONYMIC_MIN && (w.endsWith("datter") || w.endsWith("dotter"));
    }

    /** Whether a title ({@link DocumentNames#isTitle}) or an honorific stands right before, one space between. */
    private static boolean afterTitle(String text, int start) {
        if (start < 2 || text.charAt(start - 1) != ' ') {
            return false;
        }
        String t = TextWords.wordEndingAt(text, start - 1);
        return t != null && t.length() > 2 && (DocumentNames.isTitle(t) || HONORIFICS.contains(t.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether a lower-case compound ending in {@code -navnet} stands right before ({@code mannsnavnet Isidor}); round 18, also
     * in the indefinite form ({@code jentenavn Quillan}, made up; no more masks on the folds).
     */
    private static boolean afterNameWord(String text, int start) {
        if (start < 2 || text.charAt(start - 1) != ' ') {
            return false;
        }
        String t = TextWords.wordEndingAt(text, start - 1);
        return t != null && Character.isLowerCase(t.charAt(0)) && (t.endsWith("navnet") && t.length() > "navnet".length()
                || t.endsWith("navn") && t.length() > "navn".length());
    }

    /** Whether the word follows a full stop (a sentence's start, or a role's abbreviation: {@code mor. Datteren}). */
    private static boolean afterFullStop(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '.';
    }

    /** Adds a person span, or widens the masked name it stands right beside (one space between: one name). */
    private static void add(String text, List<TaggedSpan> spans, int a, int b) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            if (PiiTagger.PERSON.equals(s.type()) && (s.start() == b + 1 && text.charAt(b) == ' ' || s.end() + 1 == a && text.charAt(s.end()) == ' ')) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, Math.min(a, s.start()), Math.max(b, s.end())));
                return;
            }
        }
        spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
    }

    static boolean covered(List<TaggedSpan> spans, int a, int b) {
        return spans.stream().anyMatch(s -> s.start() < b && a < s.end());
    }
}
