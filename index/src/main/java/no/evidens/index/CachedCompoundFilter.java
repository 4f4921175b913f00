package no.evidens.index;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;

/**
 * Splits compounds into the parts of a dictionary exactly as Lucene's
 * {@code DictionaryCompoundWordTokenFilter} does (every start, the longest part there), remembering
 * the split of each word it has seen. Lucene's filter looks up every substring of every word, which
 * profiling showed to be a quarter of indexing time; words repeat, so each is split once per analysis
 * thread. Not shared between threads (an Analyzer keeps one chain per thread).
 */
final class CachedCompoundFilter extends CompoundWordTokenFilterBase {
    /** Words remembered at most, per chain: enough for a large archive's vocabulary, a few MB. */
    private static final int MAX_CACHED = 100_000;
    private static final int[] NO_PARTS = new int[0];

    /** Word → its parts as (start, length) pairs into the word. */
    private final CharArrayMap<int[]> splits = new CharArrayMap<>(1024, false);

    CachedCompoundFilter(TokenStream input, CharArraySet dictionary, int minWordSize, int minSubwordSize, int maxSubwordSize) {
        super(input, dictionary, minWordSize, minSubwordSize, maxSubwordSize, true);
    }

    @Override
    protected void decompose() {
        char[] word = termAtt.buffer();
        int length = termAtt.length();
        int[] parts = splits.get(word, 0, length);
        if (parts == null) {
            parts = split(word, length);
            if (splits.size() < MAX_CACHED) {
                splits.put(new String(word, 0, length), parts);
            }
        }
        for (int k = 0; k < parts.length; k += 2) {
            tokens.add(new CompoundToken(parts[k], parts[k + 1]));
        }
    }

    /** At each start, the longest dictionary part there, as Lucene's filter with only-longest-match does. */
    private int[] split(char[] word, int length) {
        int[] found = new int[2 * length];
        int n = 0;
        for (int start = 0; start <= length - minSubwordSize; start++) {
            int longest = 0;
            for (int len = minSubwordSize; len <= maxSubwordSize && start + len <= length; len++) {
                if (dictionary.contains(word, start, len)) {
                    longest = len;
                }
            }
            if (longest > 0) {
                found[n++] = start;
                found[n++] = longest;
            }
        }
        return n == 0 ? NO_PARTS : java.util.Arrays.copyOf(found, n);
    }
}
