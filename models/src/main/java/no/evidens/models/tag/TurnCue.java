package no.evidens.models.tag;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The speaker cue that ends a dialogue turn ({@code , sier mor}, {@code ? spør han}, {@code , fortsatte Hjelmås},
 * {@code , la han til}, {@code , slår Moe fast}). Not a cue: the speaker's own aside ({@code , synes jeg}, {@code ,
 * mener vi}) and a verb of saying that opens a clause inside the speech ({@code , forteller de at vi gjør det riktig},
 * {@code , mener han er uskyldig}), and one that ends with a colon ({@code , sa den ene til den andre: «…»}). Used by {@link DialogueQuotes}. Thread-safe (no state).
 */
final class TurnCue {
    /** Verbs of saying and of the manner of saying, present and past, beside those of {@link QuoteAttribution#VERBS}. */
    private static final String MORE_VERBS = "spør|spurte|spurde|legger til|la til|(?:legger|la)\\s+\\p{L}+\\s+til"
            + "|(?:slår|slo)\\s+\\p{L}+(?:\\s+\\p{L}+)?\\s+fast|smiler|smilte|ler|lo|humrer|humret|sukker|sukket|roper|ropte"
            + "|jubler|jublet|innvender|innvendte|lover|lovet|avslutter|avsluttet|fortsetter|fortsatte|oppsummerer"
            + "|oppsummerte|konstaterer|konstaterte|utdyper|utdypet|forsikrer|forsikret|kommenterer|kommenterte|spøker"
            + "|spøkte|tilføyer|tilføyde|medgir|medga|innrømmer|innrømmet|hevder|hevdet|advarer|advarte|bekrefter"
            + "|bekreftet|konkluderer|konkluderte|fastslår|fastslo|gliser|gliste|raser|raste|fremholder|fremholdt"
            + "|framholder|framholdt|undrer|undret|synes|syntes|belærer|belærte|lyder|lød"
            // how it was said (round 5): , hvisker hun; , nikker han
            + "|hvisker|hvisket|mumler|mumlet|skriker|skrek|stønner|stønnet|nikker|nikket|presiserer|presiserte"
            // what the speaker owns up to (seventh round): , vedgår kvinna
            + "|vedgår|vedgikk"
            // what the speaker adds, retorts or concedes (round 9): , supplerer direktøren; , kontret Moe; , erkjenner han
            + "|supplerer|supplerte|kontrer|kontret|kontrerte|erkjenner|erkjente"
            // round 10: , erklærte Jean; , freser manageren; , sang Yossou NDour (a sung line: only before a name, since
            // «sang» is a noun too)
            + "|erklærer|erklærte|freser|freste|(?:synger|sang)(?=\\s+\\p{Lu})"
            // round 11: , flirer han; , minnes Kari Moe; , skryter Pelle Brekke Vikstad
            + "|flirer|flirte|minnes|mintes|skryter|skrøt"
            // round 12: , bemerket han; ! stråler Kari Moe
            + "|bemerker|bemerket|stråler|strålte"
            // round 14: , utbrøt svømmepresidenten
            + "|utbryter|utbrøt"
            // round 15: , oppfordrer kjøpmannen; , peker han (a gesture as the cue, as «nikker»: only before a pronoun
            // or a name and the sentence's end or a comma, since «peker på …» points at something in the narration)
            + "|oppfordrer|oppfordret|(?:peker|pekte)(?=\\s+(?:han|hun|ho|de|\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2})\\s*[.,!?])"
            // round 13: , tror Avløyp: only a name and the sentence's end or a comma after it (, tror du? is the
            // interviewer's; , tror jeg an aside; , tror Obama vinner … a clause)
            + "|(?:tror|trodde)(?=\\s+\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2}\\s*[.,!?])"
            // the speaker had time to say it, or is said to have said it: , rakk han å melde; , skal hun ha sagt
            + "|(?:rakk|rekker|rukket)\\s+\\p{L}+\\s+å\\s+(?:si|melde|fortelle|skrive|rope|legge\\s+til)"
            + "|(?:skal|skulle)\\s+\\p{L}+\\s+ha\\s+(?:sagt|uttalt|skrevet|fortalt)";
    /** The speaker after the words: {@code , sier mor}, {@code ? spør han}, {@code , – sier leder}. */
    private static final Pattern CUE = Pattern.compile("(?:,|(?<=[!?…])|(?<=[!?…][»\"”]))\\s*(?:[-–—]\\s*)?((?:" + QuoteAttribution.VERBS
            + "|" + MORE_VERBS + "|" + QuoteAttribution.INVERTED + ")\\b(?:[^.!?\\n«»“”\"]{0,80}?(?=[.!?,;:\\n]|\\z)"
            + "|[^.!?\\n«»“”\"]{0,40}(?=\\s)))");
    /**
     * A comma right after a question or an exclamation ({@code … lettere?, spør vi forsiktig.}): only a cue is written so,
     * whatever its verb.
     */
    private static final Pattern AFTER_QUESTION = Pattern.compile("(?<=[!?…]),\\s*(\\p{Ll}+\\b[^.!?\\n«»“”\"]{0,80}?(?=[.!?,;:\\n]|\\z))");
    /**
     * A cue whose comma was left out (round 11): a verb of saying after a lower-case word, then a full name of two
     * capitalised words and a comma or a sentence's end ({@code … et godt grunnlag å bygge på sier Kari Moe, leder i …}).
     */
    private static final Pattern NO_COMMA = Pattern.compile("(?<=\\p{Ll})\\s((?:sier|sa|forteller|fortalte|mener|meinte)\\s+"
            + "\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+(?=[,.]))");
    /**
     * A cue without its comma after a marked word or title that ends inside the turn's sentence (round 17: {@code - Her
     * kaller vi det «Bergensregn» sa de, da …}), as round 15 read one after a marked question: only a pronoun or a name
     * of up to three words as its subject, then a comma or the sentence's end, so that a verb of the speech's own clause
     * ({@code «Hamlet» sier noe om …}) stays in the turn.
     */
    private static final Pattern AFTER_TERM = Pattern.compile("(?<=\\p{L}[»\"”])\\s+((?:" + QuoteAttribution.VERBS + "|" + MORE_VERBS
            + ")\\s+(?:han|hun|ho|de|dei|\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2})(?=\\s*[.,!?]))");
    /**
     * A cue that is a sentence of its own after the turn's words (round 21: {@code - … tenkt gjennom dette. Det sier Hilde
     * Sandnes, som …}): {@code Det} and a verb of saying, then a name of up to three capitalised words or {@code han},
     * {@code hun}, and a comma or the sentence's end. Written with a paragraph of its own it follows the turn's paragraph;
     * rebuilt from tokens it runs on after the turn's last sentence, where the cue without a comma ({@link #NO_COMMA}) took
     * {@code Det} into the turn. The turn ends before {@code Det}.
     */
    private static final Pattern SAYS_IT = Pattern.compile("(?<=[.!?…][»\"”]?\\s)((?:Det|Dette)\\s+(?:sier|sa|mener|meinte|forteller"
            + "|fortalte|skriver|skrev|opplyser|opplyste|understreker|understreket|påpeker|påpekte)\\s+(?:han|hun|ho"
            + "|\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}[\\p{L}-]+){0,2})(?=\\s*[,.]))");
    /**
     * A verb of placing or naming that is a cue only with {@code det} after it ({@code , står det i brevet}, {@code , heter
     * det}): with another subject it is the narration's or the speech's own clause after a fronted one ({@code Da jeg kom
     * ut, sto vannet til knærne}, round 21), no cue.
     */
    private static final Pattern PLACED = Pattern.compile("(?iu)\\A(?:står|stod|sto|heter|heiter|het)\\s+(?!det(?![\\p{L}]))");
    /** A sentence's end inside a text: its punctuation and white space. */
    private static final Pattern SENTENCE_GAP = Pattern.compile("[.!?…]\\s");
    /** The speaker's own aside: an opinion verb with a first-person subject, or a saying quoted by the speaker. */
    private static final Pattern ASIDE = Pattern.compile("(?iu)\\A(?:synes|syntes|mener|meiner|meinte|tror|trur|trodde)\\s+"
            + "(?:jeg|eg|vi|me)(?![\\p{L}])"
            // a saying the speaker quotes: , sier man; , sier de så pent på Vestlandet
            + "|\\A(?:sier|sa)\\s+(?:man|de\\s+så\\s+(?:fint|pent))(?![\\p{L}])");
    /**
     * No subject after the verb: a particle or a preposition ({@code , sa fra på møtet at}: the subject came before it,
     * in the speech, or in the narration: {@code Lene solgte bilen, skrev under på en avtale}; round 13: {@code … to menn,
     * sto over ham}, where {@code sto} is no {@code sto det}), or an indefinite noun after {@code svarte}, then the colour ({@code , svarte tak og røde vegger}).
     */
    private static final Pattern NO_SUBJECT = Pattern.compile("(?u)\\A(?!(?:legger|la)\\s+til)(?:\\S+\\s+(?:fra|til|på|i|om|med|opp|ut|inn|av|for"
            + "|etter|ved|mot|seg|under|over|bak|foran|hos|rundt"
            // round 22: an object pronoun is no subject (… ikke kjenner deg, forteller deg ingenting: the verb is the speech's)
            + "|meg|deg|oss|ham|henne|dem)(?![\\p{L}])|svarte\\s+(?!(?:han|hun|ho|de|dei|vi|jeg|eg|den|det|man)(?![\\p{L}]))"
            + "\\p{Ll}+(?<!en|et|ne|a|s)(?![\\p{L}]))");
    /**
     * The speaker's own {@code , sa jeg} or {@code , sier jeg} (round 22): where the writer does not tell as {@code jeg}
     * ({@link SentenceVoice#writerSaysI}), only a speaker can say it, so it is words the speaker quotes of their own
     * inside the turn ({@code - … Det hadde jeg ikke, sa jeg. Men jeg visste …}), not the turn's cue. In a blog the
     * writer's {@code sa jeg} is one.
     */
    private static final Pattern I_SAID = Pattern.compile("(?iu)\\A(?:sier|sa|svarer|svarte)\\s+jeg(?![\\p{L}])");

    /** A second verb of saying after {@code og}: it introduces what follows, the first verb still ends the turn. */
    private static final Pattern AND_VERB = Pattern.compile("(?u)\\s+og\\s+(?:" + QuoteAttribution.VERBS + "|" + MORE_VERBS
            + ")\\s*\\z"
            // or any other act after og ({@code , sa moren og trakk pusten: - …}): what follows the colon is the next turn
            + "|\\s+og\\s+(?!(?:de|dem|meg|oss|deg|dere|han|hun|ho|ham|henne|den|det|alle|andre|en|et|ei|mange|flere)"
            + "(?![\\p{L}]))\\p{Ll}+(?:\\s+\\p{Ll}+){0,4}\\s*\\z");
    /**
     * A verb, its subject (one word, or a name of up to four: {@code understreker Kari de Vries at}), and then a
     * conjunction (also after an adverb: {@code , sier vi aldri at}) or a finite verb: a clause of the speech or of the
     * narration, not a cue.
     */
    private static final Pattern CLAUSE = Pattern.compile("(?u)\\A\\S+\\s+(?:\\p{Lu}\\p{L}*(?:\\s+(?:de|van|von|der|af|\\p{Lu}\\p{L}*)){1,3}|\\S+)\\s+"
            // an adverb between the subject and «at» (round 13: Blir vi stoppet, sier vi aldri at vi …)
            + "(?:(?:aldri|ikke|alltid|også|bare|gjerne|ofte|nok|jo)\\s+(?=at(?![\\p{L}])))?(?:at|er|var|har|hadde|blir|ble|skal|vil"
            + "|kan|må|bør|burde)(?![\\p{L}])");

    /**
     * A verb and a question word: the verb opens an indirect question of the narration ({@code , forklarer hvorfor laget
     * vant}), it names no speaker (round 12).
     */
    private static final Pattern QUESTION = Pattern.compile("(?u)\\A\\S+\\s+(?:hvorfor|hvordan|hva|hvem|hvor|hvilken|hvilket|hvilke"
            + "|når)(?![\\p{L}])");

    /** A verb of saying and the person spoken to: {@code sier du}, {@code spør dere}. */
    private static final Pattern ECHO = Pattern.compile("(?iu)(?:sier|sa|spør|mener)\\s+(?:du|dere)");

    /** A cue: the punctuation that precedes it ({@code at}) and its words {@code [start, end)}. */
    record Cue(int at, int start, int end) {
    }

    private TurnCue() {
    }

    /** The first cue in {@code [start, end)} after the turn's first character and outside {@code marked}, or null. */
    static Cue find(String text, int start, int end, List<Quotation> marked) {
        Cue verb = first(CUE.matcher(text).region(start, end), text, start, marked);
        Cue punctuation = first(AFTER_QUESTION.matcher(text).region(start, end), text, start, marked);
        Cue cue = verb == null || punctuation != null && punctuation.at() < verb.at() ? punctuation : verb;
        Cue bare = first(NO_COMMA.matcher(text).region(start, end), text, start, marked);
        cue = cue == null || bare != null && bare.at() < cue.at() ? bare : cue;
        Cue saysIt = first(SAYS_IT.matcher(text).region(start, end), text, start, marked);
        cue = cue == null || saysIt != null && saysIt.at() < cue.at() ? saysIt : cue;
        Cue afterTerm = first(AFTER_TERM.matcher(text).region(start, end), text, start, marked);
        if (afterTerm != null && !afterTerm(text, afterTerm.at(), marked)) {
            afterTerm = null;
        }
        return cue == null || afterTerm != null && afterTerm.at() < cue.at() ? afterTerm : cue;
    }

    /**
     * The marks right before {@code at} hold a word or a title, not sentences of their own: a quotation of several
     * sentences that opened inside the narration ({@code … våknet «av et smell. … Ola hadde drømt» skriver
     * Kari Moe}) has that cue for its own.
     */
    private static boolean afterTerm(String text, int at, List<Quotation> marked) {
        return marked.stream().filter(q -> q.end() == at - 1)
                .anyMatch(q -> !SENTENCE_GAP.matcher(text.substring(q.start(), q.end())).find());
    }

    private static Cue first(Matcher cue, String text, int start, List<Quotation> marked) {
        while (cue.find()) {
            String words = text.substring(cue.start(1), cue.end(1));
            if (cue.start() > start && !DialogueQuotes.insideQuotation(marked, cue.start())
                    && !ASIDE.matcher(words).find() && !CLAUSE.matcher(words).find() && !QUESTION.matcher(words).find() && !NO_SUBJECT.matcher(words).find()
                    && !PLACED.matcher(words).find()
                    && !(I_SAID.matcher(words).find() && !SentenceVoice.writerSaysI(text))
                    && !introduces(text, cue.end(1), words) && !echoes(text, cue.end(1), words)
                    && !quotedBySpeaker(text, cue.start(), marked)) {
                return new Cue(cue.start(), cue.start(1), cue.end(1));
            }
        }
        return null;
    }

    /**
     * A cue with no comma right after a closing mark ({@code «…?» spurte noen}, as Norwegian writes a cue after a marked
     * question or exclamation) is the turn's only when the marked words stand inside the turn's sentence ({@code … og sa
     * «Jøss, hva er det?» sier Moe}); after a sentence of their own they are someone the speaker quotes, and that cue is
     * theirs (round 15).
     */
    private static boolean quotedBySpeaker(String text, int at, List<Quotation> marked) {
        if (at == 0 || text.charAt(at) == ',' || "»\"”".indexOf(text.charAt(at - 1)) < 0) {
            return false;
        }
        return marked.stream().filter(q -> q.end() == at - 1 && q.start() > 0)
                .noneMatch(q -> DialogueQuotes.insideSentence(text, q.start() - 1));
    }

    /**
     * {@code , sier du?}: someone echoes the words back as a question (the reporter to the reader, the interviewer to the
     * speaker); no speaker is named (round 13).
     */
    private static boolean echoes(String text, int end, String words) {
        return end < text.length() && text.charAt(end) == '?' && ECHO.matcher(words).matches();
    }

    /**
     * The cue ends with a colon: it introduces what follows ({@code , sier Martin: - Det er …}), it ends no turn. Unless a
     * second verb of saying after {@code og} does the introducing ({@code , sier Moe og legger til: - …}): the first verb is
     * the turn's cue.
     */
    private static boolean introduces(String text, int end, String words) {
        return end < text.length() && text.charAt(end) == ':' && !AND_VERB.matcher(words).find();
    }
}
