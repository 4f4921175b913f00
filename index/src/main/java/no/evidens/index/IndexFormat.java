package no.evidens.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The layout of the embedded index's entries (the fields a passage and a document carry, how they are kept), stamped
 * into each commit's user data by the writer, so that a reader can tell an index it knows from one a newer Evidens wrote.
 * An index without the stamp was written by an Evidens before round 52 (every one since round 40 wrote the same fields,
 * which this one reads as they are); the first commit of this writer stamps it. An index whose stamp is newer than this
 * Evidens knows is refused, read or written, with words that say what to do, instead of being read wrong or written in
 * an older layout beside a newer one.
 *
 * <p>Raise {@link #CURRENT} with a change to what the writer writes that an older reader would read wrong.
 */
public final class IndexFormat {
    /** The key of the stamp in a commit's user data. */
    static final String KEY = "evidens.index.format";
    /** The layout this Evidens writes: 1 since round 52 (the same fields as round 40's, now stamped). */
    public static final int CURRENT = 1;

    private IndexFormat() {
    }

    /** The layout a commit's user data names: 0 for an index written before the stamp. */
    static int of(Map<String, String> userData) {
        String v = userData.get(KEY);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            // a stamp this Evidens cannot read is not one it wrote
            return Integer.MAX_VALUE;
        }
    }

    /** The user data a commit of this writer carries. */
    static Map<String, String> stamp() {
        return Map.of(KEY, Integer.toString(CURRENT));
    }

    /** @throws IndexTooNew when the commit's layout is newer than this Evidens knows */
    static void requireKnown(Path dir, Map<String, String> userData) {
        int format = of(userData);
        if (format > CURRENT) {
            throw new IndexTooNew(dir, userData.get(KEY));
        }
    }

    /**
     * Refuses the index in {@code dir} when a newer Evidens wrote its last commit (nothing there: nothing to refuse), by a
     * look at that commit alone, without opening a writer or a reader: for a command that says so before it begins (an
     * ingest before it reads its bundle).
     *
     * @throws IndexTooNew when the last commit's layout is newer than this Evidens knows
     */
    public static void requireKnown(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Directory d = FSDirectory.open(dir)) {
            if (DirectoryReader.indexExists(d)) {
                requireKnown(dir, SegmentInfos.readLatestCommit(d).getUserData());
            }
        }
    }

    /** An index written by a newer Evidens than this one. */
    public static final class IndexTooNew extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        IndexTooNew(Path dir, String format) {
            super("the index in " + dir + " was written by a newer Evidens (index format " + format + "; this one knows up to "
                    + CURRENT + "): use that Evidens or a newer one on this home, or restore a backup made before the upgrade;"
                    + " nothing was changed");
        }
    }
}
