package no.evidens.pipeline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import no.evidens.index.PassageSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * A bundle of numbered journal notes for the ingest tests (and the web's: an upload of them), and how many entries of a
 * kind its index holds.
 */
public final class JournalNotes {
    private JournalNotes() {
    }

    /**
     * Writes {@code files} notes, {@code journaler/notat-N.txt} under {@code bundle}: a title paragraph and {@code body}
     * with the note's number in place of its {@code %d}.
     */
    public static void write(Path bundle, int files, String body) throws IOException {
        Path journals = Files.createDirectories(bundle.resolve("journaler"));
        for (int i = 0; i < files; i++) {
            Files.writeString(journals.resolve("notat-" + i + ".txt"), "Journalnotat nummer " + i + ".\n\n"
                    + String.format(Locale.ROOT, body, i));
        }
    }

    /** How many entries of {@code kind} ({@link PassageSchema#KIND}) the index at {@code index} holds. */
    public static int count(Path index, String kind) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PassageSchema.KIND, kind)));
        }
    }

    /** The notes of {@link #write} as a zip, as a workspace upload sends them. */
    public static byte[] zip(int files, String body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < files; i++) {
                z.putNextEntry(new ZipEntry("journaler/notat-" + i + ".txt"));
                z.write(("Journalnotat nummer " + i + ".\n\n" + String.format(Locale.ROOT, body, i)).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
