package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HashMapOrderTest {

    /** The order a HashMap filled with the first {@code count} keys iterates them in, as positions. */
    private static int[] mapOrder(List<String> keys, int count) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(keys.get(i), i);
        }
        return map.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private static HashMapOrder of(List<String> keys) {
        HashMapOrder order = new HashMapOrder();
        for (String key : keys) {
            order.add(key.hashCode());
        }
        return order;
    }

    @Test
    void givesTheMapsOrderForEveryCountOfGramsAcrossItsDoublings() {
        Random random = new Random(28);
        Set<String> grams = new LinkedHashSet<>();
        while (grams.size() < 3_000) {
            int n = 1 + random.nextInt(3);
            StringBuilder gram = new StringBuilder();
            for (int i = 0; i < n; i++) {
                gram.append((char) ('a' + random.nextInt(26)));
            }
            if (random.nextInt(10) == 0) {
                gram.append('ø');
            }
            grams.add(gram.toString());
        }
        List<String> keys = new ArrayList<>(grams);
        HashMapOrder order = of(keys);
        for (int count = 0; count <= keys.size(); count += count < 200 ? 1 : 37) {
            int[] worked = order.order(count);
            assertNotNull(worked, "count " + count);
            assertArrayEquals(mapOrder(keys, count), Arrays.copyOf(worked, count), "count " + count);
        }
    }

    /**
     * Keys of one hash code: the map makes their bin a tree (or doubles early) at the ninth of them at the latest
     * (earlier where other keys share the bin), and from there its order is not worked out; before, it is the map's.
     */
    @Test
    void knowsNoOrderOnceTheMapMadeABinATree() {
        for (int others : new int[] {0, 70}) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < others; i++) {
                keys.add("k" + i);
            }
            // "Aa" and "BB" have one hash code: so have all strings made of four of them
            for (int i = 0; i < 12; i++) {
                String bits = Integer.toBinaryString(16 + i).substring(1);
                keys.add(bits.replace("0", "Aa").replace("1", "BB"));
            }
            HashMapOrder order = of(keys);
            boolean known = true;
            for (int count = 0; count <= keys.size(); count++) {
                int[] worked = order.order(count);
                if (count <= (others == 0 ? 8 : others)) {
                    assertNotNull(worked, "count " + count);
                }
                if (count >= others + 9) {
                    assertNull(worked, "count " + count);
                }
                if (worked != null) {
                    assertTrue(known, "an order again after none, count " + count);
                    assertArrayEquals(mapOrder(keys, count), Arrays.copyOf(worked, count), "count " + count);
                }
                known = worked != null;
            }
        }
    }
}
