package no.evidens.models.indicator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features the indicator classifier sees in a paragraph: its words (lower case), the first six
 * letters of long words (so inflections, compounds and the two written standards meet:
 * samarbeidet, samarbeidsmøte → {@code p=samarb}), word pairs, the categories the codebook found,
 * and whether a child or young person is named (several categories count only for children).
 */
public final class ParagraphFeatures {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int PREFIX = 6;
    /** The feature of a paragraph that names a child or young person. */
    public static final String CHILD_NAMED = "child";
    private static final Pattern CHILD = Pattern.compile("(barn|born|ungdom|unge|elev|fosterbarn|mindreårig)\\p{L}*");

    private ParagraphFeatures() {
    }

    /** Feature strings of a paragraph; {@code codebookCategories} are what the codebook found in it. */
    public static String[] of(String text, Set<String> codebookCategories) {
        List<String> words = words(text);
        Set<String> out = new LinkedHashSet<>();
        boolean child = false;
        String previous = null;
        for (String w : words) {
            out.add("w=" + w);
            if (w.length() >= PREFIX + 2) {
                out.add("p=" + w.substring(0, PREFIX));
            }
            if (previous != null) {
                out.add("b=" + previous + "_" + w);
            }
            previous = w;
            child |= CHILD.matcher(w).matches();
        }
        if (child) {
            out.add(CHILD_NAMED);
        }
        for (String c : codebookCategories) {
            out.add("cb=" + c);
            if (child) {
                out.add("cb=" + c + "&child");
            }
        }
        out.add("bias");
        return out.toArray(new String[0]);
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (m.end() - m.start() >= 2) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** A feature as a person reads it: the word, the word pair, {@code samarb…}, {@code kodebok: FUNN}, {@code barn nevnt}. */
    public static String readable(String feature) {
        if (feature.startsWith("w=")) {
            return feature.substring(2);
        }
        if (feature.startsWith("b=")) {
            return feature.substring(2).replace('_', ' ');
        }
        if (feature.startsWith("p=")) {
            return feature.substring(2) + "…";
        }
        if (feature.startsWith("cb=")) {
            return "kodebok: " + feature.substring(3).replace("&child", " + barn nevnt");
        }
        return "child".equals(feature) ? "barn nevnt" : feature;
    }
}
