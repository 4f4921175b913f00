package no.evidens.models;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.sentdetect.EndOfSentenceScanner;
import opennlp.tools.sentdetect.SDContextGenerator;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.lang.Factory;
import opennlp.tools.util.StringList;
import opennlp.tools.util.StringUtil;

/**
 * A sentence model's abbreviation dictionary as the set of words its context generator asks about, answering as
 * OpenNLP's own view of the dictionary does ({@link Dictionary#asStringSet()}) without what that view costs: for every
 * word asked (up to five per candidate end of sentence: the word, its prefix and suffix…) it made a
 * {@link StringList}, which files each of its words in OpenNLP's process-wide string interner, a map that keeps every
 * word it is given for as long as the process runs.
 *
 * <p>The view's answer is a hash-set look-up of a one-word {@code StringList} with the dictionary's case rule: the
 * entries filed by the hash of their words joined by commas and lower-cased ({@link StringUtil#toLowerCase}), an
 * entry found when its hash is the word's and it is equal to the word, exactly (case-sensitive dictionary: one word,
 * the same) or word by word by {@link String#compareToIgnoreCase}. This set does the same without making anything
 * for a case-sensitive dictionary, which the bundled model has.
 */
final class SentenceAbbreviations extends AbstractSet<String> {
    private final Set<String> view;
    /** Case-sensitive dictionary: its one-word entries. */
    private final Set<String> exact;
    /** Case-insensitive dictionary: its entries' words, by the hash OpenNLP files them under. */
    private final Map<Integer, List<String[]>> byHash;

    private SentenceAbbreviations(Dictionary dictionary) {
        this.view = dictionary.asStringSet();
        if (dictionary.isCaseSensitive()) {
            exact = new HashSet<>();
            byHash = null;
            for (StringList entry : dictionary) {
                if (entry.size() == 1) {
                    exact.add(entry.getToken(0));
                }
            }
        } else {
            exact = null;
            byHash = new HashMap<>();
            for (StringList entry : dictionary) {
                String[] words = new String[entry.size()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = entry.getToken(i);
                }
                byHash.computeIfAbsent(entry.hashCode(), h -> new ArrayList<>()).add(words);
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
        if (!(o instanceof String word)) {
            return false;
        }
        if (exact != null) {
            return exact.contains(word);
        }
        List<String[]> entries = byHash.get(StringUtil.toLowerCase(word).hashCode());
        if (entries != null) {
            for (String[] words : entries) {
                if (words.length == 1 && word.compareToIgnoreCase(words[0]) == 0) {
                    return true;
                }
            }
        }
        return false;
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
