package no.evidens.pipeline.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * Replaces personal data in quotations with placeholders: person names (the name model) with
 * {@code [navn 1]}, {@code [navn 2]}, … — the same person the same number within one finding ({@link Persons}) — and
 * fødselsnummer, D- and H-numbers, phone numbers, e-mail and street addresses (the pattern tagger, valid
 * check digits only) with {@code [fødselsnummer]}, {@code [d-nummer]}, {@code [h-nummer]}, {@code [telefon]}, {@code [e-post]},
 * {@code [adresse]}. It runs the steps that find the names, in their order; each step is a class of its own. Nothing it
 * finds is logged.
 */
public final class Anonymiser {
    /** Finds person names in a text; the trained name model in production. */
    @FunctionalInterface
    public interface NameFinder {
        List<TaggedSpan> names(String text);
    }

    private final NameFinder names;
    private final DocumentReading reading;
    private final PiiTagger pii = new PiiTagger();

    public Anonymiser(NameFinder names) {
        this.names = names;
        this.reading = new DocumentReading(names);
    }

    /** With the Norwegian name model. */
    public static Anonymiser withNameModel() {
        NorwegianModels models = NorwegianModels.shared();
        return new Anonymiser(models::names);
    }

    /** The text with personal data replaced; {@code persons} carries the numbering across one finding. */
    public String anonymise(String text, Persons persons) {
        return anonymise(text, persons, List.of());
    }

    /**
     * The text with personal data replaced.
     *
     * @param persons carries the numbering across one finding
     * @param context more text the quotation stands in (its document): a name the model finds there is
     *                replaced in the quotation too, where the model alone would miss it (a first name on its own)
     */
    public String anonymise(String text, Persons persons, List<String> context) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (TaggedSpan s : spans(text, persons, context)) {
            out.append(text, at, s.start()).append(placeholder(s, text, persons));
            at = s.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /**
     * What {@link #anonymise(String, Persons, List)} replaces, in text order, not overlapping: person names
     * (type {@link PiiTagger#PERSON}) and the pattern tagger's personal data. It errs on the side of masking:
     * <ul>
     *   <li>the model's person names in the quotation, and every word of a person name the model finds in
     *       the context (genitive -s too) wherever it stands capitalised in the quotation;</li>
     *   <li>one or two capitalised words alone in quotation marks ({@code «Kiki»}), on the same conditions
     *       as the next;</li>
     *   <li>a capitalised word right beside a masked name (a first name or second surname the model left
     *       out) is masked with it, unless it is a title, a listed place or organisation, a name the model
     *       typed as a place or organisation, or a word the text also writes in lower case (a sentence's
     *       first word: {@code Da}, {@code Etter}).</li>
     *   <li>words their neighbours make names whatever the model typed them ({@link CuedNames}: a role written as the
     *       person, the word after a title, a patronymic, a hyphenated given name, the name before a handle), a nickname
     *       in brackets inside a name, a letter listed with a letter name, initials and a particle with the name words
     *       after them ({@link NameNeighbours}); round 16: a given name, initials and a surname, a place's word right after a
     *       masked given name, and that surname alone elsewhere in the document; round 17: a speaker's name before a turn;
     *       round 18: a hyphenated pair of capitalised words judged as one word, a half of such a pair and a word after a
     *       masked given name also where the text writes them in lower case, a place's word after a masked full name, a
     *       regnal number, the word after a {@code -navn} compound, a one-word sentence in a list of names; round 21: a
     *       word nothing explains also where the model typed it a place or organisation, a capitalised {@code Han} or
     *       {@code Hun} inside a sentence before a masked name; round 22: names of beings ({@link BeingNames}), the name in a
     *       quoted epithet after a place's genitive, a royal's country after a name masked by another cue; round 23: a word
     *       opening a sentence before a verb of saying also in a common noun's shape ({@link NamedSubject#speaker}), a
     *       quotation's speaker after its verb and a person someone is likened to ({@link CuedNames}); round 24: one or
     *       two quoted words opening a sentence as its subject, a lower-case name word of a person named in the document
     *       ending a short label before its colon, and in {@link CuedNames} a person likened to after a copula and {@code
     *       som}, a written work's author and a genitive before {@code personlige} or a family word; round 31: a word the
     *       model guessed alone as a place or organisation, where it is a name word or follows a word a person follows
     *       ({@link GuessVotes}), as any word nothing explains.</li>
     * </ul>
     */
    public List<TaggedSpan> spans(String text, Persons persons, List<String> context) {
        List<TaggedSpan> found = names.names(text);
        List<TaggedSpan> spans = new ArrayList<>();
        for (TaggedSpan s : found) {
            if ("PER".equals(s.type()) || PiiTagger.PERSON.equals(s.type())) {
                spans.add(new TaggedSpan(PiiTagger.PERSON, s.start(), s.end()));
            }
        }
        Set<String> lowerCase = LowerCaseWords.of(context, text);
        DocumentPersons document = reading.persons(context);
        Set<String> unknown = reading.unknownWords(context, lowerCase);
        List<int[]> words = DocumentNameWords.mask(text, spans, found, lowerCase, persons, document, unknown);
        Persons seen = document.seen();
        CuedNames.mask(text, spans, lowerCase);
        BeingNames.mask(text, spans);
        QuotedNames.mask(text, spans, lowerCase, context);
        Bylines.mask(text, spans, lowerCase);
        // round 29: a sign-off's name (Klem fra …)
        Bylines.signOffs(text, spans, lowerCase);
        NameNeighbours.nicknames(text, spans, lowerCase);
        // round 28: a quoted nickname inside a full name or after a word of naming
        NameNeighbours.quotedNicknames(text, spans, lowerCase);
        NameNeighbours.letters(text, spans);
        NameNeighbours.speakers(text, spans, lowerCase);
        // round 26: a listed given name and a surname wherever they stand, and the letters the document names people by
        PersonShapes.givenAndSurname(text, spans, found, lowerCase);
        PersonShapes.letters(text, spans, reading.letterNames(context));
        PersonShapes.initials(text, spans, lowerCase);
        // round 29: a long place or organisation guess that is a full name with a given name inside
        PersonShapes.longGuessedNames(text, spans, found, lowerCase);
        PersonShapes.givenNameSubjects(text, spans, found);
        NameWidening.widen(text, spans, words, found, lowerCase, seen);
        CoordinatedWords.mask(text, spans, words, lowerCase);
        NameWidening.widen(text, spans, words, found, lowerCase, seen);
        NameNeighbours.initialsAndParticles(text, spans, lowerCase);
        NameNeighbours.initialled(text, spans, lowerCase);
        NameWidening.joinTouching(text, spans);
        NameNeighbours.placeSurnames(text, spans, lowerCase);
        DocumentNameWords.shapeSurnames(text, spans, words, reading.surnames(context, lowerCase));
        NameNeighbours.numerals(text, spans);
        NameNeighbours.capitalInside(text, spans);
        NameNeighbours.royals(text, spans);
        // round 29: a full name listed after a masked full name, its first word whatever a list knows it as
        NamesListedAfter.afterFullName(text, spans, found, lowerCase);
        // round 25: the words beside the names the steps after the widening masked (a surname by its shape, Gustavsen) join
        // them too, as beside any other (a given name before it was left: the stress runs of the dev files)
        NameWidening.widen(text, spans, words, found, lowerCase, seen);
        NameWidening.joinTouching(text, spans);
        LowerCaseLabels.mask(text, spans, seen);
        // round 40: a sign-off's greeting a widened name took in is given back (Hilsen [navn 1])
        Bylines.keepGreetings(text, spans);
        spans.addAll(pii.tag(text));
        spans.sort(Comparator.comparingInt(TaggedSpan::start).thenComparing(s -> -(s.end() - s.start())));
        List<TaggedSpan> out = new ArrayList<>();
        int at = 0;
        for (TaggedSpan s : spans) {
            if (s.start() >= at && s.end() <= text.length()) {
                out.add(s);
                at = s.end();
            }
        }
        return out;
    }

    private static String placeholder(TaggedSpan s, String text, Persons persons) {
        return switch (s.type()) {
            case PiiTagger.PERSON -> "[navn " + persons.numberOf(s.cut(text)) + "]";
            case PiiTagger.FODSELSNUMMER -> "[fødselsnummer]";
            case PiiTagger.D_NUMMER -> "[d-nummer]";
            case PiiTagger.H_NUMMER -> "[h-nummer]";
            case PiiTagger.PHONE -> "[telefon]";
            case PiiTagger.EMAIL -> "[e-post]";
            case PiiTagger.ADDRESS -> "[adresse]";
            default -> "[personopplysning]";
        };
    }
}
