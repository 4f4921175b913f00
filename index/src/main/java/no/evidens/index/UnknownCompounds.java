package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * A compound query word that no passage holds, sought as the two words it is made of when the index holds both
 * ({@code beredskapsplan} → {@code beredskap plan}; {@code fosterforeldreveiledning} → {@code fosterforeldre
 * veiledning}): an auditor joins words that a report writes apart ({@code plan for beredskap}, {@code helse- og
 * sosialberedskap}). The shipped compound lexicon ({@code compound-parts.txt}) splits the index's words into a
 * hundred common parts; a question's own compounds are far more varied, so the split is found in the index's own
 * words instead: every split point, with or without a linking {@code s} or {@code e}, both halves of at least
 * {@value #MIN_PART} letters and words of the index, the most even split first. A word any passage holds (in its
 * text, compound parts or heading, in any of the forms {@link WordForms} seeks) is left as it is, so this only
 * ever turns a word that finds nothing into words that find something.
 */
final class UnknownCompounds {
    /** The shortest half: shorter ones ({@code helse|plan} is fine, {@code hel|seplan} is not) are mostly noise. */
    static final int MIN_PART = 4;
    /** A plain word, letters only: field:value, phrases, prefixes and the like are left alone. */
    private static final Pattern WORD = Pattern.compile("\\p{L}{" + (2 * MIN_PART) + ",}");
    private static final String[] LINKS = {"", "s", "e"};
    private static final String[] FIELDS = {PassageSchema.TEXT, PassageSchema.PARTS, PassageSchema.HEADING};

    private UnknownCompounds() {
    }

    /** Each plain word of {@code text} outside quotes that no passage holds, with its two known halves. */
    static Map<String, List<String>> split(String text, Analyzer analyzer, IndexReader reader) {
        Map<String, List<String>> out = new HashMap<>();
        boolean quoted = false;
        for (String chunk : QueryLanguage.SPACES.split(text)) {
            boolean wasQuoted = quoted;
            quoted ^= chunk.chars().filter(c -> c == '"').count() % 2 == 1;
            List<String> halves = wasQuoted || !WORD.matcher(chunk).matches() ? null : halves(chunk, analyzer, reader);
            if (halves != null) {
                out.put(chunk, halves);
            }
        }
        return out;
    }

    /** The two halves of {@code word}, or null when the word is known or has no known halves. */
    static List<String> halves(String word, Analyzer analyzer, IndexReader reader) {
        try {
            if (known(word, analyzer, reader, true)) {
                return null;
            }
            String w = word.toLowerCase(Locale.ROOT);
            List<int[]> cuts = new ArrayList<>();
            for (int at = MIN_PART; at <= w.length() - MIN_PART; at++) {
                for (int link = 0; link < LINKS.length; link++) {
                    int rest = at + LINKS[link].length();
                    if (w.startsWith(LINKS[link], at) && w.length() - rest >= MIN_PART) {
                        cuts.add(new int[] {at, rest});
                    }
                }
            }
            // the most even split first: a long head and a long modifier are likelier the word's own parts
            cuts.sort((a, b) -> Integer.compare(Math.abs(w.length() - a[1] - a[0]), Math.abs(w.length() - b[1] - b[0])));
            for (int[] cut : cuts) {
                String first = w.substring(0, cut[0]);
                String second = w.substring(cut[1]);
                if (known(first, analyzer, reader, false) && known(second, analyzer, reader, false)) {
                    return List.of(first, second);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up the words of " + word, e);
        }
    }

    /** Whether a passage holds the word's stem (and, when {@code forms}, any of its other forms) in any field words are sought in. */
    private static boolean known(String word, Analyzer analyzer, IndexReader reader, boolean forms) throws IOException {
        List<String> all = new ArrayList<>(List.of(word));
        if (forms) {
            all.addAll(WordForms.forms(word));
            all.addAll(WordForms.actionNouns(word));
            all.addAll(StrongVerbs.forms(word));
        }
        for (String form : all) {
            String stem = WordForms.oneStem(analyzer, PassageSchema.TEXT, form);
            if (stem == null) {
                // a stop word, or a word the synonyms expand: not a compound to split
                if (form.equals(word)) {
                    return true;
                }
                continue;
            }
            for (String field : FIELDS) {
                if (reader.docFreq(new Term(field, stem)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
