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
    static final int PREFIX = 6;
    /** The feature of a paragraph that names a child or young person. */
    public static final String CHILD_NAMED = "child";
    /**
     * A word names a child or young person when it begins with one of these: what the pattern
     * {@code (barn|born|ungdom|unge|elev|fosterbarn|mindreårig)\p{L}*} matches in a word of letters only (every word of
     * {@link #words} is), tested without a regular expression (a matcher per word was some 80 MB of garbage an ingest).
     */
    private static final String[] CHILD_WORDS = {"barn", "born", "ungdom", "unge", "elev", "fosterbarn", "mindreårig"};

    private ParagraphFeatures() {
    }

    /** Feature strings of a paragraph; {@code codebookCategories} are what the codebook found in it. */
    public static String[] of(String text, Set<String> codebookCategories) {
        Set<String> out = new LinkedHashSet<>();
        walk(text, codebookCategories, new Sink() {
            @Override
            public void word(String w) {
                out.add("w=" + w);
            }

            @Override
            public void prefix(String w) {
                out.add("p=" + prefixOf(w));
            }

            @Override
            public void pair(String previous, String w) {
                out.add("b=" + previous + "_" + w);
            }

            @Override
            public void child() {
                out.add(CHILD_NAMED);
            }

            @Override
            public void codebook(String category, boolean withChild) {
                out.add(withChild ? "cb=" + category + "&child" : "cb=" + category);
            }

            @Override
            public void bias() {
                out.add("bias");
            }
        });
        return out.toArray(new String[0]);
    }

    /**
     * Where a paragraph's features go, one call per feature in the order of {@link #of} (repeats included):
     * {@link SharedPredicates} numbers them without making their strings.
     */
    interface Sink {
        /** {@code w=}word. */
        void word(String w);

        /** {@code p=} and the first letters of {@code w}, right after {@link #word} of the same long word. */
        void prefix(String w);

        /** {@code b=}previous{@code _}w, right after {@link #word}/{@link #prefix} of {@code w}. */
        void pair(String previous, String w);

        /** {@link #CHILD_NAMED}. */
        void child();

        /** {@code cb=}category, or {@code cb=}category{@code &child}. */
        void codebook(String category, boolean withChild);

        /** {@code bias}. */
        void bias();
    }

    /** Gives {@code sink} the features of a paragraph, in order; true when it names a child or young person. */
    static boolean walk(String text, Set<String> codebookCategories, Sink sink) {
        boolean child = false;
        String previous = null;
        for (String w : words(text)) {
            sink.word(w);
            if (w.length() >= PREFIX + 2) {
                sink.prefix(w);
            }
            if (previous != null) {
                sink.pair(previous, w);
            }
            previous = w;
            child = child || namesChild(w);
        }
        if (child) {
            sink.child();
        }
        for (String c : codebookCategories) {
            sink.codebook(c, false);
            if (child) {
                sink.codebook(c, true);
            }
        }
        sink.bias();
        return child;
    }

    /** Whether a word of letters only names a child or young person (see {@link #CHILD_WORDS}). */
    static boolean namesChild(String w) {
        for (String c : CHILD_WORDS) {
            if (w.startsWith(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first letters of a long word that make its {@code p=} feature. */
    static String prefixOf(String w) {
        return w.substring(0, PREFIX);
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
