package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * The bonus clause walks the known hits holding a bonus: exactly the entries set in both bit sets, in order, whether the
 * page's walk steps to the next one or leaps ahead, and none (no clause) when they share no entry.
 */
class BonusDocsTest {
    @Test
    void heldHitsAreExactlyTheKnownHitsHoldingABonusStepByStepAndByLeaps() {
        Random random = new Random(33);
        // Sizes around word boundaries, sparse and dense sets, the shared entries at the first and last places too.
        for (int size : new int[] {1, 63, 64, 65, 1_000, 4_097, 20_000}) {
            for (double density : new double[] {0.001, 0.05, 0.5}) {
                FixedBitSet known = random(size, density, random);
                FixedBitSet any = random(size, density, random);
                known.set(size - 1);
                any.set(size - 1);
                BonusDocs docs = new BonusDocs(new FixedBitSet[] {any}, any);
                FixedBitSet both = known.clone();
                both.and(any);
                assertEquals(entries(both), stepped(docs.held(known)), "size " + size + ", density " + density);
                for (int start = 0; start < 5; start++) {
                    BonusDocs.Held leaping = docs.held(known);
                    int target = random.nextInt(size);
                    int found = leaping.advance(target);
                    int expected = both.nextSetBit(target);
                    assertEquals(expected == DocIdSetIterator.NO_MORE_DOCS ? DocIdSetIterator.NO_MORE_DOCS : expected, found);
                    while (found != DocIdSetIterator.NO_MORE_DOCS) {
                        target = found + 1 + random.nextInt(200);
                        found = leaping.advance(target);
                        expected = target >= size ? DocIdSetIterator.NO_MORE_DOCS : both.nextSetBit(target);
                        assertEquals(expected, found, "advance(" + target + ") of size " + size);
                    }
                    assertEquals(DocIdSetIterator.NO_MORE_DOCS, leaping.nextDoc());
                }
            }
        }
    }

    @Test
    void anEntrysMaskNamesExactlyTheBonusesItHolds() {
        Random random = new Random(57);
        // One bonus, the prior's two, and more up to the most a prior may have (31), on sizes around word boundaries.
        for (int bonuses : new int[] {1, 2, 3, 5, 17, 31}) {
            for (int size : new int[] {1, 31, 64, 65, 4_097}) {
                FixedBitSet[] each = new FixedBitSet[bonuses];
                FixedBitSet any = new FixedBitSet(size);
                for (int i = 0; i < bonuses; i++) {
                    each[i] = random(size, 0.3, random);
                    each[i].set(size - 1);
                    any.or(each[i]);
                }
                BonusDocs docs = new BonusDocs(each, any);
                for (int doc = 0; doc < size; doc++) {
                    int expected = 0;
                    for (int i = 0; i < bonuses; i++) {
                        expected |= each[i].get(doc) ? 1 << i : 0;
                    }
                    assertEquals(expected, docs.mask(doc), bonuses + " bonuses, entry " + doc + " of " + size);
                }
            }
        }
    }

    @Test
    void knownHitsWithoutABonusGiveNoClause() {
        FixedBitSet known = new FixedBitSet(300);
        FixedBitSet any = new FixedBitSet(300);
        known.set(5);
        known.set(200);
        any.set(6);
        any.set(299);
        assertNull(new BonusDocs(new FixedBitSet[] {any}, any).held(known));
    }

    private static FixedBitSet random(int size, double density, Random random) {
        FixedBitSet bits = new FixedBitSet(size);
        for (int i = 0; i < size; i++) {
            if (random.nextDouble() < density) {
                bits.set(i);
            }
        }
        return bits;
    }

    private static List<Integer> entries(FixedBitSet bits) {
        List<Integer> out = new ArrayList<>();
        for (int i = bits.nextSetBit(0); i != DocIdSetIterator.NO_MORE_DOCS; i = i + 1 < bits.length() ? bits.nextSetBit(i + 1)
                : DocIdSetIterator.NO_MORE_DOCS) {
            out.add(i);
        }
        return out;
    }

    private static List<Integer> stepped(BonusDocs.Held it) {
        List<Integer> out = new ArrayList<>();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            out.add(doc);
        }
        return out;
    }
}
