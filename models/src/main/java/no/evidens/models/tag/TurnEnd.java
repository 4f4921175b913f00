package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.tag.SentenceVoice.Voice;

/**
 * Where a dialogue turn without a speaker cue ends, when other text follows it in its paragraph (news text whose
 * paragraphs were run together): over its first sentence and every following one that still reads as the speaker's
 * ({@link SentenceVoice}). Used by {@link DialogueQuotes}. Thread-safe (no state).
 */
final class TurnEnd {
    /** The end of a sentence inside a turn: punctuation, a space, and a capital, a digit, a dash or an opening mark. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?…][»\"”]?(?=\\s+[\\p{Lu}\\d«\"“„–-])");

    private TurnEnd() {
    }

    /**
     * The end of the first sentence from {@code start} and of every following one up to {@code limit} that is the
     * speaker's. The turn ends before
     * <ul>
     *   <li>a sentence of narration (it names someone and has no word of speech);</li>
     *   <li>two quiet sentences (neither) in a row once the turn has spoken: one plain statement among the speaker's
     *       is theirs, two in a row are the reporter's ({@code Jeg prøvde. Den er stor og svart. Rein i snittet.});</li>
     *   <li>a question to the speaker ({@code du}, {@code dere}) right before the next turn ({@code beforeTurn}): the
     *       interviewer asks without a dash of their own;</li>
     *   <li>a heading run into the end of the paragraph (no final punctuation).</li>
     * </ul>
     */
    static int withoutCue(String text, int start, int limit, List<Quotation> marked, boolean beforeTurn) {
        List<int[]> sentences = sentences(text, start, limit, marked);
        if (sentences.size() == 1) {
            return limit;
        }
        List<Voice> voices = new ArrayList<>();
        for (int[] s : sentences) {
            String sentence = text.substring(s[0], s[1]).strip();
            boolean heading = s[1] == limit && !sentence.isEmpty()
                    && DialogueQuotes.SENTENCE_END.indexOf(sentence.charAt(sentence.length() - 1)) < 0;
            voices.add(heading ? Voice.NARRATION : SentenceVoice.of(text, sentence)); // a heading is no speech
        }
        int end = sentences.get(0)[1];
        boolean spoke = voices.get(0) == Voice.SPEECH;
        for (int i = 1; i < sentences.size(); i++) {
            Voice v = voices.get(i);
            boolean last = i + 1 == sentences.size();
            if (v == Voice.NARRATION
                    || v == Voice.QUIET && spoke && !last && voices.get(i + 1) != Voice.SPEECH
                    || last && beforeTurn && SentenceVoice.asksSpeaker(text.substring(sentences.get(i)[0], sentences.get(i)[1]))) {
                return end;
            }
            end = sentences.get(i)[1];
            spoke |= v == Voice.SPEECH;
        }
        return end;
    }

    /** The sentences of {@code [start, limit)}, as {@code [start, end)}; breaks inside marked quotations do not count. */
    private static List<int[]> sentences(String text, int start, int limit, List<Quotation> marked) {
        List<int[]> out = new ArrayList<>();
        Matcher m = SENTENCE_BREAK.matcher(text).region(start, limit);
        int from = start;
        while (m.find()) {
            if (!DialogueQuotes.insideQuotation(marked, m.start())) {
                out.add(new int[] {from, m.end()});
                from = m.end();
            }
        }
        if (out.isEmpty() || !text.substring(from, limit).isBlank()) {
            out.add(new int[] {from, limit});
        }
        return out;
    }
}
