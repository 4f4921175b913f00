package no.evidens.models;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The last of the second-pass cues ({@link NameCues}): a run of capitalised words inside a sentence that nothing
 * else explains. Norwegian writes common nouns in lower case, so a capitalised word that does not open a sentence,
 * that the document never writes in lower case and that no list knows as a place or organisation is a proper name;
 * whether of a person, a place or a firm the text alone rarely says. The anonymiser errs on the side of masking, so
 * such a run counts as a person unless its shape says otherwise:
 * <ul>
 *   <li>it stands right after a place preposition ({@code i}, {@code på}, {@code til}: mostly a place);</li>
 *   <li>a hyphen follows it ({@code Obama-administrasjonen}, handled as a compound);</li>
 *   <li>a word is a compound of a place or institution part ({@code Tafjordbygda}, {@code Steinerskolen},
 *       {@code Naturvernforbundet}): it ends in a noun of {@link #GENERIC_ENDINGS} or in a word the document writes in
 *       lower case;</li>
 *   <li>a word is an English function word ({@code The}, {@code Of}: titles and firms in English).</li>
 * </ul>
 * Set look-ups only. Lists written for Evidens from general knowledge of Norwegian word formation.
 */
final class UnknownWordNames {
    /**
     * Last parts of place, building and organisation names (definite and bare forms). A capitalised compound that
     * ends in one is a place or an institution, not a person: {@code Sentralbanestasjonen}, {@code Postgirobygget}.
     */
    private static final List<String> GENERIC_ENDINGS = List.of("bygda", "bygd", "byen", "dalen", "fjella", "fjellet",
            "fjorden", "vatnet", "vannet", "øya", "øyene", "parken", "gata", "gaten", "veien", "vegen", "torget", "huset",
            "kontoret", "skolen", "skole", "senteret", "senter", "sentret", "bygget", "bygningen", "rådet", "forbundet",
            "foreningen", "forening", "laget", "stasjonen", "stasjon", "kirken", "kirka", "kyrkja", "hallen", "banen",
            "brua", "broen", "havna", "hamna", "sletta", "marka", "åsen", "haugen", "tinget", "tinghus", "kommune",
            "departementet", "direktoratet", "tilsynet", "etaten", "verket", "verk", "fabrikken", "sykehuset",
            "administrasjonen", "administrasjonens", "partiet", "avisen", "avisa", "bladet", "posten", "tidende",
            "festivalen", "festival", "marmor", "kraft", "energi", "bank", "banken", "gruppen", "gruppa", "klubben",
            "klubb", "gruppe", "museet", "museum", "teatret", "teateret", "hotell", "hotellet", "kafé", "kafe",
            "butikken", "magasin", "magasinet", "universitetet", "høgskolen", "høyskolen", "akademiet", "instituttet");
    /** English function words: a run with one is a title or a firm ({@code The Washington Times}, {@code Birds of Prey}). */
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "with",
            "from", "my", "your", "our", "is", "are");
    /**
     * Norwegian function words (pronouns, determiners, conjunctions, prepositions, common adverbs; Bokmål and
     * Nynorsk): capitalised they open a sentence, a heading or a title ({@code av Min kamp}), they name nobody. The
     * document's own lower-case words say the same, but a quotation anonymised alone has few of them.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("jeg", "eg", "du", "han", "hun", "ho", "den", "det", "vi",
            "me", "dere", "de", "dei", "min", "mi", "mitt", "mine", "din", "di", "ditt", "dine", "sin", "si", "sitt",
            "sine", "vår", "vårt", "våre", "deres", "hans", "hennes", "dens", "dets", "denne", "dette", "disse", "hver",
            "kvar", "all", "alle", "alt", "ingen", "inga", "noe", "noko", "noen", "nokon", "mange", "flere", "fleire",
            "og", "eller", "men", "for", "som", "at", "om", "hvis", "viss", "når", "da", "då", "fordi", "mens", "medan",
            "selv", "sjølv", "uten", "utan", "med", "av", "etter", "før", "under", "over", "mellom", "hos", "bak", "foran",
            "her", "der", "no", "nå", "så", "også", "ikke", "ikkje", "aldri", "alltid", "bare", "berre", "kanskje",
            "hvor", "hva", "kva", "hvem", "kven", "hvorfor", "kvifor", "hvordan", "korleis", "ja", "nei", "takk",
            "en", "ein", "ei", "et", "eit", "the");
    /** Shortest first part and last part of a compound read by {@link #compound}. */
    private static final int MIN_HEAD = 3;
    private static final int MIN_TAIL = 4;
    /** Shortest definite noun read as an apposition, and shortest capitalised word read as a definite noun. */
    private static final int APPOSITION_LENGTH = 5;
    private static final int LONG_DEFINITE = 9;

    private UnknownWordNames() {
    }

    /**
     * Whether the run of capitalised words {@code i..j} (not at a sentence opening, none covered by a found name,
     * none listed, none written by the document in lower case) is taken for a person by its lack of other signs.
     */
    static boolean isName(String sentence, List<TaggedSpan> tokens, int i, int j, String before, Set<String> lowerCase) {
        String after = j + 1 < tokens.size() ? tokens.get(j + 1).cut(sentence) : null;
        if (NameCues.placeWord(before) || opensAfter(before) || lineStart(sentence, tokens, i) || partOfLongerName(before, lowerCase)
                || partOfLongerName(after, lowerCase) || "&".equals(before) || "&".equals(after)
                || apposition(before) || after != null && isLower(after) && generic(after)) {
            return false;
        }
        int end = tokens.get(j).end();
        if (end < sentence.length() && sentence.charAt(end) == '-') {
            return false;
        }
        for (int k = i; k <= j; k++) {
            String w = tokens.get(k).cut(sentence);
            String lower = w.toLowerCase(Locale.ROOT);
            if (w.indexOf('-') >= 0 || ENGLISH.contains(lower) || FUNCTION_WORDS.contains(lower) || compound(lower, lowerCase) || longDefinite(lower)) {
                return false;
            }
        }
        return true;
    }

    /** A number or an abbreviation with its period ({@code 1.}, {@code a.}, {@code str.}) opens a list item or a sentence. */
    /** Whether the word (any case) is a Norwegian function word ({@code og}, {@code som}, {@code der}). */
    static boolean functionWord(String word) {
        return word != null && FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean opensAfter(String before) {
        return before.endsWith(".") || before.endsWith(")")
                || before.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '/');
    }

    /** A heading run into the sentence: the run opens a line ({@code 4.1 Delegering …} after a numbered line). */
    private static boolean lineStart(String sentence, List<TaggedSpan> tokens, int i) {
        int from = i > 0 ? tokens.get(i - 1).end() : 0;
        return sentence.substring(from, tokens.get(i).start()).indexOf('\n') >= 0
                || i > 0 && tokens.get(i - 1).start() > 0 && sentence.charAt(tokens.get(i - 1).start() - 1) == '\n'
                        && opensAfter(tokens.get(i - 1).cut(sentence));
    }

    /**
     * A capitalised word or an acronym beside the run that is no part of it (a listed place or organisation, a name
     * the model typed): the run is part of a longer name ({@code The Washington Times}, {@code VG Nett},
     * {@code NAV Fjordvik}); so is a firm's {@code &}.
     */
    private static boolean partOfLongerName(String word, Set<String> lowerCase) {
        return word != null && !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                && !lowerCase.contains(word.toLowerCase(Locale.ROOT)) // not a sentence's first word (Hvis Borat …)
                && !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * A noun in the definite form right before the run names what it is ({@code elven Liffey}, {@code kaffebaren Dugni},
     * {@code butikken …}); a title or role word before a person is read by the other cues first.
     */
    private static boolean apposition(String before) {
        return before.length() >= APPOSITION_LENGTH && isLower(before) && !DocumentNames.isTitle(before)
                && (before.endsWith("en") || before.endsWith("et") || before.endsWith("a"));
    }

    /** A long word in the definite form is a noun ({@code Miljøpakken}, {@code Instagramfolket}), not a name. */
    static boolean longDefinite(String lower) {
        return lower.length() >= LONG_DEFINITE && (lower.endsWith("en") || lower.endsWith("et"));
    }

    private static boolean generic(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return GENERIC_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    private static boolean isLower(String word) {
        return !word.isEmpty() && Character.isLowerCase(word.charAt(0));
    }

    /** A compound whose last part is a generic place or institution noun, or a word the document writes in lower case. */
    static boolean compound(String lower, Set<String> lowerCase) {
        String word = lower.length() > MIN_HEAD + MIN_TAIL && lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
        for (String ending : GENERIC_ENDINGS) {
            if (word.equals(ending) || word.length() >= ending.length() + MIN_HEAD && word.endsWith(ending)) {
                return true;
            }
        }
        for (int head = MIN_HEAD; word.length() - head >= MIN_TAIL; head++) {
            if (lowerCase.contains(word.substring(head))) {
                return true;
            }
        }
        return false;
    }
}
