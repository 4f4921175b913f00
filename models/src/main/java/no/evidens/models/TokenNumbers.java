package no.evidens.models;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A number for each distinct token string one name finder (one thread) sees, given by one look-up of the string when
 * the token comes in a run, and the one string kept for those characters. What the finder then keeps per token (its
 * previous-map entry, its features' numbers in the model, the windows and runs it remembers) is found by that number,
 * an index into an array or an int key, instead of hashing the token string again and comparing it character by
 * character at every look-up: those look-ups were about a tenth of tagging's samples on the main process's quick
 * compiler (flight recording of {@code bench tagging}, 2026-12-05). The numbers are 0, 1, 2, … in the order the
 * strings were first seen; once {@link #BOUND} are given, a finder forgets them all at once ({@link #forget}) and
 * everything it keeps by number with them.
 */
final class TokenNumbers {
    /** Distinct token strings numbered before they are forgotten (a few MB with what the finder keeps by number). */
    static final int BOUND = 32_768;

    private final int bound;
    private final Map<String, Integer> numbers = new HashMap<>();
    private String[] strings = new String[1024];
    private int size;

    TokenNumbers() {
        this(BOUND);
    }

    /** With another bound than {@link #BOUND} (a test's). */
    TokenNumbers(int bound) {
        this.bound = bound;
    }

    /** The number of each token, and in {@code kept} the one string kept for its characters (an array as long). */
    int[] of(String[] tokens, String[] kept) {
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            Integer n = numbers.get(token);
            if (n == null) {
                n = size;
                if (size == strings.length) {
                    strings = Arrays.copyOf(strings, 2 * size);
                }
                strings[size++] = token;
                numbers.put(token, n);
            }
            out[i] = n;
            kept[i] = strings[n];
        }
        return out;
    }

    /** The string kept for number {@code n}. */
    String string(int n) {
        return strings[n];
    }

    /** How many numbers are given; every number is below it. */
    int size() {
        return size;
    }

    /** Whether the bound's numbers are given ({@link #BOUND} unless made with another). */
    boolean full() {
        return size >= bound;
    }

    /** Forgets every number: the next string seen is 0 again. */
    void forget() {
        numbers.clear();
        Arrays.fill(strings, 0, size, null);
        size = 0;
    }
}
