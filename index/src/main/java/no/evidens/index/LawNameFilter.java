package no.evidens.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Splits the name of a law into the service or subject it is named after: {@code sosialtjenesteloven} also
 * gives {@code sosialtjeneste}, {@code forvaltningslova} {@code forvaltning}, {@code helsepersonelloven}
 * {@code helsepersonell}, so that a search for the service finds the passages that cite its law. Every law
 * name ends in {@code lov} (with its Bokmål and Nynorsk endings), which no fixed lexicon of parts can list in
 * full; the part is emitted at the word's own position, as the compound filter emits its parts.
 */
public final class LawNameFilter extends TokenFilter {
    /** Endings of a law's name, longest first. */
    private static final List<String> ENDINGS = List.of("lovens", "lovas", "loven", "lova", "lovene", "lov");
    private static final int MIN_SUBJECT = 5;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private AttributeSource.State current;

    public LawNameFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.poll());
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (!endsLikeLaw(term.buffer(), term.length())) {
            return true;
        }
        pending.addAll(subjects(term.toString()));
        if (!pending.isEmpty()) {
            current = captureState();
        }
        return true;
    }

    /**
     * Whether the word ends in {@code lov} and at most three letters more, as every ending in {@link #ENDINGS}
     * does: the other words (nearly all) are passed on without being copied into a string.
     */
    private static boolean endsLikeLaw(char[] word, int length) {
        for (int at = length - 3; at >= Math.max(0, length - 6); at--) {
            if (word[at] == 'l' && word[at + 1] == 'o' && word[at + 2] == 'v') {
                return true;
            }
        }
        return false;
    }

    /** What a law's name is named after ({@code barnevernsloven} → {@code barnevern}); nothing for other words. */
    static List<String> subjects(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_SUBJECT) {
                String subject = word.substring(0, word.length() - ending.length());
                if (subject.endsWith("-")) {
                    return List.of();
                }
                if (subject.endsWith("s") && !subject.endsWith("ss")) {
                    // the linking s: forvaltning-s-loven
                    return List.of(subject.substring(0, subject.length() - 1));
                }
                if (subject.endsWith("l") && !subject.endsWith("ll")) {
                    // three l's written as two: helsepersonell + loven = helsepersonelloven
                    return List.of(subject + "l");
                }
                return List.of(subject);
            }
        }
        return List.of();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
    }
}
