package no.evidens.models;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Norwegian taggers of Evidens, loaded once per process and safe to call from many threads.
 *
 * <p>Until the trained OpenNLP models land, sentences come from the JDK's sentence
 * {@link BreakIterator} for Norwegian (a library, not rules of our own) and no names are found.
 */
public final class NorwegianModels {
    private static final NorwegianModels SHARED = new NorwegianModels();
    private static final Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");

    private NorwegianModels() {
    }

    /** The process-wide instance. */
    public static NorwegianModels shared() {
        return SHARED;
    }

    /** Sentences of {@code text}, trimmed of surrounding white space, in order. */
    public List<TaggedSpan> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(NORWEGIAN);
        it.setText(text);
        List<TaggedSpan> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new TaggedSpan("SENTENCE", s, e));
            }
        }
        return out;
    }

    /** Person, organisation and location names (types PER, ORG, LOC). */
    public List<TaggedSpan> names(String text) {
        return List.of();
    }
}
