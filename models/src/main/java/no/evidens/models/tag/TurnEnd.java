package no.evidens.models.tag;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dialogue turn without a speaker cue ends, when other text follows it in its paragraph (news text whose
 * paragraphs were run together): over its first sentence and every following one until a sentence reads as
 * narration. Used by {@link DialogueQuotes}. Thread-safe (no state).
 */
final class TurnEnd {
    /** The end of a sentence inside a turn: punctuation, a space, and a capital, a digit, a dash or an opening mark. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?…][»\"”]?(?=\\s+[\\p{Lu}\\d«\"“„–-])");
    private static final Pattern SPEECH_SINGULAR = Pattern.compile("(?iu)(?<![\\p{L}])(?:jeg|eg|du|meg|deg|min|mitt|mine|din|ditt"
            + "|dine)(?![\\p{L}])");
    /** Before these a capital is a place or an organisation as often as a person. */
    private static final Set<String> PREPOSITIONS = Set.of("i", "på", "til", "fra", "av", "om", "med", "ved", "mot", "for",
            "hos", "under", "over", "etter", "gjennom", "mellom", "utenfor", "innen");

    private TurnEnd() {
    }

    /**
     * The end of the first sentence from {@code start} and of every following one up to {@code limit} that does not
     * read as narration: a sentence with no first- or second-person word, question or exclamation that names someone
     * (a capitalised word inside it, not after a preposition or an opening mark, or a first word the document also
     * writes capitalised inside a sentence: {@code Fardal mener …}).
     */
    static int withoutCue(String text, int start, int limit, List<Quotation> marked) {
        Matcher m = SENTENCE_BREAK.matcher(text).region(start, limit);
        int end = -1;
        while (m.find()) {
            if (DialogueQuotes.insideQuotation(marked, m.start())) {
                continue;
            }
            if (end >= 0 && narration(text, text.substring(end, m.end()))) {
                return end;
            }
            end = m.end();
        }
        if (end < 0) {
            return limit;
        }
        String rest = text.substring(end, limit).strip();
        boolean headline = !rest.isEmpty() && DialogueQuotes.SENTENCE_END.indexOf(rest.charAt(rest.length() - 1)) < 0;
        return headline || narration(text, rest) ? end : limit; // a heading run into the paragraph is no speech
    }

    /** A first- or second-person word outside marks ({@code «Mitt valg»} is a title), a question, an exclamation. */
    private static boolean spoken(String sentence) {
        String s = sentence.replaceAll("«[^«»]*»", "«»");
        return DialogueQuotes.SPEECH.matcher(s).find() || s.endsWith("?") || s.endsWith("!");
    }

    private static boolean narration(String text, String sentence) {
        String s = sentence.strip();
        if (SPEECH_SINGULAR.matcher(s.replaceAll("«[^«»]*»", "«»")).find()) {
            return false;
        }
        boolean names = false;
        String[] words = s.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            String previous = words[i - 1];
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !PREPOSITIONS.contains(previous.toLowerCase(Locale.ROOT))
                    && !previous.endsWith(":") && (i == 1 || !Character.isUpperCase(previous.charAt(0)))) {
                names = true; // a run of capitals (Bergens Tidende) is judged by its first word
            }
        }
        if (names || spoken(s)) {
            return names; // «vi», «oss», a question are the reporter's as often as the speaker's: a name decides
        }
        String first = words[0].replaceAll("[^\\p{L}]", "");
        return first.length() > 1 && Pattern.compile("[\\p{Ll},] " + Pattern.quote(first) + "(?![\\p{L}])").matcher(text).find();
    }
}
