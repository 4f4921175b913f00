package no.evidens.index;

import java.util.Arrays;

/**
 * Words and the terms an analysis chain made of each, packed into one {@code char[]}: an entry is the word's length
 * and characters, then the number of terms, then each term's length and characters. A table of (hash, entry start)
 * pairs in one {@code int[]} finds a word; a found entry is read from one place in the pool.
 * <p>
 * Why not Lucene's {@code CharArrayMap}: it keeps each key and each value as an array object of its own, so a hit
 * reads the key's array, the value's array and each term's array wherever the heap left them; profiling the indexing
 * threads showed its look-ups at 6% of their time, most of it the first read of the key's array (a cache miss), for a
 * vocabulary of about 1,400 words. Lucene's {@code BytesRefHash} packs its keys the same way but is keyed by bytes,
 * which would cost an UTF-8 encoding of every word. Not shared between threads.
 */
final class WordTerms {
    private final int maxWords;
    /** Per slot: the word's hash, then its entry's start in {@link #pool} plus one (0: an empty slot). */
    private int[] slots = new int[2 * 1024];
    private char[] pool = new char[16 * 1024];
    private int used;
    private int words;

    /** @param maxWords words remembered at most (later words are not added) */
    WordTerms(int maxWords) {
        this.maxWords = maxWords;
    }

    /** The pool that entries are read from: read it again after each {@link #add}, which may replace it. */
    char[] pool() {
        return pool;
    }

    /** Where the entry of {@code word[0, length)} starts in {@link #pool()}, or -1 when the word is not here. */
    int find(char[] word, int length) {
        int hash = hash(word, length);
        int mask = slots.length / 2 - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            int start = slots[2 * slot + 1] - 1;
            if (start < 0) {
                return -1;
            }
            if (slots[2 * slot] == hash && sameWord(start, word, length)) {
                return start;
            }
        }
    }

    /**
     * Adds a word (not already here) with its terms, and returns its entry's start in {@link #pool()}; or -1 when the
     * table is full and the word was not added.
     */
    int add(char[] word, int length, char[][] terms) {
        if (words >= maxWords || !fits(length, terms)) {
            return -1;
        }
        int size = size(length, terms);
        if (used + size > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(2 * pool.length, used + size));
        }
        int start = used;
        used = pack(pool, start, word, length, terms);
        if (2 * (words + 1) > slots.length / 2) {
            grow();
        }
        put(hash(word, length), start);
        words++;
        return start;
    }

    /** Whether every length fits in one char (a token is at most 255 chars long in the chains that use this). */
    private static boolean fits(int length, char[][] terms) {
        if (length > Character.MAX_VALUE || terms.length > Character.MAX_VALUE) {
            return false;
        }
        for (char[] t : terms) {
            if (t.length > Character.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static int pack(char[] into, int at, char[] word, int length, char[][] terms) {
        into[at++] = (char) length;
        System.arraycopy(word, 0, into, at, length);
        at += length;
        into[at++] = (char) terms.length;
        for (char[] t : terms) {
            into[at++] = (char) t.length;
            System.arraycopy(t, 0, into, at, t.length);
            at += t.length;
        }
        return at;
    }

    private static int size(int length, char[][] terms) {
        int size = 2 + length;
        for (char[] t : terms) {
            size += 1 + t.length;
        }
        return size;
    }

    /** Where the terms of the entry at {@code start} begin: at their count, followed by each term's length and chars. */
    static int termsAt(char[] pool, int start) {
        return start + 1 + pool[start];
    }

    private boolean sameWord(int start, char[] word, int length) {
        return pool[start] == length && Arrays.equals(pool, start + 1, start + 1 + length, word, 0, length);
    }

    private void put(int hash, int start) {
        int mask = slots.length / 2 - 1;
        int slot = mix(hash) & mask;
        while (slots[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = start + 1;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[2 * old.length];
        for (int k = 0; k < old.length; k += 2) {
            if (old[k + 1] != 0) {
                put(old[k], old[k + 1] - 1);
            }
        }
    }

    private static int hash(char[] word, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word[i];
        }
        return h;
    }

    /** Spreads the hash's high bits into the low ones that pick a slot. */
    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
