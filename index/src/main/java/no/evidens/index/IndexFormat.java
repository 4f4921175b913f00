package no.evidens.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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

    /**
     * {@link #requireKnown(Path)}, remembering the last commit it found known in {@code memory}: while that commit is
     * still the last (named by its {@code segments_N} file and that file's SHA-256, {@link CaseHashes#lastCommit}), it is
     * not looked at again. An ingest of an unchanged bundle makes no commit, and Lucene's look at one (its codecs found
     * on the whole class path, 60-90 ms of a 0.6 s re-ingest) was the largest part of what it did before reading the
     * bundle. The memory holds the commit and its layout: a commit a newer Evidens remembered as known to it is looked
     * at again (and refused with the words above); a memory missing, cut short or of another commit, too.
     */
    public static void requireKnown(Path dir, Path memory) throws IOException {
        String commit = CaseHashes.lastCommit(dir);
        if (commit == null) {
            requireKnown(dir);
            return;
        }
        if (remembered(memory, commit)) {
            return;
        }
        try (Directory d = FSDirectory.open(dir)) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(d);
            requireKnown(dir, infos.getUserData());
            // remembered only for the commit read (another may have been made since the name was taken)
            if (commit.startsWith(infos.getSegmentsFileName() + " ")) {
                remember(memory, commit, of(infos.getUserData()));
            }
        }
    }

    private static boolean remembered(Path memory, String commit) {
        try {
            List<String> lines = Files.readAllLines(memory, StandardCharsets.UTF_8);
            return lines.size() == 2 && commit.equals(lines.get(0)) && Integer.parseInt(lines.get(1)) <= CURRENT;
        } catch (IOException | RuntimeException e) {
            return false; // none yet, or broken: the commit is looked at instead
        }
    }

    /** Written beside and moved into place whole; a memory that cannot be written is only a look saved, not an error. */
    private static void remember(Path memory, String commit, int format) {
        Path part = memory.resolveSibling(memory.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            Files.createDirectories(memory.toAbsolutePath().getParent());
            Files.write(part, List.of(commit, Integer.toString(format)), StandardCharsets.UTF_8);
            Files.move(part, memory, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // left as a .part file, which is never read as the memory
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
