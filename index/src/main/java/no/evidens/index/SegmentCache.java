package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * What a snapshot reads once per segment and keeps while the segment is open (its facet signatures, its
 * document keys): keyed by the segment's core cache key and dropped by the segment's closed listener, so a
 * refreshed snapshot reads only its new segments. Lucene keeps such caches inside its own classes (the query
 * cache, doc values) but offers no general one for values of our own, hence this small one.
 */
final class SegmentCache<T> {
    /** Reads one segment's value. */
    interface Reader<T> {
        T read(LeafReader segment) throws IOException;
    }

    private final Map<Object, T> cache = new ConcurrentHashMap<>();
    private final Reader<T> reader;

    SegmentCache(Reader<T> reader) {
        this.reader = reader;
    }

    /** The value of every segment of {@code index}, in the order of its leaves; read where not kept yet. */
    List<T> of(IndexReader index) throws IOException {
        List<T> out = new ArrayList<>(index.leaves().size());
        for (LeafReaderContext leaf : index.leaves()) {
            out.add(of(leaf.reader()));
        }
        return out;
    }

    /** The value of one segment; read when not kept yet. */
    T of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) {
            return reader.read(segment);
        }
        T value = cache.get(helper.getKey());
        if (value == null) {
            value = reader.read(segment);
            if (cache.putIfAbsent(helper.getKey(), value) == null) {
                helper.addClosedListener(cache::remove);
            }
        }
        return value;
    }

    /** How many segments' values are kept. */
    int size() {
        return cache.size();
    }
}
