package no.evidens.models.tag;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a sentence that follows the first sentence of a dialogue turn without a speaker cue reads (used by
 * {@link TurnEnd}): as narration that names someone, or as a question put to the speaker. Thread-safe (no state).
 */
final class SentenceVoice {
    private static final Pattern SPEECH_SINGULAR = Pattern.compile("(?iu)(?<![\\p{L}])(?:jeg|eg|du|meg|deg|min|mitt|mine|din|ditt"
            + "|dine)(?![\\p{L}])");
    private static final Pattern FIRST_SINGULAR = Pattern.compile("(?iu)(?<![\\p{L}])(?:jeg|eg|meg|min|mitt|mine)(?![\\p{L}])");
    private static final Pattern SECOND_PERSON = Pattern.compile("(?iu)(?<![\\p{L}])(?:du|deg|din|ditt|dine|dere|dykk)(?![\\p{L}])");
    /** Before these a capital is a place, an organisation or one of a list as often as a person. */
    private static final Set<String> PREPOSITIONS = Set.of("i", "på", "til", "fra", "av", "om", "med", "ved", "mot", "for",
            "hos", "under", "over", "etter", "gjennom", "mellom", "utenfor", "innen", "og", "eller", "enn", "som",
            // round 13: a condition's subject (Men dersom Fredriksen kommer …, vil …): a hypothesis, not the sentence's
            // subject, and speakers argue so more often than reporters narrate so
            "dersom", "hvis");

    /**
     * A sentence opened by these and then a capital names its subject ({@code Og Hallvardsen mener …}), as one opened by
     * {@code Men} does: not a list or a comparison, as {@code og} inside a sentence is.
     */
    private static final Set<String> OPENING_CONJUNCTIONS = Set.of("Og", "Eller");

    static final int INTERVIEW_QUESTIONS = 3;
    /** A sentence opened by these, with no first- or second-person word, tells of someone rather than speaks. */
    private static final Set<String> THIRD_PERSON = Set.of("Han", "Hun", "Ho");
    /** The same person, as a subject or an object, anywhere in a sentence, also first ({@code Han var …}: round 12). */
    private static final Map<String, Pattern> THIRD_PERSON_WORDS = Map.of(
            "Han", Pattern.compile("(?iu)(?<![\\p{L}])(?:han|ham)(?![\\p{L}])"),
            "Hun", Pattern.compile("(?iu)(?<![\\p{L}])(?:hun|henne)(?![\\p{L}])"),
            "Ho", Pattern.compile("(?iu)(?<![\\p{L}])(?:ho|henne)(?![\\p{L}])"));
    /** A question after a sentence's end (not after a dash), right before a dash, a space and a capital. */
    private static final Pattern UNDASHED_QUESTION = Pattern.compile("(?<=[.!?…]\\s)(\\p{Lu}[^.!?…\\n–-]{0,200}\\?)\\s+[-–]\\s+\\p{Lu}");
    /** A person introduced with an age in brackets ({@code Kari Moe (27)}): how a reporter presents someone. */
    private static final Pattern AGED_NAME = Pattern.compile("(?<![\\p{L}])\\p{Lu}[\\p{L}-]+ \\(\\d{1,3}\\)");
    /**
     * The reporter at work, in the reportage's «vi»: asking, looking something up, calling ({@code Vi spør om …},
     * {@code Vi blar i et referat …}, {@code Vi ringer opp …}), arriving ({@code Vi er framme.}, {@code Vi har kommet til
     * toppen.}), meeting someone it
     * names ({@code Like etter treffer vi direktøren Kari Moe.}), moving on or sitting down ({@code Vi går opp til huset.},
     * {@code Vi setter oss på kjøkkenet.}).
     */
    private static final Pattern REPORTER_ASKS = Pattern.compile("\\AVi\\s+(?:spør|spurte|blar|bladde|ringer|ringte)\\s+"
            + "(?:om|i|hva|hvorfor|hvordan|hvor|opp|til)(?![\\p{L}])"
            // arriving at the place of the reportage (round 10): Vi har kommet fram. Vi er framme.
            + "|\\AVi\\s+(?:har\\s+kommet|kommer|kom|er)\\s+(?:fram|frem|framme|fremme)[.!]?\\z"
            // … or at the top of the climb (session round 58): Vi har kommet til toppen.
            + "|\\AVi\\s+(?:har\\s+kommet|kommer|er)\\s+(?:til\\s+toppen|på\\s+toppen|opp|oppe)[.!]?\\z"
            // meeting the next one to speak, named (round 14): Like etter treffer vi direktøren Kari Moe; Vi møter Ola …
            + "|\\A(?:\\p{Lu}\\p{Ll}*(?:\\s+\\p{Ll}+){0,2}\\s+(?:treffer|traff|møter|møtte)\\s+vi|Vi\\s+(?:treffer|traff|møter|møtte))"
            + "\\s+(?:\\p{Ll}+\\s+)?\\p{Lu}"
            // moving on or sitting down with the speaker, in the present and towards a place (round 21): Vi går opp til
            // huset. Vi setter oss på kjøkkenet. Vi kjører forbi hus med … (a speaker's «vi» tells its story in the past)
            + "|\\AVi\\s+(?:går|setter\\s+oss|sitter|kjører|følger|rusler|vandrer|klatrer)\\s+(?:opp|ned|inn|ut|bort|videre|på|til"
            + "|gjennom|langs|over|mot|forbi)(?![\\p{L}])");
    /** A month's name, as an alternation group (also {@link TurnEnd}'s days ahead). */
    static final String MONTH = "(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)";
    /** A weekday's name, as an alternation group (also {@link TurnEnd}'s days ahead). */
    static final String WEEKDAY = "(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)";
    /**
     * A dateline: a place (and its region) and a date, nothing else: a day and a month ({@code Fagernes i Valdres, 23. august
     * i år.}), or a month and a year ({@code Bodø, september 2012.}, round 16: the reporter opening a new section of the
     * story).
     */
    private static final Pattern DATELINE = Pattern.compile("\\p{Lu}[\\p{L}-]+(?: i \\p{Lu}[\\p{L}-]+)?, (?:\\d{1,2}\\. "
            + MONTH + "(?: i år| \\d{4})?|" + MONTH + " \\d{4})\\.?");
    /**
     * A sentence opened by a full date, day, month and year ({@code 14. mars 2003 ble det dåp …}): the reporter
     * dates the story (round 10).
     */
    private static final Pattern DATED = Pattern.compile("\\A\\d{1,2}\\. " + MONTH + " \\d{4} \\p{Ll}");
    /**
     * A sentence opened by a year or a decade ({@code I 1999 flyttet …}, {@code Først på nittitallet fikk melodien …},
     * {@code Midt på 1980-tallet …}): the reporter dates the story, as with a full date (round 13); with no first- or
     * second-person word only, since a speaker dates their own story with «jeg» or «vi».
     */
    private static final Pattern YEARED = Pattern.compile("\\A(?:(?:Først|Allerede|Helt|Tidlig|Sent|Seinere|Senere)\\s+)?"
            + "(?:(?:I|På|Midt\\s+på|Først\\s+på)\\s+(?:\\d{4}(?:-tallet)?|\\p{Ll}+tallet)"
            // a season or a month and its year (session round 58: Våren 2006 lysner det.; I juni 1995 …)
            + "|(?:Våren|Høsten|Sommeren|Vinteren|I\\s+" + MONTH + ")\\s+\\d{4})\\s+\\p{Ll}");
    /**
     * A sentence opened by the hour ({@code Presis klokken 18 stiller han seg opp …}, {@code Klokka sju kommer hun …}) and
     * telling of someone as {@code han} or {@code hun} in its main clause, with no first- or second-person word: the
     * reporter sets the scene of what follows (session round 58). A speaker tells their own day with {@code jeg} or
     * {@code vi}.
     */
    private static final Pattern CLOCKED = Pattern.compile("\\A(?:(?:Presis|Nøyaktig|Akkurat|Omtrent|Rundt|Like\\s+før"
            + "|Like\\s+etter|Litt\\s+over|Litt\\s+før)\\s+)?(?:[Kk]lokken|[Kk]lokka|[Kk]l\\.)\\s+(?:\\d{1,2}(?:[.:]\\d{2})?|\\p{Ll}+)"
            + "\\s+\\p{Ll}");
    /**
     * A sentence opened by a name and a verb of saying or thinking, with at most a relative clause between them set off
     * by commas ({@code Thommessen, som også er styreleder i …, mener det er viktig å bevare … våre naboland.}): the
     * reporter tells what a named speaker thinks, in indirect speech, whose «vi» and «vår» are the speaker's paraphrased,
     * not a sign of direct speech (session round 58). The name must be one the document names as a speaker.
     */
    private static final Pattern NAME_REPORTS = Pattern.compile("\\A(\\p{Lu}\\p{Ll}+)(?:,\\s+som\\s+[^,.!?«»]{1,100},)?\\s+"
            + "(?:mener|meiner|forteller|understreker|påpeker|hevder|tror|synes|minner\\s+om|legger\\s+til|forklarer)\\s+"
            + "(?:at|det|den|de|han|hun|dette|seg)(?![\\p{L}])");
    /**
     * The article speaks of itself: how it was made or published ({@code Denne saken er laget av …}, {@code Saken er
     * basert på intervjuer med …}, {@code Artikkelen ble først publisert …}): the editor's note at its end (round 13).
     */
    private static final Pattern ARTICLE_NOTE = Pattern.compile("\\A(?:Denne\\s+|Hele\\s+)?(?:[Ss]aken|[Aa]rtikkelen|[Rr]eportasjen|[Ii]ntervjuet)"
            + "\\s+(?:er|ble|var)\\s+(?:først\\s+)?(?:laget|skrevet|publisert|basert|oppdatert|endret|hentet|trykket)(?![\\p{L}])");
    /** A person told of in the third person singular, as a subject or an object. */
    private static final Pattern SINGULAR_THIRD = Pattern.compile("(?iu)(?<![\\p{L}])(?:han|ham|hun|henne|ho)(?![\\p{L}])");
    /** The same, not right after a subjunction that opens a clause of its own ({@code når hun}, {@code selv om han}). */
    private static final Pattern MAIN_CLAUSE_THIRD = Pattern.compile("(?iu)(?<![\\p{L}])(?<!(?:at|om|når|da|hvis|fordi|som|mens"
            + "|før|siden|dersom|enn) )(?:han|ham|hun|henne|ho)(?![\\p{L}])");
    /**
     * Someone introduced by an indefinite article ({@code … må det være en kvinne i midten av tredveårene}): the
     * {@code hun} of the next sentence is that person, whom the speaker goes on to describe ({@code Kanskje hun har et
     * par småbarn.}), not the speaker told of by the reporter (round 14).
     */
    private static final Pattern SOMEONE = Pattern.compile("(?iu)(?<![\\p{L}])(?:en|ei|et)\\s+(?:\\p{Ll}+\\s+)?(?:kvinne|mann|dame"
            + "|herre|jente|gutt|pike|kar|fyr|person|venn|venninne|nabo|elev|lærer|mor|far|søster|bror|datter|sønn|kunde"
            + "|pasient)(?![\\p{L}])");
    /**
     * A person named by a noun, singular, definite or not ({@code … sammen med klienten.}): the {@code han} or {@code hun}
     * that opens the next sentence is that person, of whom the speaker goes on ({@code Han har fjorten dager på seg.}),
     * not the speaker told of by the reporter (round 20, as {@link #SOMEONE} for an indefinite one).
     */
    private static final Pattern PERSON_NOUN = Pattern.compile("(?iu)(?<![\\p{L}])(?:klient|pasient|kunde|elev|gutt|jente|mann"
            + "|kvinne|dame|sønn|datter|venn|venninne|nabo|tiltalte|fornærmede)(?:en|a)?(?![\\p{L}])");
    /** A sentence may open with these whoever speaks, though the document writes them capitalised in a name. */
    private static final Set<String> PRONOUNS = Set.of("de", "det", "den", "dette", "disse", "han", "hun", "vi", "man", "en");

    /**
     * A caption's label: one to three words, the first capitalised, a colon, and the caption's text with a capital
     * ({@code På bildet: Familien samlet …}, {@code Reddet: Kari Moe forteller …}): the picture's text, not the
     * speaker's words (round 12).
     */
    private static final Pattern CAPTION_LABEL = Pattern.compile("\\A\\p{Lu}\\p{Ll}+(?: \\p{Ll}+){0,2}: \\p{Lu}");

    /**
     * A question of the reporter's standing right after a cued sentence and before narration, not before a turn ({@code
     * …, sier Kari Moe. Hva visste naboene? Huset ligger …}): a crosshead, as a series of reportage asks its questions
     * between the accounts (round 15).
     */
    private static final Pattern CROSSHEAD_QUESTION = Pattern.compile("(?<![\\p{L}])(?:" + QuoteAttribution.VERBS
            + ")\\s+[^.!?\\n«»]{1,60}\\.\\s+(\\p{Lu}[^.!?\\n«»“”\"–-]{3,100}\\?)\\s+(?![-–—])\\p{Lu}");
    /** At most this many words in a question read as a crosshead. */
    private static final int CROSSHEAD_WORDS = 12;

    private SentenceVoice() {
    }

    /**
     * The document asks the reporter's questions as crossheads: a question that speaks as nobody and to nobody stands
     * right after a cued sentence and before narration at least once.
     */
    static boolean asksInCrossheads(String text) {
        Matcher m = CROSSHEAD_QUESTION.matcher(text);
        while (m.find()) {
            if (crossheadQuestion(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A question that may be a crosshead: a capital first, at most {@value #CROSSHEAD_WORDS} words, and no first- or
     * second-person word outside marks ({@code Hva vet naboene?}; not {@code Hvem skulle passe på oss?}, the speaker's).
     */
    static boolean crossheadQuestion(String sentence) {
        String s = sentence.strip();
        return s.endsWith("?") && !s.isEmpty() && Character.isUpperCase(s.charAt(0))
                && s.split("\\s+").length <= CROSSHEAD_WORDS && !DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find();
    }

    /**
     * A question that asks the speaker something ({@code Hva er ditt favorittsted?}, {@code Det er sterke ord du bruker?}): in an interview the reporter's questions often stand without a dash of their own, before the answer's.
     */
    static boolean asksSpeaker(String sentence) {
        String s = sentence.strip();
        return s.endsWith("?") && SECOND_PERSON.matcher(outsideMarks(s)).find();
    }

    /**
     * The writer's own voice inside a turn (round 17): the turn's lead-in ({@code leadIn}, the sentence before its colon)
     * speaks as the writer's {@code jeg} and of the speaker as {@code han} or {@code hun} ({@code … så hun på billetten
     * min og spurte forsiktig: - Er det langt dit?}), the turn so far has not said {@code jeg}, and the sentence speaks
     * so again ({@code Etter et nikk fra meg, fant hun …}): {@code jeg} is the writer there, the speaker is {@code hun},
     * and the sentence is the writer's narration. A turn that has said {@code jeg} itself keeps such a sentence.
     */
    static boolean narratorTells(String leadIn, String turnSoFar, String sentence) {
        return !leadIn.isEmpty() && firstPersonSingular(leadIn) && SINGULAR_THIRD.matcher(outsideMarks(leadIn)).find()
                && !firstPersonSingular(turnSoFar) && firstPersonSingular(sentence)
                && MAIN_CLAUSE_THIRD.matcher(outsideMarks(sentence)).find();
    }

    /**
     * The words speak as one person ({@code jeg}, {@code meg}, {@code min}), outside marks: a reporter seldom writes so,
     * a speaker often does.
     */
    static boolean firstPersonSingular(String words) {
        return FIRST_SINGULAR.matcher(outsideMarks(words)).find();
    }

    /** The words speak as several ({@code vi}, {@code oss}, {@code vår}), outside marks. */
    static boolean firstPersonPlural(String words) {
        return WE_OURS.matcher(outsideMarks(words)).find();
    }

    private static final Pattern WE_OURS = Pattern.compile("(?iu)(?<![\\p{L}])(?:vi|oss|vår|vårt|våre)(?![\\p{L}])");

    /** The words speak to someone ({@code du}, {@code dere}), outside marks. */
    static boolean secondPerson(String words) {
        return SECOND_PERSON.matcher(outsideMarks(words)).find();
    }

    /**
     * The text is an interview whose questions stand without a dash of their own: at least {@value #INTERVIEW_QUESTIONS}
     * times a question that speaks to someone follows another sentence and comes right before a dialogue turn
     * ({@code - Til Tromsø. Hva skjedde der? - Vi skulle …}).
     */
    static boolean interview(String text) {
        return undashedQuestions(text, INTERVIEW_QUESTIONS) >= INTERVIEW_QUESTIONS;
    }

    /**
     * How many times, counted up to {@code most}, a question that speaks to someone follows another sentence and comes
     * right before a dialogue turn: the interviewer asking without a dash of their own.
     */
    static int undashedQuestions(String text, int most) {
        if (text.indexOf('?') < 0) {
            return 0; // every match holds a question mark: a text without one is not searched position by position
        }
        Matcher m = UNDASHED_QUESTION.matcher(text);
        int n = 0;
        while (m.find() && n < most) {
            if (secondPerson(m.group(1))) {
                n++;
            }
        }
        return n;
    }

    /** The words speak to someone ({@code du}, {@code dere}) or ask something. */
    static boolean addressed(String words) {
        String s = words.strip();
        return s.endsWith("?") || SECOND_PERSON.matcher(outsideMarks(s)).find();
    }

    /**
     * No singular first- or second-person word, and a name: a capital inside the sentence not after a preposition, a
     * colon or a dash (a pause: {@code Men slik jeg ser det - Elvelaget Sør mener …}; a run of capitals is judged by its
     * first word), or a first word the document also writes capitalised inside a sentence ({@code Lindvik mener …}). A sentence with «vi», «oss» or a question is narration only with such
     * a name, as the reporter writes them too. No name: a word in capitals ({@code NHL}), a capital after {@code og},
     * {@code eller}, {@code enn}, {@code som} (a list, a comparison), a pronoun first ({@code De}, {@code Det}). Also
     * narration: a sentence opened by {@code Han}, {@code Hun} or {@code Ho} with no first- or second-person word
     * ({@code Han tenker.}); with no singular first- or second-person word, in an answer too, a dateline ({@code Fagernes i
     * Valdres, 23. august i år.}) and a person presented with an age in brackets ({@code Pål Hanssen (27) kommer …}). Never
     * narration: a question put to someone ({@link #asksSpeaker}), whatever it names.
     */
    static boolean narration(String text, String sentence) {
        return narration(text, sentence, false);
    }

    /**
     * As {@link #narration(String, String)}; in an {@code answer} to an interviewer's question a capital inside the
     * sentence says nothing unless the document names a speaker so (the answer names places, works and people:
     * {@code Det moderne Roma har …}); the reporter who takes over again is told by a speaker's name ({@code Vangen
     * hevder …}, {@code tar Vangen på seg}) or {@code Han}/{@code Hun} first.
     */
    static boolean narration(String text, String sentence, boolean answer) {
        return narration(text, sentence, answer, "");
    }

    /**
     * As {@link #narration(String, String, boolean)}; {@code turnSoFar}, the turn's words before the sentence: when they
     * already speak of {@code han} or {@code hun}, a sentence opened by that pronoun goes on telling of the same person
     * ({@code - Jeg kjenner Ola godt, og han er flink. Han gir seg aldri.}), and is no sign of the reporter's voice.
     */
    static boolean narration(String text, String sentence, boolean answer, String turnSoFar) {
        String s = sentence.strip();
        if (s.isEmpty() || SPEECH_SINGULAR.matcher(outsideMarks(s)).find()) {
            return false;
        }
        if (asksSpeaker(s)) {
            return false; // Hvordan leter dere, bruker dere Finn?: a question to someone is asked in the dialogue
        }
        if (DATELINE.matcher(s).matches() || DATED.matcher(s).find() || AGED_NAME.matcher(outsideMarks(s)).find() || REPORTER_ASKS.matcher(s).find()
                || CAPTION_LABEL.matcher(s).find() || ARTICLE_NOTE.matcher(s).find()) {
            return true; // the reporter sets the scene or presents someone, even in an answer
        }
        if (YEARED.matcher(s).find() && !DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find()) {
            return true;
        }
        if (CLOCKED.matcher(s).find() && !DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find()
                && MAIN_CLAUSE_THIRD.matcher(outsideMarks(s)).find()) {
            return true;
        }
        Matcher reports = NAME_REPORTS.matcher(s);
        if (reports.find() && !PRONOUNS.contains(reports.group(1).toLowerCase(Locale.ROOT))
                && cuedElsewhere(text, s, reports.group(1)) && !saidInTurn(turnSoFar, reports.group(1))) {
            return true;
        }
        String[] words = s.split("\\s+");
        if (words.length > 1 && THIRD_PERSON.contains(words[0])
                && (!DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find() || reporterSaysWe(text))
                && !THIRD_PERSON_WORDS.get(words[0]).matcher(outsideMarks(turnSoFar)).find()
                && !PERSON_NOUN.matcher(lastSentence(turnSoFar)).find()) {
            return true; // Han tenker. Hun forteller om …: the reporter tells of the speaker
        }
        if (!spoken(s) && FIRST_SINGULAR.matcher(outsideMarks(turnSoFar)).find()
                && !SINGULAR_THIRD.matcher(outsideMarks(turnSoFar)).find() && MAIN_CLAUSE_THIRD.matcher(outsideMarks(s)).find()
                && !SOMEONE.matcher(lastSentence(turnSoFar)).find()) {
            // a turn that spoke as «jeg» and told of no «han» or «hun», then a sentence of «han» with no word of speech
            // (- Jeg måtte trene opp foten igjen. Mens søsknene reiste, ble han hjemme på gården.): the reporter tells of the
            // speaker, wherever the pronoun stands in a main clause (after a subjunction it is as often someone the speaker
            // tells of: … min datter. Det er morsomt når hun selger kaker.)
            return true;
        }
        // a capital after a preposition or «og» names someone only when the document names that word as a speaker
        // (… og Moe titter ut, where «sier Moe» stands elsewhere: round 12); a capital inside brackets is an aside (an editor's note, a name explained), not the sentence's subject
        String[] outsideBrackets = s.replaceAll("\\([^()]*\\)", "()").split("\\s+");
        for (int i = 1; i < outsideBrackets.length; i++) {
            String w = outsideBrackets[i];
            String previous = outsideBrackets[i - 1];
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !acronym(w)
                    && !(PREPOSITIONS.contains(previous.toLowerCase(Locale.ROOT)) && !(i == 1 && OPENING_CONJUNCTIONS.contains(previous))
                            && !speaker(text, w))
                    && !previous.endsWith(":") && !previous.matches("[-–—]") && (i == 1 || !Character.isUpperCase(previous.charAt(0)))
                    && (!answer || speaker(text, w)) && !saidInTurn(turnSoFar, w)) {
                return true;
            }
        }
        if (spoken(s)) {
            return false;
        }
        String first = words[0].replaceAll("[^\\p{L}]", "");
        return first.length() > 1 && !acronym(first) && !PRONOUNS.contains(first.toLowerCase(Locale.ROOT)) && !saidInTurn(turnSoFar, first)
                && Pattern.compile("[\\p{Ll},] " + Pattern.quote(first) + "(?![\\p{L}])").matcher(text).find();
    }

    /*
     * Round 62: the tense of a sentence, read from a closed list of frequent finite verbs. The models module has no
     * part-of-speech model for Norwegian, and a list is enough for the one decision it serves (TurnEnd's cue-less turn).
     * The modals' past (kunne, skulle, ville, måtte, burde) does not make a sentence told in the past: in speech it is as
     * often present in meaning (Røykerne burde få være i fred); in the turn before, it does make the turn no longer only
     * present. The past is read in lower case only (a sentence opened by Hadde or Var is a condition or a question).
     */
    private static final Pattern PAST_VERB = Pattern.compile("(?<![\\p{L}])(?:var|hadde|ble|fikk|gikk|kom|sa|tok|sto"
            + "|satt|lå|fant|ga|gav|visste|trodde|syntes|tenkte|følte|begynte|prøvde|levde|bodde|spilte|jobbet|snakket"
            + "|fortalte|døde|flyttet|vokste|reiste|møtte|kjøpte|solgte|vant|tapte|startet|sluttet|endte|viste|holdt|lot|dro"
            + "|løp|falt|brukte|laget|lagde|skjedde|ringte|kjørte|skrev|leste|sang|traff|mistet|vurderte|droppet|ventet"
            + "|valgte|hørte|sendte|kalte|het)(?![\\p{L}])");
    private static final Pattern PAST_IN_TURN = Pattern.compile(PAST_VERB.pattern() + "|(?<![\\p{L}])(?:så ut|måtte|kunne"
            + "|skulle|ville|burde)(?![\\p{L}])");
    private static final Pattern PRESENT_VERB = Pattern.compile("(?iu)(?<![\\p{L}])(?:er|har|blir|får|går|kommer|sier|tar"
            + "|står|sitter|ligger|ser|finner|gir|vet|vil|skal|kan|må|bør|tror|synes|tenker|føler|heter|gjør|liker|trenger"
            + "|handler|betyr|finnes|mener|ønsker|lever|bor|jobber|spiller|snakker|forteller|skjer|virker|fungerer|holder"
            + "|bruker|begynner|prøver)(?![\\p{L}])");
    /** Every first- and second-person word, singular and plural. */
    private static final Pattern FIRST_OR_SECOND = Pattern.compile("(?iu)(?<![\\p{L}])(?:jeg|eg|meg|min|mitt|mine|vi|me|oss"
            + "|vår|vårt|våre|du|deg|din|ditt|dine|dere|dykk|dokker)(?![\\p{L}])");
    /**
     * A speaker's way of talking, in a sentence that would otherwise read as told: a talk particle ({@code jo}, {@code
     * nok}, {@code vel}, {@code ja}), a condition ({@code Det hadde ikke skadet om …}), a sentence opened by {@code Så},
     * {@code Men}, {@code Enn} (a conclusion or an afterthought: {@code Så det var jammen på tide.}).
     */
    private static final Pattern TALKED = Pattern.compile("(?iu)(?<![\\p{L}])(?:jo|jammen|nok|vel|altså|liksom|egentlig"
            + "|faktisk|kanskje|sikkert|ja|nei|om|hvis|dersom)(?![\\p{L}])|\\A(?:Så|Men|Og så|Enn)(?![\\p{L}])");

    /**
     * A sentence told in the past after a turn that spoke only in the present (round 62): a finite verb in the past
     * and none in the present (read outside brackets), no first- or second-person word, at least six words, no
     * question, exclamation or marks, no talk particle ({@link #TALKED}), while the turn so far has a verb in the
     * present and none in the past and did not break off with an ellipsis. The reporter takes over with the story ({@code - Jeg synes det er veldig
     * ubehagelig. Filmstudenten fra Oslo hadde fire fantastiske år i Stockholm.}); a speaker who tells a story in the
     * past already did so in the turn, or goes on after a pause ({@code - Jeg må si... Da politiet først kom …}).
     */
    static boolean toldInThePast(String sentence, String turnSoFar) {
        String s = sentence.strip();
        String turn = turnSoFar.strip();
        // what stands in brackets is an aside (an editor's note), not the sentence's own tense: round 5's (… fra i fjor
        // (konkurrentene spilte bare nye, red.anm.).)
        String told = s.replaceAll("\\([^()]*\\)", "()");
        return !s.endsWith("?") && !s.endsWith("!") && s.indexOf('«') < 0 && s.indexOf('"') < 0
                && !FIRST_OR_SECOND.matcher(s).find() && s.split("\\s+").length >= 6
                && PAST_VERB.matcher(told).find() && !PRESENT_VERB.matcher(told).find() && !TALKED.matcher(s).find()
                && PRESENT_VERB.matcher(turn).find() && !PAST_IN_TURN.matcher(turn).find()
                && !turn.endsWith("...") && !turn.endsWith("…");
    }

    /**
     * A short sentence of the reporter's that tells what someone does, opened by {@code Han}, {@code Hun} or {@code Ho}
     * and at most three words ({@code Han lo.}, {@code Hun nikker.}, {@code Han ler godt.}), in a turn that has told of
     * no such person: narration even before a sentence that says {@code jeg} (round 20: {@code - Det er en lang historie.
     * Han lo. Jeg tror han blir en god nabo.}, where the blog's writer speaks on as {@code jeg}). A speaker's own story
     * tells of the person before ({@code Jeg spurte ham. Han lo.}), which keeps the sentence in the turn.
     */
    static boolean reaction(String sentence, String turnSoFar) {
        String s = sentence.strip();
        String[] words = s.split("\\s+");
        return words.length >= 2 && words.length <= 3 && THIRD_PERSON.contains(words[0]) && s.endsWith(".")
                && !DialogueQuotes.SPEECH.matcher(s).find()
                && !THIRD_PERSON_WORDS.get(words[0]).matcher(outsideMarks(turnSoFar)).find();
    }

    /**
     * A sentence opened by {@code Han}, {@code Hun} or {@code Ho} with no first- or second-person word right after a turn
     * that ends by asking someone ({@code du}, {@code dere}) and has told of no such person: the one asked, and how they
     * answer ({@code - … Har du med deg matpakke? Han nikket og løftet sekken …}), told by the writer even before the
     * writer's own {@code jeg} (round 22), as {@link #reaction} reads a short one.
     */
    static boolean answersAsked(String sentence, String turnSoFar) {
        String s = sentence.strip();
        String last = lastSentence(turnSoFar);
        String[] words = s.split("\\s+");
        return words.length > 1 && THIRD_PERSON.contains(words[0]) && !DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find()
                && last.endsWith("?") && secondPerson(last)
                && !THIRD_PERSON_WORDS.get(words[0]).matcher(outsideMarks(turnSoFar)).find();
    }

    /**
     * A fact with a figure or a day, told of a thing named by a definite noun (round 22): {@code Ovnen i bakrommet er fra
     * 1987.}, {@code Kommunen har 2300 innbyggere.}, {@code Sivilforsvaret har satt opp en bru, og strømmen kom tilbake
     * mandag.}: the noun first, a preposition's phrase of at most two words after it, a finite verb, a digit, a weekday or
     * a month in the sentence, no first- or second-person word, no question. After a
     * turn that spoke as {@code jeg}, {@code vi} or {@code du} it is the reporter's (the writer gave it a paragraph of its
     * own; rebuilt from tokens only the change of voice says so). Round 21 tried the noun and the verb without the figure
     * and cut speakers' own statements ({@code Filmen bygger på en tekst om tilgivelse.}).
     */
    static boolean figuredFact(String sentence, String turnSoFar) {
        String s = sentence.strip();
        return FIGURED_FACT.matcher(s).lookingAt() && (s.matches("(?s).*\\d.*") || WHEN.matcher(s).find())
                && !s.endsWith("?") && !s.endsWith("!")
                && !DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find()
                && DialogueQuotes.SPEECH.matcher(outsideMarks(turnSoFar)).find();
    }

    /** A weekday or a month, as the reporter dates what happened or happens next. */
    private static final Pattern WHEN = Pattern.compile("(?<![\\p{L}])(?:" + WEEKDAY + "|" + MONTH + ")(?![\\p{L}])");

    /** A definite noun ({@code Ovnen}, {@code Helseforetaket}, {@code Fødeavdelingen}), a short phrase, a finite verb. */
    private static final Pattern FIGURED_FACT = Pattern.compile("(?!(?:Den|Det|Noen|Ingen|Siden|Dessuten|Uten|Etter|Nesten|Sammen"
            + "|Igjen|Hvilken|Hvilket|Egentlig|Tretten|Fjorten|Femten|Seksten|Sytten|Atten|Nitten|Deretter|Senere|Tidligere"
            + "|Allerede|Kanskje|Likevel|Samtidig|Omtrent|Cirka|Fremdeles|Fortsatt|Heldigvis|Dessverre)(?![\\p{L}]))"
            + "\\p{Lu}\\p{Ll}{2,}(?:en|et|ene|a|na)(?:\\s+(?:i|på|med|fra|til|for|hos|ved|av|over|under|mot)\\s+\\p{L}+(?:\\s+\\p{L}+)?)?"
            + "\\s+(?:er|var|har|hadde|ble|blir|skal"
            + "|skulle|vil|ville|kan|kunne|må|ligger|lå|starter|startet|bygger|bygde|henter|hentet|går|gikk|kommer|kom|får|fikk"
            + "|viser|viste|koster|kostet|teller|talte|dekker|dekket)(?![\\p{L}])");

    /**
     * The reportage's reporter writes {@code vi}: the text before its first dialogue turn or mark says {@code vi} or
     * {@code oss} ({@code Vinden river i jakka når vi går i land.}). There a sentence opened by {@code Han} or {@code Hun}
     * that says {@code oss} with no singular first- or second-person word ({@code Han går foran oss opp stien.}) is the
     * reporter's too (round 20), as one without it is.
     */
    static boolean reporterSaysWe(String text) {
        Matcher first = FIRST_TURN.matcher(text);
        String before = first.find() ? text.substring(0, first.start()) : text;
        return WE.matcher(before).find();
    }

    /** The first dialogue turn's dash, or the first opening mark. */
    private static final Pattern FIRST_TURN = Pattern.compile("(?:^|\\s)[-–—]\\s+\\p{Lu}|[«\"“„]");
    /** The reporter's {@code vi} or {@code oss}. */
    private static final Pattern WE = Pattern.compile("(?iu)(?<![\\p{L}])(?:vi|oss)(?![\\p{L}])");

    /**
     * The writer tells as {@code jeg} or {@code vi}: the text before its first dialogue turn or mark says so (a blog, a
     * reportage: {@code Vi dro opp skjærtorsdag, som alltid.}).
     */
    static boolean writerTellsAsOne(String text) {
        Matcher first = FIRST_TURN.matcher(text);
        String before = first.find() ? text.substring(0, first.start()) : text;
        return firstPersonSingular(before) || WE.matcher(before).find();
    }

    /**
     * The writer tells as {@code jeg}: the text before its first dash turn says {@code jeg}, {@code meg} or {@code min}
     * outside «» (a blog: {@code … så jeg gikk tre skritt bak}; also after a title in marks). A reporter who says
     * {@code vi} does not (round 22).
     */
    static boolean writerSaysI(String text) {
        Matcher first = FIRST_DASH_TURN.matcher(text);
        return firstPersonSingular(first.find() ? text.substring(0, first.start()) : text);
    }

    /** The first dialogue turn's dash. */
    private static final Pattern FIRST_DASH_TURN = Pattern.compile("(?:^|\\s)[-–—]\\s+\\p{Lu}");

    /**
     * A turn so far that speaks to {@code du} or {@code dere}, says no {@code jeg}, {@code meg} or {@code min}, and does not
     * end by asking ({@code - Du er den yngste av oss.}): in a text whose writer tells as {@code jeg} or {@code vi}
     * ({@link #writerTellsAsOne}) the one spoken to is the writer (round 21, a blog's father-in-law: {@code - Du burde ha
     * tatt av ved Hønefoss. Det er mye kortere over fjellet. Vi var allerede forbi Hønefoss. Jeg sa ingenting.}).
     */
    static boolean addressesWriter(String turnSoFar) {
        return secondPerson(turnSoFar) && !firstPersonSingular(turnSoFar) && !turnSoFar.strip().endsWith("?");
    }

    /**
     * After a turn that {@link #addressesWriter}: a sentence that says {@code jeg}, {@code meg} or {@code min} and speaks to
     * nobody is the writer's answer or account ({@code Jeg måkte i en time.}), not the speaker's.
     */
    static boolean writerAnswers(String sentence) {
        return firstPersonSingular(sentence) && !secondPerson(sentence);
    }

    /** The last sentence of {@code words}. */
    private static String lastSentence(String words) {
        String[] sentences = words.strip().split("(?<=[.!?…])\\s+");
        return sentences[sentences.length - 1];
    }

    /**
     * The turn's sentence right before this one already named {@code word} ({@code - Ha-ha, Oslo? I love Oslo.}): the
     * speaker goes on about what they just spoke of, which names no new subject the way the reporter's narration does
     * (round 14). Only the sentence before: a name the speaker said earlier in the turn is as often the one the reporter
     * then tells of ({@code - Hils Kari fra meg. … Når døren åpnes, kjenner Kari …}).
     */
    private static boolean saidInTurn(String turnSoFar, String word) {
        String letters = word.replaceAll("[^\\p{L}].*", "");
        String before = lastSentence(turnSoFar);
        return letters.length() > 1 && Pattern.compile("(?<![\\p{L}])" + Pattern.quote(letters) + "(?![\\p{L}])").matcher(before).find();
    }

    /**
     * The document names {@code word} as a speaker ({@code sier Dal}, {@code . Dal mener}): in an answer, where
     * a capital may be any place, work or person the answer names, only the speaker's name marks the reporter's voice.
     */
    private static boolean speaker(String text, String word) {
        String letters = word.replaceAll("[^\\p{L}].*", "");
        return letters.length() > 1 && cue(letters, " ").matcher(text).find();
    }

    /**
     * The document cues {@code name} as a speaker outside {@code sentence}, after a verb of saying and at most two more
     * names ({@code sier Lise Fjeld}) or before one ({@code . Fjeld forteller}): {@link #NAME_REPORTS} then tells of a
     * speaker met before, not of someone the speaker talks about (the sentence itself would match the second form).
     */
    private static boolean cuedElsewhere(String text, String sentence, String name) {
        int at = text.indexOf(sentence);
        String rest = at < 0 ? text : text.substring(0, at) + " " + text.substring(at + sentence.length());
        return cue(name, "\\s+(?:\\p{Lu}[\\p{L}-]+\\s+){0,2}").matcher(rest).find();
    }

    /**
     * {@code name} cued as a speaker: after a verb of saying and {@code gap} ({@code sier Dal}), or opening a clause
     * before one ({@code . Dal mener}).
     */
    private static Pattern cue(String name, String gap) {
        return Pattern.compile("(?<![\\p{L}])(?:" + QuoteAttribution.VERBS + ")" + gap + Pattern.quote(name)
                + "(?![\\p{L}])|[.!?\\p{Ll}] " + Pattern.quote(name) + " (?:" + QuoteAttribution.VERBS + ")(?![\\p{L}])");
    }

    /**
     * A word in capitals ({@code NHL}, {@code PST}, {@code TV-dansen}): an organisation, a product or a medium, which a
     * speaker names as often as a reporter does; it says nothing about who is speaking.
     */
    private static boolean acronym(String word) {
        String letters = word.split("[^\\p{L}]", 2)[0];
        return letters.length() > 1 && letters.chars().allMatch(Character::isUpperCase);
    }

    /** A first- or second-person word outside marks ({@code «Mitt valg»} is a title), a question, an exclamation. */
    private static boolean spoken(String s) {
        return DialogueQuotes.SPEECH.matcher(outsideMarks(s)).find() || s.endsWith("?") || s.endsWith("!");
    }

    private static String outsideMarks(String s) {
        return s.replaceAll("«[^«»]*»", "«»");
    }
}
