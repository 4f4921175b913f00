package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import no.evidens.index.PassageSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/** A bundle of numbered journal notes for the ingest tests, and how many entries of a kind its index holds. */
final class JournalNotes {
    private JournalNotes() {
    }

    /**
     * Writes {@code files} notes, {@code journaler/notat-N.txt} under {@code bundle}: a title paragraph and {@code body}
     * with the note's number in place of its {@code %d}.
     */
    static void write(Path bundle, int files, String body) throws IOException {
        Path journals = Files.createDirectories(bundle.resolve("journaler"));
        for (int i = 0; i < files; i++) {
            Files.writeString(journals.resolve("notat-" + i + ".txt"), "Journalnotat nummer " + i + ".\n\n"
                    + String.format(Locale.ROOT, body, i));
        }
    }

    /** How many entries of {@code kind} ({@link PassageSchema#KIND}) the index at {@code index} holds. */
    static int count(Path index, String kind) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PassageSchema.KIND, kind)));
        }
    }
}
