package no.evidens.pipeline.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.pipeline.export.CaseExport.FindingOut;

/**
 * The names an anonymised export masked in the quotations that a finding's own words (its title, its text) still hold: the
 * auditor's sentences are not anonymised (legal wording: a municipality taken for a person would change what the report
 * says), so the person exporting is told instead, finding by finding («Kommunen har ingen koordinator for Tobias»).
 *
 * <p>A name is matched by its words, each capitalised as the mask found it, whole, a genitive {@code -s} allowed
 * ({@code Tobias Lunde} masked: {@code Tobias}, {@code Lundes} are found), name words one after the other told as one
 * name; a word of one letter is not looked for.
 */
public final class OwnWords {
    /** The field of a finding that holds a masked name: {@code title} or {@code text}. */
    public static final String TITLE = "title";
    public static final String TEXT = "text";

    /**
     * One field of one finding and the masked names it holds, as the finding writes them.
     *
     * @param ref   the finding's reference ({@code avvik-1}); {@code label} the report's name for it
     * @param field {@link #TITLE} or {@link #TEXT}
     */
    public record Named(String ref, String label, String field, List<String> names) {
    }

    private OwnWords() {
    }

    /** The fields of the findings, in the report's order (title before text), that hold a word of a masked name. */
    public static List<Named> in(List<FindingOut> findings, Collection<String> masked) {
        Pattern words = pattern(masked);
        List<Named> out = new ArrayList<>();
        if (words == null) {
            return out;
        }
        for (FindingOut f : findings) {
            add(out, f, TITLE, f.title(), words);
            add(out, f, TEXT, f.text(), words);
        }
        return out;
    }

    private static void add(List<Named> out, FindingOut f, String field, String text, Pattern words) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = words.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        if (!found.isEmpty()) {
            out.add(new Named(f.ref(), f.label(), field, List.copyOf(found)));
        }
    }

    /** One pattern of every capitalised word of the masked names, a genitive -s allowed after it; null when there is none. */
    private static Pattern pattern(Collection<String> masked) {
        Set<String> stems = new LinkedHashSet<>();
        for (String name : masked) {
            for (String w : name.split("[^\\p{L}]+")) {
                if (w.length() > 1 && Character.isUpperCase(w.codePointAt(0))) {
                    stems.add(stem(w));
                }
            }
        }
        if (stems.isEmpty()) {
            return null;
        }
        // the longest first, so a name word that another begins with does not cut it short
        String word = "(?:" + String.join("|", stems.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList())
                + ")s?(?![\\p{L}\\p{N}])";
        // name words one after the other are one name (Roar Storviks), as the finding writes it
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + word + "(?:[ -]" + word + ")*");
    }

    /** The word without a genitive -s, unless that leaves a function word (Hans is a name, Han a pronoun). */
    private static String stem(String word) {
        if (word.length() > 3 && word.endsWith("s")) {
            String bare = word.substring(0, word.length() - 1);
            return DocumentNames.isFunctionWord(bare.toLowerCase(Locale.ROOT)) ? word : bare;
        }
        return word;
    }
}
