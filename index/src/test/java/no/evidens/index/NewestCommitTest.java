package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A searcher sees every commit made after it looked, while the index folder is listed only when it may have changed.
 * The folder's modification time is set by hand here, as a coarse filesystem clock would leave it.
 */
class NewestCommitTest {
    private static final FileTime T = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir
    Path dir;

    @Test
    void aCommitAfterASettledListingIsSeen() throws IOException {
        AtomicLong now = new AtomicLong(T.toMillis() + NewestCommit.SETTLED_MILLIS);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            NewestCommit commits = new NewestCommit(dir, d, now::get);
            long first = commit(w, d);
            Files.setLastModifiedTime(dir, T);
            assertEquals(first, commits.generation());
            long second = commit(w, d);
            assertEquals(second, commits.generation(), "the commit changed the folder's time: listed again");
            // The folder's time as it was at a settled listing: that listing stands, the folder is not listed again.
            now.set(System.currentTimeMillis() + NewestCommit.SETTLED_MILLIS);
            FileTime settled = Files.getLastModifiedTime(dir);
            assertEquals(second, commits.generation());
            commit(w, d);
            Files.setLastModifiedTime(dir, settled);
            assertEquals(second, commits.generation(), "an unchanged folder time after a settled listing is not listed");
        }
    }

    @Test
    void aCommitLeavingTheTimeOfARecentListingIsSeen() throws IOException {
        // The folder changed just before the listing: a commit in the same tick of its clock leaves the same time.
        AtomicLong now = new AtomicLong(T.toMillis() + 5);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            NewestCommit commits = new NewestCommit(dir, d, now::get);
            long first = commit(w, d);
            Files.setLastModifiedTime(dir, T);
            assertEquals(first, commits.generation());
            long second = commit(w, d);
            Files.setLastModifiedTime(dir, T);
            assertEquals(second, commits.generation(), "a listing the folder's clock may not tell apart is not trusted");
            assertEquals(second, commits.generation());
        }
    }

    @Test
    void aCommitHiddenByALaggingFolderClockIsSeenWithinTheRelistBound() throws IOException {
        // A file server's clock behind this one: the folder changed just now but its time reads as long ago.
        AtomicLong now = new AtomicLong(T.toMillis() + NewestCommit.SETTLED_MILLIS);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            NewestCommit commits = new NewestCommit(dir, d, now::get);
            long first = commit(w, d);
            Files.setLastModifiedTime(dir, T);
            assertEquals(first, commits.generation());
            long second = commit(w, d);
            Files.setLastModifiedTime(dir, T);
            now.addAndGet(NewestCommit.RELIST_MILLIS - 1);
            assertEquals(first, commits.generation(), "within the bound the settled listing stands");
            now.addAndGet(1);
            assertEquals(second, commits.generation(), "once the bound has passed the folder is listed again");
        }
    }

    @Test
    void noCommitYetIsMinusOne() throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            assertEquals(-1, new NewestCommit(dir, d).generation());
        }
    }

    /** Adds a document and commits; answers the commit's generation, read from the folder. */
    private static long commit(IndexWriter w, Directory d) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(System.nanoTime()), Field.Store.NO));
        w.addDocument(doc);
        w.commit();
        return SegmentInfos.getLastCommitGeneration(d);
    }
}
