package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Lucene's SearcherManager over the index folder, opened once (when there is an index) and refreshed
 * when the folder has a newer commit, also one made by another process. Thread-safe.
 */
final class SnapshotSource implements AutoCloseable {
    private final Path dir;
    private final Analyzer analyzer;
    private Directory directory;
    private NewestCommit commits;
    private volatile SearcherManager manager;
    /** The scored fields' norms of each open segment, dense ({@link DenseNorms}). */
    private final SegmentCache<Map<String, DenseNorms.Values>> norms = DenseNorms.newCache();

    SnapshotSource(Path dir, Analyzer analyzer) {
        this.dir = dir;
        this.analyzer = analyzer;
    }

    /** Whether there is an index (opening it, the first time there is). */
    boolean exists() {
        try {
            return manager() != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The latest snapshot; give it back with {@link #release}. */
    IndexSnapshot acquire() throws IOException {
        SearcherManager m = manager();
        if (m == null) {
            throw new NoIndexException(dir);
        }
        IndexSnapshot s = (IndexSnapshot) m.acquire();
        // The newest commit's generation (the folder listed only when it changed) is far cheaper than reading the
        // commit point that maybeRefresh reads.
        if (commits.generation() > s.generation) {
            m.release(s);
            m.maybeRefresh();
            s = (IndexSnapshot) m.acquire();
        }
        return s;
    }

    void release(IndexSnapshot s) throws IOException {
        manager.release(s);
    }

    private SearcherManager manager() throws IOException {
        SearcherManager m = manager;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (manager == null && Files.isDirectory(dir)) {
                Directory d = FSDirectory.open(dir);
                if (DirectoryReader.indexExists(d)) {
                    DirectoryReader reader = DirectoryReader.open(d);
                    try {
                        IndexFormat.requireKnown(dir, reader.getIndexCommit().getUserData());
                    } catch (IndexFormat.IndexTooNew e) {
                        reader.close();
                        d.close();
                        throw e;
                    }
                    directory = d;
                    commits = new NewestCommit(dir, d);
                    manager = new SearcherManager(DenseNorms.wrap(reader, norms), IndexSnapshot.factory(analyzer));
                } else {
                    d.close();
                }
            }
            return manager;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (manager != null) {
            manager.close();
            directory.close();
            manager = null;
        }
    }
}
