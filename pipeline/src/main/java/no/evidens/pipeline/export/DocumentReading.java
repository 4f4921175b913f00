package no.evidens.pipeline.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * What a quotation's document (its context) says of names, for the {@link Anonymiser}: the name model's names in it, the
 * persons it names, the words nothing explains, the surnames and letters it names people by. The quotations of one
 * document come together, so each reading of the last document is kept and read once.
 */
final class DocumentReading {
    private final Anonymiser.NameFinder names;
    private String lastContext;
    private List<TaggedSpan> lastContextNames;
    private List<String> lastUnknownContext;
    private Set<String> lastUnknown;
    private List<String> lastSurnameContext;
    private Set<String> lastSurnames;
    private List<String> lastLetterContext;
    private Set<String> lastLetters;

    DocumentReading(Anonymiser.NameFinder names) {
        this.names = names;
    }

    /**
     * The model's place or organisation guesses explain a capitalised word when they hold at least one in this many of its
     * uses in the document (round 17; chosen on the hold-out folds: one in two masked 5 more words on fold 1 and fixed no more leaks).
     */
    static final int OTHER_NAME_SHARE = 3;

    /**
     * The persons the model names in the document, and how much more often it has each word alone as a place or
     * organisation than in a person's name.
     */
    DocumentPersons persons(List<String> context) {
        Persons seen = new Persons();
        Map<String, Integer> placeVotes = new HashMap<>();
        for (String c : context) {
            List<TaggedSpan> inContext = namesOf(c);
            for (TaggedSpan s : inContext) {
                String name = s.cut(c);
                if ("PER".equals(s.type()) || PiiTagger.PERSON.equals(s.type())) {
                    seen.numberOf(name);
                    // a full name weighs one and a half times a lone place or organisation guess (round 7: a person
                    // named by a club's name alone as often as in full and once more, Chelsea, stays masked); one wrong
                    // person guess among two or more place mentions still does not mask the place
                    int weight = name.indexOf(' ') > 0 ? 3 : 2;
                    for (String w : name.split(" ")) {
                        placeVotes.merge(TextWords.stem(w), -weight, Integer::sum);
                    }
                } else if (name.indexOf(' ') < 0) {
                    placeVotes.merge(TextWords.stem(name), 2, Integer::sum);
                }
            }
        }
        return new DocumentPersons(seen, placeVotes);
    }

    /**
     * The capitalised words of the document that stand inside a sentence and that nothing explains
     * ({@link UnexplainedWords}), less those the name model put in a place, organisation or other name in at least one
     * in {@link #OTHER_NAME_SHARE} of their capitalised uses there. Stems (genitive -s off).
     */
    synchronized Set<String> unknownWords(List<String> context, Set<String> lowerCase) {
        // the quotations of one document come together: its words are read once
        if (context.equals(lastUnknownContext)) {
            return lastUnknown;
        }
        Set<String> out = new HashSet<>();
        Map<String, Integer> otherNames = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String c : context) {
            List<TaggedSpan> inContext = namesOf(c);
            for (TaggedSpan s : inContext) {
                if (!"PER".equals(s.type()) && !PiiTagger.PERSON.equals(s.type())) {
                    // round 29: not a lone given name's guess, nor a full name an institution's guess ran into; round 31: nor a
                    // lone guess of a name-like word or after a word a person follows (the word before the guess decides)
                    for (String w : GuessVotes.explained(s.cut(c), s.type(), lowerCase, TextWords.previousWord(c, s.start()))) {
                        otherNames.merge(TextWords.stem(w), 1, Integer::sum);
                    }
                }
            }
            Matcher m = TextWords.CAPITALISED.matcher(c);
            while (m.find()) {
                uses.merge(TextWords.stem(m.group()), 1, Integer::sum);
            }
            UnexplainedWords.collect(c, lowerCase, out);
        }
        // round 17: the model's place or organisation guesses explain a word only when they hold at least a share of its
        // capitalised uses in the document (one genitive typed as a place must not explain a nickname used a dozen times)
        out.removeIf(w -> otherNames.getOrDefault(w, 0) * OTHER_NAME_SHARE >= uses.getOrDefault(w, 0));
        lastUnknownContext = List.copyOf(context);
        lastUnknown = out;
        return out;
    }

    /** The document's {@link NameNeighbours#shapeSurnames}; the last document's are kept, as its quotations come together. */
    synchronized Set<String> surnames(List<String> context, Set<String> lowerCase) {
        if (!context.equals(lastSurnameContext)) {
            Set<String> out = new HashSet<>();
            for (String c : context) {
                out.addAll(NameNeighbours.shapeSurnames(c, lowerCase));
                // round 28: a listed given name and a listed surname or a surname's shape, wherever they stand
                out.addAll(PersonShapes.fullNameSurnames(c, namesOf(c), lowerCase));
            }
            lastSurnameContext = List.copyOf(context);
            lastSurnames = out;
        }
        return lastSurnames;
    }

    /** The document's {@link PersonShapes#letterNames}; the last document's are kept, as its quotations come together. */
    synchronized Set<String> letterNames(List<String> context) {
        if (!context.equals(lastLetterContext)) {
            lastLetterContext = List.copyOf(context);
            lastLetters = PersonShapes.letterNames(context);
        }
        return lastLetters;
    }

    /** The names in a quotation's context; the last one is kept, as the quotations of one document come together. */
    synchronized List<TaggedSpan> namesOf(String context) {
        if (!context.equals(lastContext)) {
            lastContextNames = names.names(context);
            lastContext = context;
        }
        return lastContextNames;
    }
}
