package no.evidens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.camel.CamelExecutionException;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;

/** The one line a person is told for an error: what went wrong, not the wrapper it came in. */
class MessagesTest {
    @Test
    void aFullDiskIsSaidAsSuchWhereverItLiesInTheChain() {
        IOException full = new IOException("No space left on device");
        Exception ingest = new CamelExecutionException("Exception occurred during execution on the exchange: Exchange[1]", null,
                new AlreadyClosedException("this IndexWriter is closed", full));
        assertEquals("the disk is full (No space left on device): free some space and run the command again",
                Messages.oneLine(ingest));
        assertEquals("the disk is full (No space left on device): free some space and run the command again",
                Messages.oneLine(new UncheckedIOException(full)));
    }

    @Test
    void camelsWrapperGivesWayToWhatItWraps() {
        Exception wrapped = new CamelExecutionException("Exception occurred during execution on the exchange: Exchange[1]", null,
                new IllegalStateException("the index is locked by another process\nsecond line"));
        assertEquals("the index is locked by another process", Messages.oneLine(wrapped));
        assertEquals("plain", Messages.oneLine(new IllegalArgumentException("plain")));
        assertEquals("IllegalStateException", Messages.oneLine(new IllegalStateException()));
    }

    @Test
    void aFileTheSystemRefusedIsSaidInWordsNotAsItsPathAlone() {
        assertEquals("no such file or folder: /proc/nope", Messages.oneLine(new java.nio.file.NoSuchFileException("/proc/nope")));
        assertEquals("permission denied: /srv/backup", Messages.oneLine(
                new UncheckedIOException(new java.nio.file.AccessDeniedException("/srv/backup"))));
        assertEquals("/srv/a: Read-only file system",
                Messages.oneLine(new java.nio.file.FileSystemException("/srv/a", null, "Read-only file system")), "a reason is kept");
    }
}
