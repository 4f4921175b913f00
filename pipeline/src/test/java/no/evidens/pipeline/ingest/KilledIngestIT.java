package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.PassageSchema;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.fixture.ChildJvm;

/**
 * An ingestion killed half-way leaves a consistent index, and ingesting again completes it with no duplicates; one stopped
 * (Ctrl-C) commits the files it began, says how far it got, and ingesting again adds the rest.
 */
class KilledIngestIT {
    private static final int FILES = 300;

    @TempDir
    Path tmp;

    /** {@code evidens ingest} of the test's bundle into {@code home}, in a process of its own. */
    private List<String> ingestCommand(Path home) {
        return ChildJvm.with(ChildJvm.evidens("-Xmx1g"), "ingest", tmp.resolve("bundle").toString(), "--case", "k", "--home",
                home.toString());
    }

    @Test
    void aKilledIngestionIsCompletedByTheNext() throws Exception {
        JournalNotes.write(tmp.resolve("bundle"), FILES,
                "Pasienten møtte til samtale. Fastlegen deltok i ansvarsgruppemøte nummer %d med barneverntjenesten.");
        Path home = tmp.resolve("home");
        Process child = new ProcessBuilder(ingestCommand(home))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path index = home.resolve("index");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int committed = 0;
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(index) && DirectoryReader.indexExists(FSDirectory.open(index))) {
                committed = JournalNotes.count(index, PassageSchema.KIND_DOCUMENT);
                if (committed > 0) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(committed > 0, "the child committed documents before it was killed");

        int afterKill = JournalNotes.count(index, PassageSchema.KIND_DOCUMENT);
        assertTrue(afterKill >= committed && afterKill < FILES, "a consistent index, killed half-way: " + afterKill);

        Receipt again = new Ingestion(new EvidensHome(home), new DocumentAnalyser(), 2)
                .ingest("k", tmp.resolve("bundle"), ProgressListener.NONE);
        assertEquals(FILES, again.files().size());
        assertEquals(afterKill, again.counts().duplicate(), "what was committed is not indexed twice");
        assertEquals(FILES - afterKill, again.counts().indexed());
        assertEquals(FILES, JournalNotes.count(index, PassageSchema.KIND_DOCUMENT), "every file once");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher s = new IndexSearcher(reader);
            Set<String> ids = new HashSet<>();
            for (ScoreDoc sd : s.search(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), 10 * FILES).scoreDocs) {
                assertTrue(ids.add(s.storedFields().document(sd.doc).get(PassageSchema.ID)), "no passage twice");
            }
            assertTrue(ids.size() >= FILES, "every file has its passages: " + ids.size());
        }
    }

    @Test
    void anIngestStoppedByCtrlCSaysHowFarItGotAndTheNextAddsTheRestOnce() throws Exception {
        JournalNotes.write(tmp.resolve("bundle"), FILES,
                "Pasienten møtte til samtale. Fastlegen deltok i ansvarsgruppemøte nummer %d med barneverntjenesten.");
        Path home = tmp.resolve("home");
        Path said = tmp.resolve("said.txt");
        Process child = new ProcessBuilder(ingestCommand(home))
                .redirectErrorStream(true).redirectOutput(said.toFile()).start();
        Path index = home.resolve("index");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()
                && !(Files.isDirectory(index) && DirectoryReader.indexExists(FSDirectory.open(index))
                && JournalNotes.count(index, PassageSchema.KIND_DOCUMENT) > 0)) {
            Thread.sleep(50);
        }
        assertTrue(child.isAlive(), "the child is still ingesting");
        child.destroy(); // SIGTERM, as Ctrl-C's SIGINT
        try {
            assertTrue(child.waitFor(15, TimeUnit.SECONDS), "ended within 15 s (a bound, not a speed)");
        } finally {
            child.destroyForcibly();
        }
        int stopped = JournalNotes.count(index, PassageSchema.KIND_DOCUMENT);
        String words = Files.readString(said);
        assertTrue(words.contains("evidens: stopped after " + stopped + " of " + FILES + " files"), words);
        assertTrue(words.contains("run the same command again to go on"), words);
        // each stretch that counts no file said as it began, in order; stopped while reading, so none is saving
        List<String> phases = words.lines().filter(l -> l.startsWith("Reading the") || l.startsWith("Ingesting ")
                || l.startsWith("Starting the") || l.startsWith("Saving:")).toList();
        assertEquals(List.of("Reading the bundle (a .zip is unpacked first) …", "Ingesting " + FILES + " files …",
                "Starting the text extractor (a Tika worker) and loading the language models …", "Reading the files …"), phases, words);
        assertTrue(stopped < FILES, "stopped half-way: " + stopped);

        Receipt again = new Ingestion(new EvidensHome(home), new DocumentAnalyser(), 2)
                .ingest("k", tmp.resolve("bundle"), ProgressListener.NONE);
        assertEquals(stopped, again.counts().duplicate(), "what was committed is not indexed twice");
        assertEquals(FILES - stopped, again.counts().indexed());
        assertEquals(FILES, JournalNotes.count(index, PassageSchema.KIND_DOCUMENT), "every file once");
    }
}
