package no.evidens.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A place guess of the model that is coordinated with a person ({@code Michelle, Malia og Sasha}, {@code som Ingrid,
 * Mia og Thea}): one of the persons named together (issue 15, round 10), for {@link DocumentNames}. The name model
 * reads each word of such a list on its own and, having seen few of the names, often types an unusual given name as a
 * place, or leaves it untagged ({@code Myrstad og Mahler}); a place is rarely listed among persons. Narrow, as every
 * retyping here: up to three words typed as a place (not an organisation: {@code Solberg og Høyre} is a person and her
 * party), or one untagged word inside the sentence; no word a listed place or organisation, written in lower case in the
 * document, or ever written after a place preposition in it ({@code fra Malia}); next to a person name of the sentence
 * with only a comma, {@code og}, {@code eller} or {@code &} between. A list is read out along its length: a name
 * retyped may make the next word a person too.
 */
final class CoordinatedNames {
    /** The words that join the names of a list. */
    private static final Set<String> JOINERS = Set.of(",", "og", "eller", "&");

    private CoordinatedNames() {
    }

    /**
     * The sentence's names with such places retyped as persons.
     *
     * @param things the model's places and organisations written after a place preposition somewhere in the document
     *               (lower case, no genitive -s; {@link ModelTypeRepair#namesAfterPlaceWords})
     */
    static List<TaggedSpan> retype(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names, Set<String> lowerCase,
                                   Set<String> things) {
        List<TaggedSpan> out = new ArrayList<>(names);
        // Every retyping below needs a person name of the sentence beside it (personAt): without one, nothing changes,
        // and most sentences have none, so their words are not looked up at all.
        boolean changed = out.stream().anyMatch(n -> "PER".equals(n.type()));
        while (changed) {
            changed = false;
            for (int n = 0; n < out.size(); n++) {
                TaggedSpan name = out.get(n);
                if (!"LOC".equals(name.type())) {
                    continue;
                }
                int first = firstToken(tokens, name);
                int last = lastToken(tokens, name);
                if ((personAt(sentence, out, tokens, first - 2) && joiner(sentence, tokens, first - 1)
                        || personAt(sentence, out, tokens, last + 2) && joiner(sentence, tokens, last + 1))
                        && candidate(sentence, tokens, name, lowerCase, things)) {
                    out.set(n, new TaggedSpan("PER", name.start(), name.end()));
                    changed = true;
                }
            }
            // a capitalised word the model left untagged, listed with a person (Myrstad og Mahler): inside the sentence
            // only, where a capital is a sign of a name
            for (int k = 1; k < tokens.size(); k++) {
                TaggedSpan t = tokens.get(k);
                // the person and the joiner beside it first: the cheapest test, and the one that fails most often (all
                // the tests are plain answers of the same words, so their order does not change the outcome)
                if ((personAt(sentence, out, tokens, k - 2) && joiner(sentence, tokens, k - 1)
                                || personAt(sentence, out, tokens, k + 2) && joiner(sentence, tokens, k + 1))
                        && untagged(out, t) && inside(sentence, tokens, k) && word(sentence, tokens, k, lowerCase, things)) {
                    out.add(new TaggedSpan("PER", t.start(), t.end()));
                    out.sort(Comparator.comparingInt(TaggedSpan::start));
                    changed = true;
                }
            }
        }
        return out;
    }

    /** Tokens after which a capital says nothing about a name (a sentence or a quotation opens). */
    private static final Set<String> OPENERS = Set.of("«", "\"", "“", "”", "-", "–", "—", ":", "(", "'", "|", ".", "!", "?");

    private static boolean inside(String sentence, List<TaggedSpan> tokens, int k) {
        return k > 0 && !OPENERS.contains(tokens.get(k - 1).cut(sentence))
                && !(k > 1 && ",".equals(tokens.get(k - 1).cut(sentence)) && OPENERS.contains(tokens.get(k - 2).cut(sentence)));
    }

    private static boolean untagged(List<TaggedSpan> names, TaggedSpan t) {
        return names.stream().noneMatch(n -> n.start() < t.end() && t.start() < n.end());
    }

    /** Up to three words, each one a name word ({@link #word}), the whole no listed place or organisation. */
    private static boolean candidate(String sentence, List<TaggedSpan> tokens, TaggedSpan name, Set<String> lowerCase,
                                     Set<String> things) {
        int first = firstToken(tokens, name);
        int last = lastToken(tokens, name);
        if (first < 0 || last < 0 || last - first >= MAX_WORDS || DomainNames.shared().typeOf(name.cut(sentence)) != null
                || things.contains(key(name.cut(sentence)))) {
            return false;
        }
        for (int k = first; k <= last; k++) {
            if (!word(sentence, tokens, k, lowerCase, things)) {
                return false;
            }
        }
        return !(first > 0 && NameCues.placeWord(tokens.get(first - 1).cut(sentence)));
    }

    /** Most words of a place guess read as a person's name. */
    private static final int MAX_WORDS = 3;

    /**
     * A capitalised word of letters, not in capitals only, not written in lower case in the document, no listed place
     * or organisation, no institution word or compound of a place or institution noun ({@code Nordlysinstituttet}), never
     * after a place preposition in the document, not after one here.
     */
    private static boolean word(String sentence, List<TaggedSpan> tokens, int k, Set<String> lowerCase, Set<String> things) {
        String w = tokens.get(k).cut(sentence);
        String lower = w.toLowerCase(Locale.ROOT);
        return DocumentNames.nameLike(w) && !w.equals(w.toUpperCase(Locale.ROOT)) && !lowerCase.contains(lower)
                && DomainNames.shared().typeOf(w) == null && !DocumentNames.isNoNameWord(w) && !things.contains(key(w))
                && !UnknownWordNames.functionWord(w) && !UnknownWordNames.compound(lower, lowerCase) && !NonPersonShapes.compound(lower)
                && !(k > 0 && NameCues.placeWord(tokens.get(k - 1).cut(sentence)));
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.length() > 3 && lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The index of the token the name starts on, or -1. */
    private static int firstToken(List<TaggedSpan> tokens, TaggedSpan name) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() == name.start()) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the token the name ends on, or -1. */
    private static int lastToken(List<TaggedSpan> tokens, TaggedSpan name) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).end() == name.end()) {
                return k;
            }
        }
        return -1;
    }

    private static boolean joiner(String sentence, List<TaggedSpan> tokens, int k) {
        return k >= 0 && k < tokens.size() && JOINERS.contains(tokens.get(k).cut(sentence));
    }

    /**
     * Whether a person name of the sentence starts or ends on token {@code k}, or ends before an age in brackets that
     * ends there ({@code Jonas (12), Emma (9) og Tiril}).
     */
    private static boolean personAt(String sentence, List<TaggedSpan> names, List<TaggedSpan> tokens, int k) {
        if (k < 0 || k >= tokens.size()) {
            return false;
        }
        if (k >= 3 && ")".equals(tokens.get(k).cut(sentence)) && "(".equals(tokens.get(k - 2).cut(sentence))) {
            k -= 3;
        }
        TaggedSpan t = tokens.get(k);
        for (TaggedSpan n : names) {
            if ("PER".equals(n.type()) && (n.end() == t.end() || n.start() == t.start())) {
                return true;
            }
        }
        return false;
    }
}
