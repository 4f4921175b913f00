package no.evidens.models;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.sentdetect.EndOfSentenceScanner;
import opennlp.tools.sentdetect.SDContextGenerator;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.lang.Factory;
import opennlp.tools.util.StringList;

/**
 * A sentence model's abbreviation dictionary as the set of words its context generator asks about, answering as
 * OpenNLP's own view of the dictionary does ({@link Dictionary#asStringSet()}) without what that view costs: for every
 * word asked (up to five per candidate end of sentence: the word, its prefix and suffix…) it made a
 * {@link StringList}, which files each of its words in OpenNLP's process-wide string interner, a map that keeps every
 * word it is given for as long as the process runs.
 *
 * <p>The view's answer is a hash-set look-up of a one-word {@code StringList} with the dictionary's case rule: a
 * one-word entry equal to the word, exactly (case-sensitive dictionary, which the bundled model has) or by
 * {@link String#compareToIgnoreCase} (the view also compares the lower-cased hashes first, which differ only for letters
 * outside the dictionaries' alphabets). This set answers from the one-word entries alone, making nothing per word.
 */
final class SentenceAbbreviations extends AbstractSet<String> {
    private final Set<String> view;
    /** The dictionary's one-word entries, compared as the dictionary's case rule says. */
    private final Set<String> words;

    private SentenceAbbreviations(Dictionary dictionary) {
        this.view = dictionary.asStringSet();
        this.words = dictionary.isCaseSensitive() ? new HashSet<>() : new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (StringList entry : dictionary) {
            if (entry.size() == 1) {
                words.add(entry.getToken(0));
            }
        }
    }

    /** The set for {@code dictionary}'s words; the empty set for none, as OpenNLP gives. */
    static Set<String> of(Dictionary dictionary) {
        return dictionary == null ? Collections.emptySet() : new SentenceAbbreviations(dictionary);
    }

    /**
     * OpenNLP's factory of a sentence detector's parts for {@code model}, its context generator given this set for the
     * model's dictionary: with {@code SentenceDetectorME}'s constructor that takes such a factory, the same context
     * generator and end-of-sentence scanner as the model's own factory gives, so the same sentences.
     */
    static Factory parts(SentenceModel model) {
        return new Parts(model.getLanguage(), of(model.getAbbreviations()));
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String word && words.contains(word);
    }

    @Override
    public Iterator<String> iterator() {
        return view.iterator();
    }

    @Override
    public int size() {
        return view.size();
    }

    /**
     * The detector's parts as the model's own factory ({@code SentenceDetectorFactory}) makes them: by the model's
     * end-of-sentence characters where it has some, else by its language; the abbreviations this set.
     */
    private static final class Parts extends Factory {
        private final String language;
        private final Set<String> abbreviations;

        Parts(String language, Set<String> abbreviations) {
            this.language = language;
            this.abbreviations = abbreviations;
        }

        @Override
        public SDContextGenerator createSentenceContextGenerator(Set<String> ignored, char[] eos) {
            return eos.length > 0 ? super.createSentenceContextGenerator(abbreviations, eos)
                    : super.createSentenceContextGenerator(language, abbreviations);
        }

        @Override
        public SDContextGenerator createSentenceContextGenerator(String languageCode, Set<String> ignored) {
            return super.createSentenceContextGenerator(languageCode, abbreviations);
        }

        @Override
        public EndOfSentenceScanner createEndOfSentenceScanner(char[] eos) {
            return eos.length > 0 ? super.createEndOfSentenceScanner(eos) : super.createEndOfSentenceScanner(language);
        }
    }
}
