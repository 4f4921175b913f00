package no.evidens.index;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Copies the index's latest commit while it may be written to. A commit's files are written once and
 * never changed, so the files {@link SegmentInfos} names for the latest commit are a consistent index;
 * only a later commit's merge can delete one of them while it is copied, and then the copy starts over
 * from the newer commit. (Lucene's SnapshotDeletionPolicy would hold the commit instead, but it must be
 * the writer's own policy, and the writer lives in another process: an ingestion, or the server.)
 */
public final class IndexBackup {
    private static final int ATTEMPTS = 5;

    private IndexBackup() {
    }

    /**
     * Copies the latest commit of {@code indexDir} into {@code target} (created).
     *
     * @return the files copied
     * @throws IOException when there is no index, or it kept changing under five attempts
     */
    public static List<String> copyLatestCommit(Path indexDir, Path target) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (FSDirectory dir = FSDirectory.open(indexDir)) {
                SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
                Files.createDirectories(target);
                List<String> files = new ArrayList<>(commit.files(true));
                for (String f : files) {
                    Files.copy(indexDir.resolve(f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
                return files;
            } catch (NoSuchFileException | FileNotFoundException e) {
                last = e;
            }
        }
        throw new IOException("the index at " + indexDir + " kept changing while it was copied; try again", last);
    }
}
