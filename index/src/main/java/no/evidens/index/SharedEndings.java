package no.evidens.index;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * A coordination whose words share a compound's ending stands for each whole compound: {@code helse- og
 * omsorgstjenesten} is {@code helsetjenesten} and {@code omsorgstjenesten}, {@code barnevern-, helse- og
 * sosialtjenester} also {@code barneverntjenester} and {@code helsetjenester}. Reports write a service so, and a search
 * for {@code helsetjenesten} found none of it: the first word stood alone ({@code hels}). At index time each such first
 * word is given the compound it stands for at its own place (a synonym of it, with its offsets), made of the word and
 * the last word's last part with its ending ({@code tjenesten}), the part found in the compound-part lexicon
 * ({@code compound-parts.txt}); a last word whose end holds no part of the lexicon ({@code lov- og forskriftskrav}, a
 * law's name) gives nothing. Real-text dev 0.8510 → 0.8525, both halves, three queries up and none down; in the parts
 * field too it cost a query a relevant passage, so the parts field only takes the mark off (docs/relevance-rounds.md,
 * thirty-ninth round).
 * <p>
 * The hyphen is what marks such a first word, and the tokenizer drops it. So the index analysis first replaces it with
 * {@link #MARK} ({@link #marked(String)}: one character for one, so no offset moves), a character that
 * joins a word the way an underscore does, and this filter reads the mark off the token. Without a hyphen ({@code helse og
 * omsorgstenestene}) a coordination cannot be told from two things named side by side ({@code foreldre og
 * barnevernet}); it is left as written. Runs before the stop words, since it reads the {@code og} or {@code eller}
 * between the words.
 */
final class SharedEndings extends TokenFilter {
    /** What {@link #marked} writes for a first word's hyphen: U+203F, a connector punctuation no text types. */
    static final String MARK = "\u203F";
    /** The type of a compound this filter adds, so that the parts field can leave it out ({@link #compounds}). */
    static final String TYPE = "<SHARED_ENDING>";
    /**
     * A hyphen closing a word, before {@code og} or {@code eller} and a word (or before more such words first:
     * {@code barnevern-, helse- og}).
     */
    static final String HYPHEN = "-(?<=\\p{L}-)(?=(?:\\s*,\\s*\\p{L}+-)*\\s+(?:og|eller)\\s+\\p{L})";
    private static final Pattern HYPHEN_PATTERN = Pattern.compile(HYPHEN);
    /** The longest ending after a compound's last part: an inflection ({@code -ene}, {@code -ane}). */
    private static final int MAX_ENDING = 3;
    /** The shortest first part of the last word, and the shortest last part. */
    private static final int MIN_PART = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final CharArraySet parts;
    private final boolean compounds;
    /** Tokens read ahead, in order: the marked words, their compounds, then the words after them. */
    private final List<AttributeSource.State> queue = new ArrayList<>();
    private int next;

    /**
     * @param parts the compound-part lexicon
     * @param compounds whether to add the compounds; without, the filter only takes the marks off (the parts field,
     *     where the last word's parts are already found and the compound's would count its part twice)
     */
    SharedEndings(TokenStream input, CharArraySet parts, boolean compounds) {
        super(input);
        this.parts = parts;
        this.compounds = compounds;
    }

    /** {@code reader} with each such hyphen replaced by {@link #MARK} (Solr's chain: {@link SharedEndingsCharFilterFactory}). */
    static Reader marked(Reader reader) {
        return new PatternReplaceCharFilter(HYPHEN_PATTERN, MARK, reader);
    }

    /**
     * {@code text} with each such hyphen replaced by {@link #MARK}: what {@link #marked(Reader)} gives, one character for
     * one, so the offsets into either are the same. The index's own analyzers mark the value they have read already,
     * without a character filter's copy and offset map (indexing's adding threads spent a third more time with one).
     */
    static String marked(String text) {
        if (text.indexOf('-') < 0) {
            return text;
        }
        Matcher m = HYPHEN_PATTERN.matcher(text);
        if (!m.find()) {
            return text;
        }
        char[] out = text.toCharArray();
        do {
            out[m.start()] = MARK.charAt(0);
        } while (m.find());
        return new String(out);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < queue.size()) {
            restoreState(queue.get(next++));
            return true;
        }
        queue.clear();
        next = 0;
        if (!input.incrementToken()) {
            return false;
        }
        if (!unmark() || !compounds) {
            return true;
        }
        // Read ahead: the marked words, og or eller, and the last word, whose ending they share.
        List<AttributeSource.State> marked = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<AttributeSource.State> after = new ArrayList<>();
        marked.add(captureState());
        words.add(term.toString());
        String last = null;
        while (input.incrementToken()) {
            boolean mark = unmark();
            if (mark && after.isEmpty()) {
                marked.add(captureState());
                words.add(term.toString());
                continue;
            }
            after.add(captureState());
            if (mark || after.size() == 2) {
                // the last word, or a new coordination that this one does not share (left as written)
                last = mark ? null : term.toString();
                break;
            }
        }
        String head = last == null ? null : head(last);
        for (int i = 0; i < marked.size(); i++) {
            queue.add(marked.get(i));
            if (head != null) {
                restoreState(marked.get(i));
                term.setEmpty().append(words.get(i)).append(head);
                increment.setPositionIncrement(0);
                type.setType(TYPE);
                queue.add(captureState());
            }
        }
        queue.addAll(after);
        restoreState(queue.get(next++));
        return true;
    }

    /** Whether the token ends in {@link #MARK}; if so, the token without it. */
    private boolean unmark() {
        int length = term.length();
        if (length < 2 || term.charAt(length - 1) != MARK.charAt(0)) {
            return false;
        }
        term.setLength(length - 1);
        offset.setOffset(offset.startOffset(), offset.endOffset() - 1);
        return true;
    }

    /** The compound's last part with its ending, when a part of the lexicon ends {@code word}; else null. */
    String head(String word) {
        char[] w = word.toCharArray();
        for (int start = word.length() - MIN_PART; start >= MIN_PART; start--) {
            for (int end = word.length(); end - start >= MIN_PART && word.length() - end <= MAX_ENDING; end--) {
                if (parts.contains(w, start, end - start)) {
                    return word.substring(start);
                }
            }
        }
        return null;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        queue.clear();
        next = 0;
    }
}
