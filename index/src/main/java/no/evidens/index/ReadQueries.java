package no.evidens.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * The queries read on one snapshot ({@link QueryReader}), kept by their text and operator, so that a text searched again
 * on the same snapshot is not read again. An auditor's next request often has the text of the last one (a facet chosen or
 * dropped, a page turned, grouping or the order switched), and reading a text (the parser, each word's analysis in its
 * fields, its unknown compounds looked up in the index, the ranking parts) was 5–7 % of a search's processor time. A read
 * query depends only on its text, its operator and the snapshot's words, and is not changed by searching it (Lucene's
 * queries are immutable), so one serves every thread. A text that cannot be read is not kept: it is refused each time, as
 * before. At most {@value #SIZE} texts, the least recently used let go first; a new snapshot starts empty. Lucene keeps
 * the hits of filters ({@code LRUQueryCache}), not parsed queries, hence this class.
 */
final class ReadQueries {
    /** How many texts are kept at most. */
    static final int SIZE = 256;

    private record Key(String text, QueryParser.Operator operator) {
    }

    private final Map<Key, Query> read = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Query> eldest) {
            return size() > SIZE;
        }
    };

    /** The query of {@code text} with {@code operator}: the one kept, or {@code reading}'s, then kept. */
    Query read(String text, QueryParser.Operator operator, Supplier<Query> reading) {
        Key key = new Key(text, operator);
        synchronized (read) {
            Query kept = read.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // Read outside the lock: two threads that read the same new text at once each read it, and keep equal queries.
        Query q = reading.get();
        synchronized (read) {
            read.put(key, q);
        }
        return q;
    }
}
