package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dialogue turn without a speaker cue ends, when other text follows it in its paragraph (news text whose
 * paragraphs were run together): over its first sentence and every following one that still reads as the speaker's
 * ({@link SentenceVoice}). Used by {@link DialogueQuotes}. Thread-safe (no state).
 */
final class TurnEnd {
    /**
     * The end of a sentence inside a turn: punctuation, a space, and a capital, a digit, a dash or an opening mark; or an
     * e-mail address standing alone at the end ({@code Sjekker mail. navn@avis.no}: the reporter's byline, which then ends
     * the turn as a heading does).
     */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?…][»\"”]?(?=\\s+(?:[\\p{Lu}\\d«\"“„–-]"
            + "|[\\p{L}\\d._-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+\\s*\\z))");

    /**
     * A sentence that echoes words back as a question ({@code Hvor det ble av henne, sier du?}): the reporter turning to
     * the reader, or the interviewer to the speaker; not the speaker's own (round 13).
     */
    private static final Pattern ECHOED = Pattern.compile("(?iu),\\s*(?:sier|sa|spør|mener)\\s+(?:du|dere)\\s*\\?\\z");
    /** The addressee and what they did or said: {@code Du har uttalt}, {@code Dere skrev}. */
    private static final Pattern RECALLS = Pattern.compile("(?:Du|Dere)\\s+(?:har|hadde|var|ble|sa|skrev|fortalte|uttalte)"
            + "(?![\\p{L}])");

    /**
     * A question in the interrogative's word order: a question word first ({@code Hva tenker du om det?}), or a verb and
     * then its subject ({@code Bekymrer det deg?}, {@code Er det noe å hente …?}). A statement with a question mark
     * ({@code Det er store ord du åpner boka med?}) is the interviewer's reply to an answer, not a question put after
     * the interviewer's own statement.
     */
    private static final Pattern INTERROGATIVE = Pattern.compile("(?:Hva|Hvem|Hvor|Hvorfor|Hvordan|Hvilken|Hvilket|Hvilke|Når)"
            + "(?![\\p{L}])|(?!(?:Det|Den|Dette|Du|Dere|De|Han|Hun|Vi|Jeg|Man)(?![\\p{L}]))\\p{Lu}\\p{Ll}+\\s+(?:det|den|dette|du|dere"
            + "|de|han|hun|vi|man|noen)(?![\\p{L}])");

    /** A day or a date ahead: {@code mandag}, {@code i morgen}, {@code neste uke}, {@code 14. august}. */
    private static final Pattern NEXT_DAY = Pattern.compile("(?<![\\p{L}])(?:" + SentenceVoice.WEEKDAY
            + "|i morgen|neste uke|\\d{1,2}\\. " + SentenceVoice.MONTH + ")(?![\\p{L}])");

    private TurnEnd() {
    }

    /**
     * The end of the first sentence from {@code start} and of every following one up to {@code limit} that is the
     * speaker's. The turn ends before
     * <ul>
     *   <li>a sentence of narration ({@link SentenceVoice#narration}: it names someone and has no word of speech);</li>
     *   <li>a question to the speaker ({@code du}, {@code dere}) right before the next turn ({@code beforeTurn}): the
     *       interviewer asks without a dash of their own ({@code Jeg prøvde. Hva gjorde du da? - Jeg …}); not when the
     *       turn itself asks or speaks to someone ({@code - Du satt ved siden av ham. Så du noe?}: the interviewer's turn);</li>
     *   <li>a heading run into the end of the paragraph (no final punctuation).</li>
     * </ul>
     * A sentence of narration stays in the turn when the next one says {@code jeg}, {@code meg} or {@code min}: the
     * speaker named someone ({@code Jo, jeg har én... Per Olsen, en keeper. Jeg besøkte ham.}); not where the writer tells
     * as {@code jeg} or {@code vi} and the turn spoke to {@code du} without saying {@code jeg}: there the writer is the one
     * spoken to, whose {@code jeg} ends the turn (round 21, {@link SentenceVoice#addressesWriter}).
     * (Tried and dropped: ending at two plain sentences in a row, neither speech nor naming anyone. It fixed two turns
     * of the dev files but cut many more turns short on the treebank's training files, where speakers make plain
     * statements in a row: {@code Det er tungt arbeid. Kjedelig også.})
     */
    static int withoutCue(String text, int start, int limit, List<Quotation> marked, boolean beforeTurn) {
        return withoutCue(text, start, limit, marked, beforeTurn, false);
    }

    /**
     * As {@link #withoutCue(String, int, int, List, boolean)}; in an {@code interview} ({@link SentenceVoice#interview})
     * the interviewer's question before the next turn need not say {@code du} ({@code Og i Norge?}), and the answer may
     * ask a question of its own ({@code Hva er ferie? Jeg tar aldri ferie.}) as long as it speaks to nobody.
     */
    static int withoutCue(String text, int start, int limit, List<Quotation> marked, boolean beforeTurn, boolean interview) {
        return withoutCue(text, start, limit, marked, beforeTurn, interview, false);
    }

    /**
     * As {@link #withoutCue(String, int, int, List, boolean, boolean)}; {@code answer}: the turn answers the interviewer's
     * question before its dash (an interview), so it is the speaker's however it speaks ({@code du kan gjøre alt}
     * meant of anyone), and a question that speaks to someone and closes the turn's paragraph or the document is the
     * interviewer's next one, even with no turn after it.
     */
    static int withoutCue(String text, int start, int limit, List<Quotation> marked, boolean beforeTurn, boolean interview,
            boolean answer) {
        return withoutCue(text, start, limit, marked, beforeTurn, interview, answer, true);
    }

    /**
     * As {@link #withoutCue(String, int, int, List, boolean, boolean, boolean)}; {@code afterQuestion}: the turn's dash
     * follows a question. A turn whose dash does not, outside an interview column, answers nobody's question; when it
     * states something as nobody (no {@code jeg}, {@code vi}, {@code du}) and ends with a question to the speaker in the
     * interrogative's word order right before the next turn, it is the interviewer's own turn of a statement and a
     * question ({@code - Kanadiske medier har spekulert på … . Bekymrer det deg? - Jeg …}), and the question stays in it,
     * unless the document asks so elsewhere too (a question column, however short: there the question is the next one).
     * Round 14; round 11 tried this without the conditions on what comes before the dash, on the question's word order
     * and on the document, and cut answers in question columns ({@code - Mote er viktig. Det er store ord du …?}).
     */
    static int withoutCue(String text, int start, int limit, List<Quotation> marked, boolean beforeTurn, boolean interview,
            boolean answer, boolean afterQuestion) {
        List<int[]> sentences = sentences(text, start, limit, marked);
        int end = sentences.get(0)[1];
        // else the turn is the interviewer's
        boolean answering = answer || !addressed(text.substring(start, end), interview);
        // the interviewer's turn, so far only questions put to the speaker: a further question is asked too, whatever
        // it names (- Hvorfor takket du nei? Er ikke London målet?)
        boolean asking = SentenceVoice.asksSpeaker(text.substring(start, end).strip());
        boolean crossheads = SentenceVoice.asksInCrossheads(text);
        String leadIn = leadIn(text, start);
        boolean writer = SentenceVoice.writerTellsAsOne(text);
        for (int i = 1; i < sentences.size(); i++) {
            String sentence = text.substring(sentences.get(i)[0], sentences.get(i)[1]).strip();
            boolean last = i + 1 == sentences.size();
            boolean heading = last && sentences.get(i)[1] == limit && !sentence.isEmpty()
                    && DialogueQuotes.SENTENCE_END.indexOf(sentence.charAt(sentence.length() - 1)) < 0;
            boolean interviewer = answering && last && (beforeTurn
                    && (SentenceVoice.asksSpeaker(sentence) || interview && sentence.endsWith("?"))
                    || answer && SentenceVoice.asksSpeaker(sentence))
                    && (afterQuestion || interview || answer || DialogueQuotes.SPEECH.matcher(text.substring(start, end)).find()
                            || SentenceVoice.undashedQuestions(text, 2) > 1 || !INTERROGATIVE.matcher(sentence).lookingAt());
            // the writer spoken to (round 21): the turn says «du» and not «jeg», so the next «jeg» is the writer's
            boolean writerAddressed = writer && SentenceVoice.addressesWriter(text.substring(start, end));
            boolean narration = (SentenceVoice.narration(text, sentence, answer, text.substring(start, end))
                    || SentenceVoice.narratorTells(leadIn, text.substring(start, end), sentence)
                    || writerAddressed && SentenceVoice.writerAnswers(sentence)
                    || SentenceVoice.figuredFact(sentence, text.substring(start, end))
                    || SentenceVoice.toldInThePast(sentence, text.substring(start, end)))
                    && (writerAddressed || !namedBySpeaker(text, sentences, i, answer)
                            || SentenceVoice.reaction(sentence, text.substring(start, end))
                            || SentenceVoice.answersAsked(sentence, text.substring(start, end)))
                    && !(asking && sentence.endsWith("?"));
            if (interviewer && i >= 2 && leadsIn(text.substring(sentences.get(i - 1)[0], sentences.get(i - 1)[1]))) {
                return sentences.get(i - 2)[1]; // … jeg trenger. Du har uttalt at du er en nasker. Hva stjal du sist?
            }
            boolean echoed = ECHOED.matcher(sentence).find();
            // the article's closing line of what happens next (round 21: … vi venter svar. Saken kommer opp i utvalget 14.
            // august.), after a turn that spoke as someone: the reporter's, where the written text gave it a paragraph
            boolean closing = last && text.substring(sentences.get(i)[1]).isBlank() && whatNext(sentence)
                    && (DialogueQuotes.SPEECH.matcher(text.substring(start, end)).find() || asked(text, start));
            if (narration && crossheads) {
                // the reporter's questions run in before the narration (… klart seg. Hva vet naboene? I nabolaget …): in a
                // document that asks its crossheads so, they are no longer the speaker's (round 15)
                int k = i - 1;
                while (k >= 1 && SentenceVoice.crossheadQuestion(text.substring(sentences.get(k)[0], sentences.get(k)[1]))) {
                    k--;
                }
                return sentences.get(k)[1];
            }
            if (heading || narration || interviewer || echoed || closing) {
                return end;
            }
            answering &= answer || !addressed(sentence, interview);
            asking &= sentence.endsWith("?");
            end = sentences.get(i)[1];
        }
        return end;
    }

    /**
     * A statement that names a day or a date ahead ({@link #NEXT_DAY}) and speaks as nobody and to nobody: as the
     * document's last sentence after a turn that said {@code jeg}, {@code vi} or {@code du}, the reporter's closing line
     * of what happens next ({@code Neste kamp er borte mot Strand lørdag.}). A speaker's own plans say {@code vi}
     * ({@code Vi ses på lørdag.}).
     */
    private static boolean whatNext(String sentence) {
        return NEXT_DAY.matcher(sentence).find() && !DialogueQuotes.SPEECH.matcher(sentence).find() && !sentence.endsWith("?")
                && !sentence.endsWith("!");
    }

    /**
     * The turn's dash follows a question ({@code - Hva vil du at leserne skal sitte igjen med? - At det går an …}): the turn
     * answers it, so it is speech whatever its words (round 22).
     */
    private static boolean asked(String text, int start) {
        String before = text.substring(0, start).stripTrailing();
        if (before.isEmpty() || "-–—".indexOf(before.charAt(before.length() - 1)) < 0) {
            return false;
        }
        return before.substring(0, before.length() - 1).stripTrailing().endsWith("?");
    }

    /**
     * The sentence that introduces the turn with a colon right before its dash ({@code … og spurte forsiktig: - Er det
     * …?}), or an empty string.
     */
    static String leadIn(String text, int start) {
        int i = start;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i == 0 || "-–—".indexOf(text.charAt(i - 1)) < 0) {
            return "";
        }
        i--;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        if (i == 0 || text.charAt(i - 1) != ':') {
            return "";
        }
        int from = i - 1;
        while (from > 0 && text.charAt(from - 1) != '\n'
                && !(Character.isWhitespace(text.charAt(from - 1)) && from > 1 && ".!?…".indexOf(text.charAt(from - 2)) >= 0)) {
            from--;
        }
        return text.substring(from, i);
    }

    /**
     * A statement that tells the speaker what they did or said, right before the interviewer's undashed question: the
     * interviewer's lead-in to it ({@code Du har uttalt at du er en ivrig nasker. Hva var det siste du stjal?}), not the
     * answer's last sentence (round 13). The speaker's «du» meant of anyone is in the present ({@code Du kan gjøre alt
     * …}), and one that speaks as {@code jeg} too is the speaker's.
     */
    private static boolean leadsIn(String sentence) {
        String s = sentence.strip();
        return !s.endsWith("?") && RECALLS.matcher(s).lookingAt() && !SentenceVoice.firstPersonSingular(s);
    }

    /**
     * The named sentence {@code i} is the speaker's: the next sentence says {@code jeg}, {@code meg} or {@code min}, or
     * (round 12) the next is no narration either and the one after it says so ({@code … fint for oss i firmaet.
     * Kundene velger både Rema og Kiwi. Det er blitt mer avslappet. Når jeg har sagt det, …}); or (round 59) the turn
     * has spoken as {@code vi} and the next sentence does so too, in a text whose reporter does not write {@code vi}
     * ({@link SentenceVoice#reporterSaysWe}): a firm's or a group's speaker names what the sentence is about ({@code Vi
     * var de første. Stolene er hjertet i alt Lunde Møbler lager. Vi gir dem navn …}).
     */
    private static boolean namedBySpeaker(String text, List<int[]> sentences, int i, boolean answer) {
        if (i + 1 >= sentences.size()) {
            return false;
        }
        String next = text.substring(sentences.get(i + 1)[0], sentences.get(i + 1)[1]);
        if (SentenceVoice.firstPersonSingular(next)) {
            return true;
        }
        if (SentenceVoice.firstPersonPlural(next) && !SentenceVoice.reporterSaysWe(text)
                && SentenceVoice.firstPersonPlural(text.substring(sentences.get(0)[0], sentences.get(i)[0]))) {
            return true;
        }
        return i + 2 < sentences.size() && !SentenceVoice.narration(text, next, answer)
                && SentenceVoice.firstPersonSingular(text.substring(sentences.get(i + 2)[0], sentences.get(i + 2)[1]));
    }

    private static boolean addressed(String words, boolean interview) {
        return interview ? SentenceVoice.secondPerson(words) : SentenceVoice.addressed(words);
    }

    /** The sentences of {@code [start, limit)}, as {@code [start, end)}; breaks inside marked quotations do not count. */
    private static List<int[]> sentences(String text, int start, int limit, List<Quotation> marked) {
        List<int[]> out = new ArrayList<>();
        Matcher m = SENTENCE_BREAK.matcher(text).region(start, limit);
        int from = start;
        while (m.find()) {
            // the break after a closing mark ({@code …før?» Han trekker …}) ends a sentence of the turn; one inside a
            // marked quotation does not
            if (!DialogueQuotes.insideQuotation(marked, m.end() - 1)) {
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
