package no.evidens.pipeline.analyse;

import java.util.Arrays;

/**
 * The order in which a {@code java.util.HashMap} made with its default capacity and load factor iterates keys put
 * into it one after another (all different), worked out from the keys' hash codes alone, for the first {@code count}
 * of them: the map keeps a table of 16 bins doubled each time it holds more than three quarters of its bins' number,
 * puts a key at the end of the bin its spread hash ({@code h ^ h >>> 16}) picks among them, keeps each bin's order when
 * it doubles, and iterates bin after bin. Only while no bin has been made a tree: a bin holding eight keys when a
 * ninth comes is made a tree, or the table doubled when it is smaller than 64, and the order is then not worked out
 * here ({@link #order} says so). The language guess sums its grams in the order of Tika's map of them; this saves
 * filling a map again for each answer. The JDK does not expose a map's bins, so their order is worked out here.
 */
final class HashMapOrder {
    private static final int FIRST_CAPACITY = 16;
    /** A bin holding this many keys when one more comes is made a tree, or the table doubled. */
    private static final int TREEIFY = 8;
    private int[] spread = new int[256];
    private int size;
    private int capacity = FIRST_CAPACITY;
    private int[] bins = new int[FIRST_CAPACITY];
    /** The largest count of keys whose order is worked out here: past it a bin of the map was made a tree. */
    private int orderedUpTo = Integer.MAX_VALUE;
    private int[] order = new int[256];
    private int[] starts = new int[FIRST_CAPACITY + 1];

    /** Forgets every key. */
    void clear() {
        size = 0;
        capacity = FIRST_CAPACITY;
        bins = new int[FIRST_CAPACITY];
        orderedUpTo = Integer.MAX_VALUE;
    }

    /** The next key put, by its {@code hashCode}. */
    void add(int hashCode) {
        int h = hashCode ^ (hashCode >>> 16);
        if (size == spread.length) {
            spread = Arrays.copyOf(spread, size * 2);
        }
        spread[size] = h;
        if (size < orderedUpTo) {
            int bin = h & (capacity - 1);
            if (bins[bin] >= TREEIFY) {
                orderedUpTo = size; // the map makes this bin a tree (or doubles early) at this key
            } else {
                bins[bin]++;
            }
        }
        size++;
        if (size <= orderedUpTo && size > capacity / 4 * 3) {
            capacity *= 2;
            bins = new int[capacity];
            for (int i = 0; i < size; i++) {
                bins[spread[i] & (capacity - 1)]++;
            }
        }
    }

    int size() {
        return size;
    }

    /**
     * The positions (0 for the first key put) of the first {@code count} keys in the order the map iterates them,
     * in the first {@code count} places of the array returned (which is reused by the next call); null when the map
     * made a bin a tree before holding {@code count} keys, so that its order is not known here.
     */
    int[] order(int count) {
        if (count > orderedUpTo || count > size) {
            return null;
        }
        int slots = FIRST_CAPACITY;
        while (count > slots / 4 * 3) {
            slots *= 2;
        }
        if (starts.length < slots + 1) {
            starts = new int[slots + 1];
        } else {
            Arrays.fill(starts, 0, slots + 1, 0);
        }
        if (order.length < count) {
            order = new int[Math.max(count, order.length * 2)];
        }
        int mask = slots - 1;
        for (int i = 0; i < count; i++) {
            starts[(spread[i] & mask) + 1]++;
        }
        for (int b = 0; b < slots; b++) {
            starts[b + 1] += starts[b];
        }
        for (int i = 0; i < count; i++) {
            order[starts[spread[i] & mask]++] = i;
        }
        return order;
    }
}
