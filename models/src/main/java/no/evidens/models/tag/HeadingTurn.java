package no.evidens.models.tag;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialogue turn used as a heading, as news articles quote a speaker in a crosshead: a dash and a few words with no
 * punctuation, on a paragraph of their own ({@code - Bedre å vente enn å angre}) or run into the text that follows
 * ({@code - Godt og grundig Arbeidet startet …}: the heading ends before the capital that opens the next sentence). Used by
 * {@link DialogueQuotes}. Thread-safe (no state).
 */
final class HeadingTurn {
    /** At most this many words in a run-in heading, this many in one on its own paragraph. */
    static final int RUN_IN_WORDS = 3;
    static final int OWN_WORDS = 10;
    /** At most this many words in a heading on its own paragraph that says {@code jeg} or {@code du}. */
    static final int SPOKEN_WORDS = 20;

    /** Words after which a heading cannot stop: the sentence goes on. */
    private static final Set<String> GOES_ON = Set.of("i", "på", "til", "fra", "av", "om", "med", "ved", "mot", "for", "hos",
            "under", "over", "etter", "gjennom", "mellom", "og", "eller", "men", "at", "som", "en", "et", "ei", "den", "det",
            "de", "er", "var", "har", "hadde", "ble", "blir", "vil", "skal", "kan", "må", "sa", "sier", "kalt", "heter", "het",
            "herr", "fru", "the", "of", "von", "van", "la", "le", "min", "mi", "mitt", "din", "sin", "hans", "hennes",
            "vår", "deres", "både", "kjære");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+");
    /**
     * A sentence's end inside the words ({@code Ja, det var meg. Jeg trives her, jeg! Solstreif}): a turn's sentences
     * with a crosshead run into their end, not a heading made of a turn.
     */
    private static final Pattern INNER_END = Pattern.compile("[.!?…][»\"”]?\\s+[\\p{Lu}«\"]");
    /** A subject pronoun first makes a sentence of the words, not a heading. */
    private static final Set<String> PRONOUNS = Set.of("jeg", "eg", "vi", "me", "du", "dere", "de", "dei", "han", "hun", "ho",
            "det", "dette", "den", "man");

    private HeadingTurn() {
    }

    /**
     * The end of a heading run into the text from {@code start} (the first word after the dash), or -1: two to
     * {@value #RUN_IN_WORDS} words with no punctuation, capitalised only the first (and that no subject pronoun: {@code
     * Vi vant Cupen} is a sentence), the last not one a sentence goes on after; then a capitalised word with a lower-case
     * word after it (a sentence that runs on) which the document never writes capitalised after a lower-case word, as
     * it would a name ({@code - Stein på stein Heller ikke rådmannen …}).
     */
    static int runIn(String text, int start, int limit) {
        String[] words = text.substring(start, limit).split(" ", RUN_IN_WORDS + 3);
        if (words.length < 3 || !WORD.matcher(words[0]).matches() || !Character.isUpperCase(words[0].charAt(0))
                || PRONOUNS.contains(words[0].toLowerCase(Locale.ROOT))) {
            return -1;
        }
        int at = start + words[0].length();
        for (int i = 1; i < RUN_IN_WORDS && i + 2 < words.length; i++) {
            String w = words[i];
            if (!WORD.matcher(w).matches() || !Character.isLowerCase(w.charAt(0))) {
                return -1; // punctuation, a line break, a name: no heading
            }
            at += 1 + w.length();
            String next = words[i + 1];
            if (WORD.matcher(next).matches() && Character.isUpperCase(next.charAt(0)) && !words[i + 2].isEmpty()
                    && Character.isLowerCase(words[i + 2].charAt(0)) && !GOES_ON.contains(w.toLowerCase(Locale.ROOT))
                    && !writtenAsName(text, next, at + 1)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * A turn alone on its paragraph ({@code [start, end)}) that is a heading: a capital first, two to
     * {@value #OWN_WORDS} words, or {@value #SPOKEN_WORDS} when they say {@code jeg} or {@code du} (a one-word crosshead,
     * {@code - Sammensvergelse}, names a topic and quotes nobody), no sentence punctuation inside or at the end, and no list around it (the lines before and after are no short items opened with a
     * dash or a bullet, the one before ends without a colon).
     */
    static boolean ownParagraph(String text, int dash, int start, int end) {
        String words = text.substring(start, end).strip();
        if (!headingShape(words)) {
            return false;
        }
        String before = text.substring(0, dash).stripTrailing();
        int previousStart = before.lastIndexOf('\n') + 1;
        String previous = before.substring(previousStart).strip();
        String after = text.substring(end).stripLeading();
        int nextEnd = after.indexOf('\n');
        return !previous.endsWith(":") && !listItem(previous) && !listItem(nextEnd < 0 ? after : after.substring(0, nextEnd));
    }

    /**
     * A turn alone on its paragraph that would be a heading ({@link #ownParagraph}) but for the short dash lines around it:
     * one of several crossheads stacked under a headline ({@code - Skrudde litt} / {@code - Helt utrolig}), or an item of a
     * teaser list. {@link DialogueQuotes} keeps it only when a speaker of the document says its words.
     */
    static boolean stacked(String text, int dash, int start, int end) {
        String words = text.substring(start, end).strip();
        if (!headingShape(words)) {
            return false;
        }
        String before = text.substring(0, dash).stripTrailing();
        String previous = before.substring(before.lastIndexOf('\n') + 1).strip();
        String after = text.substring(end).stripLeading();
        int nextEnd = after.indexOf('\n');
        return !previous.endsWith(":") && (listItem(previous) || listItem(nextEnd < 0 ? after : after.substring(0, nextEnd)));
    }

    /**
     * A paragraph's words shaped as a heading: a capital first, two words or more but not too many ({@link #tooLong}), no
     * sentence's end inside or at the end, one line.
     */
    private static boolean headingShape(String words) {
        return !words.isEmpty() && Character.isUpperCase(words.charAt(0)) && !tooLong(words)
                && words.split("\\s+").length >= 2 && !INNER_END.matcher(words).find() && !words.contains("\n")
                && (DialogueQuotes.SENTENCE_END + ",;:").indexOf(words.charAt(words.length() - 1)) < 0;
    }

    /** An e-mail address after a sentence's end ({@code Sjekker mail. navn@avis.no}): the reporter's byline, no heading. */
    private static final Pattern BYLINE_ADDRESS = Pattern.compile("[.!?…]\\s+[\\p{L}\\d._-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+\\z");

    /**
     * A turn that closes its paragraph after other text and is a heading, as treebank text runs a crosshead into the end of
     * the paragraph before it ({@code … sier hun. - Bedre sent enn aldri}) or puts a label before it ({@code Politiet: -
     * Kan være sammenheng}): the words as {@link #ownParagraph} asks, no list item after them, and before the dash a
     * sentence's end or a label of one to four words, a capital first, and a colon.
     */
    static boolean endsParagraph(String text, int dash, int start, int end) {
        String words = text.substring(start, end).strip();
        if (words.isEmpty() || !Character.isUpperCase(words.charAt(0)) || words.split("\\s+").length > OWN_WORDS
                || words.contains("\n") || (DialogueQuotes.SENTENCE_END + ",;:").indexOf(words.charAt(words.length() - 1)) >= 0
                || BYLINE_ADDRESS.matcher(words).find() || INNER_END.matcher(words).find()) {
            return false;
        }
        String after = text.substring(end).stripLeading();
        int nextEnd = after.indexOf('\n');
        if (listItem(nextEnd < 0 ? after : after.substring(0, nextEnd))) {
            return false;
        }
        String before = text.substring(text.lastIndexOf('\n', dash) + 1, dash).stripTrailing();
        if (before.isEmpty()) {
            return false;
        }
        char last = before.charAt(before.length() - 1);
        if (last != ':') {
            return ".!?»\"”".indexOf(last) >= 0;
        }
        int labelStart = Math.max(Math.max(before.lastIndexOf(": ", before.length() - 2), before.lastIndexOf(". ")),
                Math.max(before.lastIndexOf("! "), before.lastIndexOf("? ")));
        String[] label = before.substring(labelStart < 0 ? 0 : labelStart + 2, before.length() - 1).strip().split("\\s+");
        if (label[0].isEmpty() || !Character.isUpperCase(label[0].charAt(0))) {
            return false;
        }
        // a headline whose lead-in is a statement of its own (Legekontoret står uten lege: - Vi føler oss glemt): the line
        // opens its paragraph and holds no sentence's end, so its words before the colon are the headline's, not a
        // sentence a turn ends (round 18)
        return label.length <= 4 || labelStart < 0 && label.length <= HEADLINE_WORDS && opensParagraph(text, dash);
    }

    /** At most this many words before the colon of a headline that quotes a speaker after it. */
    static final int HEADLINE_WORDS = 12;

    /** The line of {@code at} opens its paragraph: the text's start or a blank line before it. */
    private static boolean opensParagraph(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        return lineStart == 0 || lineStart >= 2 && text.charAt(lineStart - 2) == '\n';
    }

    /**
     * More words than a crosshead has: over {@value #OWN_WORDS}, or over {@value #SPOKEN_WORDS} when the words speak as
     * one person or to someone ({@code - Jeg har lest om saker der …}: a headline made of a speaker's sentence is
     * longer than a topic's, and its {@code jeg} says it is speech).
     */
    private static boolean tooLong(String words) {
        int n = words.split("\\s+").length;
        return n > OWN_WORDS && !(n <= SPOKEN_WORDS && (SentenceVoice.firstPersonSingular(words) || SentenceVoice.secondPerson(words)));
    }

    /**
     * A subject pronoun, a common finite verb (copula, auxiliary, {@code gir}, {@code tar}) or {@code å} before a word:
     * the words say something as a clause does ({@code Det har gått altfor langt}, {@code Vanvittig deilig å slå
     * Start}), where a topic is named in a noun phrase ({@code Færre lesesaler}). A closed list, not a tagger: the
     * heading's few words give a part-of-speech model little context, and these words are the common ones.
     */
    static boolean readsAsClause(String words) {
        return CLAUSE_WORD.matcher(words).find();
    }

    private static final Pattern CLAUSE_WORD = Pattern.compile("(?iu)(?<![\\p{L}])(?:jeg|eg|du|vi|me|dere|han|hun|ho|det|man"
            + "|er|var|har|hadde|blir|ble|kan|kunne|vil|ville|skal|skulle|må|måtte|får|fikk|gir|ga|tar|tok|går|gikk"
            + "|å(?=\\s+\\p{L}))(?![\\p{L}])");

    /** The last line with words before {@code dash} opens with a dash or a bullet. */
    static boolean dashLineBefore(String text, int dash) {
        String before = text.substring(0, dash).stripTrailing();
        return opensWithDash(before.substring(before.lastIndexOf('\n') + 1));
    }

    /** The first line with words from {@code end} on opens with a dash or a bullet. */
    static boolean dashLineAfter(String text, int end) {
        String after = text.substring(end).stripLeading();
        int nextEnd = after.indexOf('\n');
        return opensWithDash(nextEnd < 0 ? after : after.substring(0, nextEnd));
    }

    private static boolean opensWithDash(String line) {
        String s = line.strip();
        return !s.isEmpty() && "-–—•*".indexOf(s.charAt(0)) >= 0;
    }

    /** A short line opened with a dash or a bullet (a long one is a paragraph of dialogue, not an item). */
    private static boolean listItem(String line) {
        return opensWithDash(line) && line.strip().split("\\s+").length <= OWN_WORDS + 1;
    }

    /**
     * The document writes {@code word} capitalised after a lower-case word elsewhere than at {@code at}: a name, not a
     * sentence's first word.
     */
    private static boolean writtenAsName(String text, String word, int at) {
        if (word.isEmpty()) {
            return true;
        }
        Matcher m = Pattern.compile("\\p{Ll},? (" + Pattern.quote(word) + ")(?![\\p{L}])").matcher(text);
        while (m.find()) {
            if (m.start(1) != at) {
                return true;
            }
        }
        return false;
    }
}
