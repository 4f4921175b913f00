package no.evidens.models.tag;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a sentence that follows the first sentence of a dialogue turn without a speaker cue reads (used by
 * {@link TurnEnd}): as the speaker's, as narration that names someone, or as neither. Thread-safe (no state).
 */
final class SentenceVoice {
    /** The three ways a sentence can read. */
    enum Voice {
        /** A first- or second-person word, a question, an exclamation, or words of talk rather than report. */
        SPEECH,
        /** No word of speech, and it names someone: the reporter has taken over. */
        NARRATION,
        /** Neither: a plain statement either could have made. */
        QUIET
    }

    private static final Pattern SPEECH_SINGULAR = Pattern.compile("(?iu)(?<![\\p{L}])(?:jeg|eg|du|meg|deg|min|mitt|mine|din|ditt"
            + "|dine)(?![\\p{L}])");
    /**
     * Words of talk: modal verbs (an opinion, a plan, a guess: {@code burde}, {@code vil}), generic {@code man}, and the
     * particles and sentence adverbs of spoken Norwegian ({@code jo}, {@code vel}, {@code nok}, {@code altså},
     * {@code selvsagt}, {@code faktisk}, {@code veldig}). A reporter's narration states what happens; a speaker weighs it.
     */
    private static final Pattern TALK = Pattern.compile("(?iu)(?<![\\p{L}])(?:vil|ville|skal|skulle|kan|kunne|må|måtte|bør"
            + "|burde|man|jo|vel|nok|altså|liksom|selvsagt|selvfølgelig|faktisk|egentlig|kanskje|sikkert|veldig|utrolig"
            + "|dessverre|heldigvis|virkelig)(?![\\p{L}])");
    /** An answer, an exclamation or an objection that opens a sentence: {@code Nei, alt glir …}, {@code Men mote er …}. */
    private static final Pattern ANSWER = Pattern.compile("(?u)^(?:Ja|Nei|Jo|Joda|Neida|Javisst|Nja|Tja|Å|Åh|Huff|Aha|Oi"
            + "|Jaså|Men)(?![\\p{L}])");
    /** Before these a capital is a place or an organisation as often as a person. */
    private static final Set<String> PREPOSITIONS = Set.of("i", "på", "til", "fra", "av", "om", "med", "ved", "mot", "for",
            "hos", "under", "over", "etter", "gjennom", "mellom", "utenfor", "innen");

    private SentenceVoice() {
    }

    /** How {@code sentence}, a sentence of {@code text}, reads. */
    static Voice of(String text, String sentence) {
        String s = sentence.strip();
        if (s.isEmpty()) {
            return Voice.QUIET;
        }
        return narration(text, s) ? Voice.NARRATION : speech(s) ? Voice.SPEECH : Voice.QUIET;
    }

    /** A question that asks the speaker something ({@code Det er store ord du åpner boka med?}). */
    static boolean asksSpeaker(String sentence) {
        String s = sentence.strip();
        return s.endsWith("?") && Pattern.compile("(?iu)(?<![\\p{L}])(?:du|deg|din|ditt|dine|dere|dykk)(?![\\p{L}])")
                .matcher(outsideMarks(s)).find();
    }

    private static boolean speech(String s) {
        String bare = outsideMarks(s);
        return spoken(s) || TALK.matcher(bare).find() || ANSWER.matcher(s).find();
    }

    /** A first- or second-person word outside marks ({@code «Mitt valg»} is a title), a question, an exclamation. */
    private static boolean spoken(String s) {
        return DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find() || s.endsWith("?") || s.endsWith("!");
    }

    /**
     * No singular first- or second-person word, and a name: a capital inside the sentence not after a preposition or
     * a colon (a run of capitals is judged by its first word), or a first word the document also writes capitalised
     * inside a sentence ({@code Fardal mener …}). A sentence with «vi», «oss» or a question is narration only with such
     * a name, as the reporter writes them too.
     */
    private static boolean narration(String text, String s) {
        if (SPEECH_SINGULAR.matcher(outsideMarks(s)).find()) {
            return false;
        }
        String[] words = s.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            String previous = words[i - 1];
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !PREPOSITIONS.contains(previous.toLowerCase(Locale.ROOT))
                    && !previous.endsWith(":") && (i == 1 || !Character.isUpperCase(previous.charAt(0)))) {
                return true;
            }
        }
        if (spoken(s)) {
            return false;
        }
        String first = words[0].replaceAll("[^\\p{L}]", "");
        return first.length() > 1 && Pattern.compile("[\\p{Ll},] " + Pattern.quote(first) + "(?![\\p{L}])").matcher(text).find();
    }

    private static String outsideMarks(String s) {
        return s.replaceAll("«[^«»]*»", "«»");
    }
}
