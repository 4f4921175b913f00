package no.evidens.pipeline.export;

import java.util.Locale;
import java.util.Set;

import no.evidens.models.DocumentNames;

/** A capitalised word opening a sentence that names the sentence's subject (round 12 of the anonymiser: the masking budget). */
final class NamedSubject {
    private NamedSubject() {
    }

    private static final Set<String> VERBS = Set.of("er", "var", "har", "hadde", "sier", "sa", "kan", "kunne", "skal",
            "skulle", "vil", "ville", "må", "måtte", "ser", "så", "tar", "tok", "får", "fikk", "ble", "blir", "mener", "mente",
            "og", "gikk", "går", "kom", "kommer", "synes", "syntes", "tror", "trodde", "forteller", "fortalte", "legger", "la",
            "understreker", "ønsker", "viser", "gjør", "gjorde", "bor", "jobber", "spiller", "står", "sto", "sitter", "satt",
            "hevder", "svarer", "svarte", "påpeker", "peker", "skriver", "skrev", "vet", "visste", "fant", "finner", "lever",
            "levde", "døde", "startet", "begynte", "eller", "heter", "het");

    /**
     * Whether a capitalised word opening a sentence is the sentence's subject named ({@code Trym og de andre …},
     * {@code Thommesen sier …}): a finite verb or {@code og} follows, and the word is no function word, title,
     * institution word or common opening ({@link #commonOpening}), and has no common noun's shape.
     */
    static boolean subject(String text, String word, int end, Set<String> lowerCase) {
        String next = TextWords.nextWord(text, end);
        if (next == null || !Character.isLowerCase(next.charAt(0)) || end < text.length() && text.charAt(end) == '-'
                || DocumentNames.isFunctionWord(word) || DocumentNames.isTitle(word) || DocumentNames.isNoNameWord(word)) {
            return false;
        }
        // round 26: a listed given name or surname also before any word with a finite verb's shape (Kari lufter, Quillan
        // deltok; made up): the folds' stress runs of quarters 1-3 left such subjects whole; not a common noun's shape
        // (Undersøkelsen konkluderes: a surname's -sen)
        // round 27: a listed public figure's word as well (Kafka skrev, Støre deltok)
        boolean shapedVerb = (DocumentNames.isPersonNameWord(word) && !DocumentNames.isCommonNounShape(word, lowerCase)
                || DocumentNames.isFamousName(word)) && PersonShapes.verb(next);
        if (!(VERBS.contains(next) || shapedVerb) || commonOpening(word)) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        boolean shape = DocumentNames.isCommonNounShape(word, lowerCase) || lower.endsWith("ene") || lower.endsWith("het")
                || lower.endsWith("ing") || lower.endsWith("sjon");
        return !shape || DocumentNames.isPersonNameWord(word) || DocumentNames.isFamousName(word);
    }

    /**
     * Whether a word is one of the finite verbs a named subject comes before ({@link #subject}'s list, not {@code og} or
     * {@code eller}: a title coordinated with another is no subject).
     */
    static boolean finiteVerb(String word) {
        return word != null && VERBS.contains(word) && !"og".equals(word) && !"eller".equals(word);
    }

    /**
     * Verbs of saying that name their speaker after them in a quotation's attribution ({@code «…», sier …}), as a
     * regular expression's alternatives; {@link CuedNames} reads the speaker after them, {@link #SPEECH} before them.
     */
    static final String SAYING = "sier|sa|forteller|fortalte|mener|mente|spør|spurte|svarer|svarte|hevder|påpeker"
            + "|understreker|forklarer";

    /**
     * Verbs of saying and thinking whose subject is a person: a word opening a sentence right before one is its speaker
     * (round 23).
     */
    private static final Set<String> SPEECH = Set.of((SAYING.replace('|', ' ') + " hevdet påpekte understreket forklarte"
            + " tror trodde synes syntes lurer lurte innrømmer innrømmet").split(" "));

    /**
     * Whether a capitalised word opening a sentence (or a line: a blog's nickname after a heading) is the speaker of the verb
     * of saying or thinking right after it, one space between ({@code Quillandamen spurte i går …}, made up; round 23, chosen
     * on the folds): such a verb wants a person, so the word is taken for a name also where it has a common noun's shape (a
     * nickname in the definite form), which {@link #subject} leaves. Not where a pronoun or a number follows the verb (the
     * subject comes after it: {@code Innimellom tror jeg}, {@code Nasjonalt sier 50 prosent}), nor a function word, title,
     * institution word or listed opener, nor, unless a listed name or a surname's shape, a plural's shape ({@code Naboer
     * sier}, {@code Ekspertene tror}), an adverb's or participle's ({@code Normalt}, {@code Grunnleggende}) or a neuter's
     * ({@code Storsamfunnet}): those masked 10 more words on the folds for no leak fixed.
     */
    static boolean speaker(String text, String word, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ') {
            return false;
        }
        String next = TextWords.wordStartingAt(text, end + 1);
        if (!SPEECH.contains(next) || invertedSubject(text, end + 1 + next.length())) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        boolean shape = lower.endsWith("er") || lower.endsWith("ne") || lower.endsWith("t") || lower.endsWith("ende")
                || lower.endsWith("lig") || lower.endsWith("vis");
        return !DocumentNames.isFunctionWord(word) && !DocumentNames.isTitle(word) && !DocumentNames.isNoNameWord(word)
                && !OPENERS.contains(lower) && (!shape || DocumentNames.isPersonNameWord(word));
    }

    /** Whether a subject pronoun or a number follows the verb ending at {@code end} (the verb came second: no subject before it). */
    private static boolean invertedSubject(String text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ') {
            return false;
        }
        return Character.isDigit(text.charAt(end + 1))
                || SUBJECTS.contains(TextWords.wordStartingAt(text, end + 1).toLowerCase(Locale.ROOT));
    }

    private static final Set<String> SUBJECTS = Set.of("jeg", "du", "han", "hun", "vi", "dere", "de", "man", "det", "den", "dette",
            "noen", "mange", "alle", "flere", "ingen");

    /**
     * Words that open a sentence as no name does: adverbs and determiners ({@code Derfor}, {@code Samtidig},
     * {@code Begge}), and the shapes of nouns, adjectives and participles ({@code Målet}, {@code Kvinner},
     * {@code Rørende}, {@code Nasjonalt}), unless the word is a listed given name or has a surname's shape.
     */
    static boolean commonOpening(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (OPENERS.contains(lower)) {
            return true;
        }
        boolean shape = lower.endsWith("en") || lower.endsWith("et") || lower.endsWith("ene") || lower.endsWith("er")
                || lower.endsWith("ende") || lower.endsWith("t") || lower.endsWith("ne") || lower.endsWith("ig")
                || lower.endsWith("lig") || lower.endsWith("isk") || lower.endsWith("ske") || lower.length() <= 3;
        return shape && !DocumentNames.isPersonNameWord(word);
    }

    /**
     * Whether the word (any case) is one of the listed adverbs, prepositions, determiners, weekdays and family roles that
     * open sentences ({@code Ifølge}, {@code Allikevel}, {@code Torsdag}, {@code Pappa}): no name's first word either
     * (round 20).
     */
    static boolean opener(String word) {
        return OPENERS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Adverbs, determiners, weekdays, family roles and the labels of contact details ({@code Mobil er …}) that open
     * sentences: no names.
     */
    private static final Set<String> OPENERS = Set.of("mobil", "telefon", "tlf", "sentralbord", "adresse", "postadresse",
            "kontakt", "epost", "faks", "dernest", "først", "samtidig", "sist", "dessverre", "heldigvis", "likevel", "derfor", "riktignok",
            "ellers", "enten", "dit", "sånn", "slik", "man", "enkelte", "begge", "snart", "siden", "neste",
            "forrige", "dessuten", "deretter", "etterpå", "nettopp", "plutselig", "endelig", "kanskje", "trolig",
            "antakelig", "sannsynligvis", "faktisk", "altså", "imidlertid", "derimot", "tvert", "allerede", "ofte",
            "sjelden", "stadig", "fortsatt", "fremdeles", "ennå", "igjen", "straks", "senere", "tidligere", "ifølge",
            "blant", "gjennom", "mot", "uansett", "nesten", "omtrent", "rundt", "cirka", "hele", "halve", "andre",
            "første", "siste", "ingenting", "alle", "mye", "lite", "flere", "færre", "mange", "få", "noen", "ingen",
            "hvert", "annen", "annet", "hvilke", "hvilken", "hvilket", "tross", "takket", "dermed", "således",
            "nemlig", "særlig", "spesielt", "bokstavelig", "også", "likeledes", "heller", "mens", "selv", "vel",
            "jo", "nok", "visst", "gjerne", "helst", "bare", "ikke", "aldri", "alltid", "nå", "da", "så", "her",
            "der", "hit", "borte", "hjemme", "ute", "inne", "oppe", "nede", "idag", "ifjor", "tilbake", "videre",
            "fram", "frem", "bort", "opp", "ned", "ut", "inn", "over", "under", "foran", "bak", "utenfor",
            "innenfor", "ovenfor", "nedenfor", "hvordan", "hvorfor", "hvor", "hva", "hvem", "når", "om", "dersom",
            "hvis", "fordi", "ettersom", "skjønt", "enda", "selvsagt", "naturligvis", "vanligvis", "åpenbart",
            "tydeligvis", "egentlig", "virkelig", "kun", "bortsett", "unntatt", "allikevel", "mandag", "tirsdag", "onsdag",
            "torsdag", "fredag", "lørdag", "søndag", "pappa", "mamma");
}
