package no.evidens.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Person names the name model missed, found from cues around capitalised words, one sentence at a time
 * (a second pass beside the model, in {@link DocumentNames}). A run of capitalised words (at most four,
 * one space apart, none covered by a name the model found, none a listed place or organisation, none in
 * capitals only, none a title, none a compound with a lower-case part such as {@code Høyre-velgerne}) is a
 * person name when
 * <ul>
 *   <li>one of its words is a given name of {@code names/given-names.txt} that the document does not also
 *       write in lower case ({@code Ruslan Temirov}, {@code Darren}); a given name that is also a word
 *       ({@code Per}, {@code Liv}) counts only with another capitalised word after it ({@code Per Sandberg});</li>
 *   <li>or it stands right after a title or role word written in lower case ({@code statsminister Kwabena
 *       Osei Larbi}), right after or before a verb of saying ({@code sier Haugstad}, {@code Larbi sa}), or
 *       after a word that names ({@code modellen het Kiki}), and the document writes none of its words in
 *       lower case.</li>
 * </ul>
 * At the start of a sentence, or after an opening quotation mark, a dash or a colon, a capital says nothing
 * (and Norwegian puts the verb second: {@code Samtidig sier …}), so there a run needs a given name, and
 * a second word if the given name is also an everyday word ({@code Per}, {@code Hans}, {@code Liv}). Plain set look-ups:
 * this costs far less than the model itself.
 */
final class NameCues {
    private static final Set<String> GIVEN = load("given-names.txt");
    /** Verbs of saying that stand next to the speaker's name ({@code sier Haugstad}, {@code Larbi sa}). */
    private static final Set<String> SPEECH = Set.of("sier", "sa", "seier", "forteller", "fortalte", "understreker",
            "påpeker", "svarer", "svarte", "spør", "spurte", "legger", "mener", "meiner", "oppsummerer", "forklarer",
            "forklarte", "hevder", "hevdet", "innrømmer", "innrømmet", "bekrefter", "bekreftet", "utdyper", "konkluderer",
            "kommenterer", "presiserer", "erkjenner", "medgir", "forsikrer", "advarer", "lover", "lovet", "skriver", "skrev",
            "uttaler", "uttalte", "smiler", "ler", "sukker", "roper", "ropte",
            // round 10: how a speaker goes on or ends
            "fortsatte", "fortsetter", "avsluttet", "avslutter", "tilføyer", "tilføyde", "påpekte", "understreket",
            "konstaterer", "konstaterte", "opplyser", "opplyste", "erkjente", "medga");
    /** Place prepositions: a listed surname right after one is more likely a place ({@code i Kvamme}, {@code på Sunde}). */
    private static final Set<String> PLACE_WORDS = Set.of("i", "på", "fra", "frå", "til", "mot", "ved", "over", "gjennom",
            "nær", "utenfor", "innenfor", "langs", "via", "rundt");
    /** Words that name what follows ({@code modellen het Kiki}, {@code kalt Nappen}). */
    private static final Set<String> NAMING = Set.of("het", "heter", "heiter", "kalt", "kalles", "kaller", "alias", "kallenavnet",
            "signert", "signerte", "undertegnet", "signaturen");
    /** Quotation marks that may stand between a signing word and the name ({@code signert «Nappen»}). */
    private static final Set<String> QUOTES = Set.of("«", "\"", "“", "”", "'");
    private static final Set<String> CLOSERS = Set.of("»", "\"", "”", "“", "'");
    /** Words before a name as signed, in quotation marks ({@code signert «Nappen»}; not {@code heter «…»}: titles of works). */
    private static final Set<String> SIGNING = Set.of("signert", "signerte", "undertegnet", "alias", "kallenavnet", "kalt");
    /** Tokens after which a capital says nothing about a name. */
    private static final Set<String> OPENERS = Set.of("«", "\"", "“", "”", "-", "–", "—", ":", "(", "'", "|");
    private static final int MAX_WORDS = 4;
    /** Words that open a byline: {@code Foto: Kvernevik, Svein Arne}. */
    private static final Set<String> BYLINES = Set.of("foto", "fotograf", "tekst", "illustrasjon", "tegning");
    /** An age in brackets right after a name: {@code (52)}. */
    private static final Pattern AGE = Pattern.compile(" ?\\(\\d{1,3}\\)");
    /** Given names that are also everyday words: at a sentence start they count only before another name word. */
    private static final Set<String> WORDS_TOO = Set.of("per", "hans", "liv", "dag", "tor", "stein", "stig", "tom", "jo",
            "inge", "eli", "siv", "bo", "mai", "line", "vilde", "iver", "signe", "frank", "mark", "ask", "gro", "ella",
            "sol", "rune", "alma", "tone", "ulf", "aud", "unni", "karen", "ann", "anne", "even", "are", "said", "noor",
            "mitt"); // the possessive (- Mitt utgangspunkt er …)

    private NameCues() {
    }

    /** Whether the word (any case) is a listed given name. */
    static boolean isGivenName(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (GIVEN.contains(w) || accented(w) && GIVEN.contains(plain(w))) {
            return true;
        }
        // the genitive of a given name (Tones ansikt), also after a preposition, which governs the noun after it
        if (w.length() > 4 && w.endsWith("s") && GIVEN.contains(w.substring(0, w.length() - 1))) {
            return true;
        }
        // a double name written with a hyphen (Kari-Anne, Jan-Erik) when both parts are given names
        int dash = w.indexOf('-');
        return dash > 0 && GIVEN.contains(w.substring(0, dash)) && GIVEN.contains(w.substring(dash + 1));
    }

    /**
     * Whether the lower-cased word has a character beyond {@code z} other than æ, ø and å: only such a word can change
     * in {@link #plain} (a word of ASCII, æ, ø and å is composed already, and the ring of å stays), so only such a word
     * is looked up again without accents. Most Norwegian words with a letter beyond {@code z} have æ, ø or å alone.
     */
    private static boolean accented(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c > 'z' && c != 'æ' && c != 'ø' && c != 'å') {
                return true;
            }
        }
        return false;
    }

    /** Every combining mark but the ring of å (U+030A), compiled once ({@code String.replaceAll} compiled it per call). */
    private static final Pattern MARKS_BUT_RING = Pattern.compile("[\\p{M}&&[^\\u030A]]");

    /** The word without accents ({@code antónio} → {@code antonio}); æ, ø and å are letters of their own and stay. */
    private static String plain(String w) {
        // every combining mark but the ring of å (U+030A) goes; then å is composed again
        return Normalizer.normalize(MARKS_BUT_RING.matcher(Normalizer.normalize(w, Normalizer.Form.NFD)).replaceAll(""),
                Normalizer.Form.NFC);
    }

    /** The words the document writes in lower case (so that a capitalised one is no name by itself). */
    static Set<String> lowerCaseWords(List<String> sentences, List<List<TaggedSpan>> tokens) {
        Set<String> out = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            for (TaggedSpan t : tokens.get(s)) {
                char c = sentences.get(s).charAt(t.start());
                if (Character.isLowerCase(c)) {
                    out.add(t.cut(sentences.get(s)));
                }
            }
        }
        return out;
    }

    /** New person names in one sentence (offsets into it), beside the model's {@code names}. */
    static List<TaggedSpan> find(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names, Set<String> lowerCase) {
        List<TaggedSpan> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!candidate(sentence, tokens.get(i), names)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && j - i + 1 < MAX_WORDS) {
                if (candidate(sentence, tokens.get(j + 1), names) && spaced(sentence, tokens, j)) {
                    j++;
                } else if (j + 2 < tokens.size() && joiner(tokens.get(j + 1).cut(sentence)) && spaced(sentence, tokens, j)
                        && spaced(sentence, tokens, j + 1) && candidate(sentence, tokens.get(j + 2), names)) {
                    j += 2; // an initial or a particle inside a name: Kari B. Nordvik, Jan van Dijk
                } else {
                    break;
                }
            }
            int next = j + 1;
            // an everyday word at either end (Om Emma: a sentence opening) is no part of the name
            while (i < j && everyday(sentence, tokens.get(i), lowerCase)) {
                i++;
            }
            while (j > i && everyday(sentence, tokens.get(j), lowerCase)) {
                j--;
            }
            if (isName(sentence, tokens, i, j, lowerCase)) {
                out.add(new TaggedSpan("PER", tokens.get(i).start(), tokens.get(j).end()));
            }
            i = next;
        }
        return out;
    }

    private static boolean isName(String sentence, List<TaggedSpan> tokens, int i, int j, Set<String> lowerCase) {
        String before = i > 0 ? tokens.get(i - 1).cut(sentence) : null;
        String after = j + 1 < tokens.size() ? tokens.get(j + 1).cut(sentence) : null;
        boolean opening = before == null || OPENERS.contains(before);
        boolean allUnknown = true;
        boolean given = false;
        for (int k = i; k <= j; k++) {
            String w = tokens.get(k).cut(sentence);
            if (joiner(w)) {
                continue;
            }
            boolean lower = lowerCase.contains(w.toLowerCase(Locale.ROOT));
            allUnknown &= !lower;
            given |= isGivenName(w) && (!lower || k < j && !lowerCase.contains(tokens.get(k + 1).cut(sentence).toLowerCase(Locale.ROOT)));
        }
        boolean aged = aged(sentence, tokens, j);
        if (famous(sentence, tokens, i, j, lowerCase)) {
            return true;
        }
        if (opening) {
            boolean signed = i > 1 && QUOTES.contains(before) && SIGNING.contains(tokens.get(i - 2).cut(sentence))
                    && after != null && CLOSERS.contains(after);
            // a byline written surname first, as photo agencies do (Foto: Kvernevik, Svein Arne; round 10)
            boolean byline = i == j && i > 1 && ":".equals(before)
                    && BYLINES.contains(tokens.get(i - 2).cut(sentence).toLowerCase(Locale.ROOT)) && ",".equals(after)
                    && j + 2 < tokens.size() && isGivenName(tokens.get(j + 2).cut(sentence));
            return given && (j > i || !WORDS_TOO.contains(tokens.get(i).cut(sentence).toLowerCase(Locale.ROOT))
                    || after != null && SPEECH.contains(after) || aged)
                    || allUnknown && (signed || byline || j > i && (aged || after != null && SPEECH.contains(after))
                            || openingSurname(sentence, tokens, i, j, after, lowerCase));
        }
        boolean saying = SPEECH.contains(before) || after != null && SPEECH.contains(after);
        // a title that opens the sentence (Ordfører Nordvik sa …), or a party or paper in the genitive (Høyres Kari Nordvik)
        boolean openingTitle = DocumentNames.isTitle(before) && (i == 1 || OPENERS.contains(tokens.get(i - 2).cut(sentence)));
        boolean ofOrganisation = j > i && before.length() > 2 && before.endsWith("s")
                && "ORG".equals(DomainNames.shared().typeOf(before.substring(0, before.length() - 1)));
        return given || allUnknown && (titled(before) || openingTitle || ofOrganisation || saying || NAMING.contains(before)
                || aged || surname(sentence, tokens, i, j, before, lowerCase)
                || UnknownWordNames.isName(sentence, tokens, i, j, before, lowerCase));
    }

    /**
     * A lone listed surname opening a sentence before a lower-case word ({@code Gulliksen svarte ikke}; round 7), not
     * the genitive of a word the document writes in lower case. A surname's shape alone is not enough there: nouns of
     * that shape open sentences too ({@code Distansen}, {@code Sjansen}: definite forms of nouns in {@code -anse}).
     */
    private static boolean openingSurname(String sentence, List<TaggedSpan> tokens, int i, int j, String after,
                                          Set<String> lowerCase) {
        if (i != j || after == null || !Character.isLowerCase(after.charAt(0))) {
            return false;
        }
        String w = tokens.get(i).cut(sentence);
        String lower = w.toLowerCase(Locale.ROOT);
        return NameShapes.isListed(w) && !(lower.endsWith("s") && lowerCase.contains(lower.substring(0, lower.length() - 1)));
    }

    /**
     * A word of the run names a listed public figure ({@link FamousNames}: {@code Blair}, {@code Kafkas}) that the
     * document does not write in lower case; at a sentence start too, and after a place preposition ({@code ros fra
     * Støre}), since such a word is no place.
     */
    private static boolean famous(String sentence, List<TaggedSpan> tokens, int i, int j, Set<String> lowerCase) {
        for (int k = i; k <= j; k++) {
            String w = tokens.get(k).cut(sentence);
            if (FamousNames.shared().isFamous(w) && !lowerCase.contains(w.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Particles inside a name ({@code van}, {@code bin}), and initials ({@code B.}). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "la", "del", "da", "di", "dos",
            "bin", "ibn", "al", "el", "ben", "ter");

    private static boolean joiner(String word) {
        return PARTICLES.contains(word) || word.length() == 2 && Character.isUpperCase(word.charAt(0)) && word.charAt(1) == '.';
    }

    private static boolean spaced(String sentence, List<TaggedSpan> tokens, int k) {
        return tokens.get(k + 1).start() == tokens.get(k).end() + 1 && sentence.charAt(tokens.get(k).end()) == ' ';
    }

    /** Whether the word is a verb of saying that stands next to a speaker's name. */
    static boolean speech(String word) {
        return word != null && SPEECH.contains(word);
    }

    /** Whether the word is a place preposition ({@code i}, {@code på}, {@code fra}). */
    static boolean placeWord(String word) {
        return word != null && PLACE_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A run followed by an age in brackets: {@code Kari Nordvik (52)}. */
    private static boolean aged(String sentence, List<TaggedSpan> tokens, int j) {
        // read from the text: the tokenizer splits the brackets in more than one way ("(52" ")")
        return AGE.matcher(sentence).region(tokens.get(j).end(), sentence.length()).lookingAt();
    }

    /**
     * A word of the run is a surname ({@link NameShapes}) inside a sentence: a listed one not right after a place
     * preposition ({@code på Sunde} is a place), or one of a surname's shape ({@code hos Gulliksen}); not the genitive
     * of a word the document writes in lower case ({@code Ledelsens} beside {@code ledelsen}).
     */
    private static boolean surname(String sentence, List<TaggedSpan> tokens, int i, int j, String before, Set<String> lowerCase) {
        for (int k = i; k <= j; k++) {
            String w = tokens.get(k).cut(sentence);
            String lower = w.toLowerCase(Locale.ROOT);
            boolean everyday = lower.endsWith("s") && lowerCase.contains(lower.substring(0, lower.length() - 1));
            if (!everyday && (NameShapes.hasShape(w) || NameShapes.isListed(w) && (k > i || !PLACE_WORDS.contains(before)))) {
                return true;
            }
        }
        return false;
    }

    /** A title or role word in lower case ({@code statsminister}), or after a party ({@code Frp-politiker}, {@code Ap-leder}). */
    static boolean titled(String before) {
        if (before == null) {
            return false;
        }
        String role = before.substring(before.lastIndexOf('-') + 1);
        return !role.isEmpty() && Character.isLowerCase(role.charAt(0)) && DocumentNames.isTitle(role);
    }

    /** A word the document also writes in lower case and that is no given name. */
    private static boolean everyday(String sentence, TaggedSpan token, Set<String> lowerCase) {
        String w = token.cut(sentence);
        return lowerCase.contains(w.toLowerCase(Locale.ROOT)) && !isGivenName(w);
    }

    /**
     * A hyphen before a small letter ({@code Nord-trøndelag}), compiled once: {@code String.matches} compiled it for
     * every capitalised word. Found anywhere in a word of letters and hyphens, as {@code .*-\p{Ll}.*} matched it.
     */
    private static final Pattern HYPHEN_SMALL = Pattern.compile("-\\p{Ll}");

    private static boolean candidate(String sentence, TaggedSpan token, List<TaggedSpan> names) {
        // nameLike's first test read from the sentence, before the word is cut out of it: most words fail it
        if (token.end() - token.start() < 2 || !Character.isUpperCase(sentence.charAt(token.start()))) {
            return false;
        }
        String w = token.cut(sentence);
        if (!DocumentNames.nameLike(w) || w.equals(w.toUpperCase(Locale.ROOT)) || HYPHEN_SMALL.matcher(w).find()) {
            return false;
        }
        for (TaggedSpan n : names) {
            if (n.start() < token.end() && token.start() < n.end()) {
                return false;
            }
        }
        return DomainNames.shared().typeOf(w) == null;
    }

    /** A word list of {@code names/}, one lower-cased entry per line, {@code #} comments left out. */
    static Set<String> load(String file) {
        String resource = "/no/evidens/models/names/" + file;
        try (InputStream in = NameCues.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> out = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> out.add(l.toLowerCase(Locale.ROOT)));
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
