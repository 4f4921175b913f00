package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.PassageSchema;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.TikaExtractor;

/**
 * Nothing lost: a document inside a zip that ran out of time is brought in by the next ingest of the bundle (its
 * container read again, the documents already in the case left as they are); one that runs out of time on two readings
 * in a row is left until {@code --retry-failed}; a file that runs out of time on two readings in a row is remembered as
 * failed. The time limit is met on purpose (an extractor that says so for chosen names), so nothing here races a clock.
 */
class IncompleteContainerIT {
    private static final String CASE = "sak-1";
    private static final String ZIP = "journaler/pakke.zip";
    private static final String SLOW = "treg.txt";

    @TempDir
    Path tmp;

    /** Tika in this process, but the document or file named {@code slow} runs out of time at its first readings. */
    private static final class SlowAtFirst implements Extractor {
        private final Extractor tika = new TikaExtractor();
        private final String slow;
        private final AtomicInteger timeoutsLeft;
        final AtomicInteger readings = new AtomicInteger();

        SlowAtFirst(String slow, AtomicInteger timeoutsLeft) {
            this.slow = slow;
            this.timeoutsLeft = timeoutsLeft;
        }

        @Override
        public Extraction extract(Path file) throws ExtractionException {
            readings.incrementAndGet();
            if (file.getFileName().toString().equals(slow) && timeoutsLeft.getAndDecrement() > 0) {
                throw new ExtractionException(Reason.TIMED_OUT, "limit 300 s");
            }
            Extraction read = tika.extract(file);
            List<Extraction.Embedded> embedded = new ArrayList<>();
            for (Extraction.Embedded e : read.embedded()) {
                boolean late = e.name().equals(slow) && timeoutsLeft.getAndDecrement() > 0;
                embedded.add(late ? new Extraction.Embedded(e.name(), e.sha256(), null, Reason.TIMED_OUT, "limit 300 s") : e);
            }
            return new Extraction(read.text(), read.pageStarts(), read.mediaType(), read.title(), embedded, read.created(),
                    read.marginLines(), read.drawnHyphens());
        }
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A bundle with a note of its own and a zip of three notes, one of them {@link #SLOW}. */
    private Path bundle() throws IOException {
        Path bundle = tmp.resolve("bundle");
        Path journals = Files.createDirectories(bundle.resolve("journaler"));
        Files.writeString(journals.resolve("eget.txt"), "Koordinator fulgte opp tiltaksplanen i ansvarsgruppen.\n");
        Files.write(bundle.resolve(ZIP), zip(Map.of(
                "a.txt", "NAV-veilederen deltok i ansvarsgruppemøtet om ettervern.\n",
                "b.txt", "Barneverntjenesten evaluerte tiltaket etter tre måneder.\n",
                SLOW, "Fastlegen meldte bekymring til kommunen om oppfølgingen.\n")));
        return bundle;
    }

    private Receipt ingest(EvidensHome home, Path bundle, Extractor extractor, boolean retry) throws Exception {
        return new Ingestion(home, new DocumentAnalyser(extractor), 2).retryFailed(retry).ingest(CASE, bundle, ProgressListener.NONE);
    }

    private static Map<String, ReceiptFile> lines(Receipt r) {
        return r.files().stream().collect(Collectors.toMap(ReceiptFile::path, Function.identity()));
    }

    @Test
    void aDocumentThatTimedOutInAZipIsBroughtInByTheNextIngest() throws Exception {
        Path bundle = bundle();
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        SlowAtFirst extractor = new SlowAtFirst(SLOW, new AtomicInteger(1));

        Map<String, ReceiptFile> first = lines(ingest(home, bundle, extractor, false));
        assertEquals(ReceiptFile.CONTAINER, first.get(ZIP).status());
        assertEquals(Reason.TIMED_OUT.text(), first.get(ZIP + "!/" + SLOW).reason());
        assertEquals(ReceiptFile.INDEXED, first.get(ZIP + "!/a.txt").status());
        assertEquals(4, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT), "the note, the zip, two of its notes");

        Receipt second = ingest(home, bundle, extractor, false);
        Map<String, ReceiptFile> again = lines(second);
        assertEquals(ReceiptFile.DUPLICATE, again.get(ZIP).status());
        assertEquals(ReceiptFile.DUPLICATE_READ_AGAIN, again.get(ZIP).reason());
        assertEquals(ReceiptFile.INDEXED, again.get(ZIP + "!/" + SLOW).status(), "brought in");
        for (String kept : List.of(ZIP + "!/a.txt", ZIP + "!/b.txt", "journaler/eget.txt")) {
            assertEquals(ReceiptFile.DUPLICATE, again.get(kept).status(), kept);
            assertEquals(ReceiptFile.DUPLICATE_IN_CASE, again.get(kept).reason(), kept);
        }
        assertEquals(new Receipt.Counts(1, 4, 0, 0), second.counts(), second.files().toString());
        assertEquals(5, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT), "one more document, none twice");
        int readings = extractor.readings.get();

        Receipt third = ingest(home, bundle, extractor, false);
        assertEquals(List.of("journaler/eget.txt", ZIP), third.files().stream().map(ReceiptFile::path).toList(),
                "complete now: the zip is a duplicate like any file in the case");
        assertEquals(ReceiptFile.DUPLICATE_IN_CASE, lines(third).get(ZIP).reason());
        assertEquals(readings, extractor.readings.get(), "nothing read");
        assertEquals(5, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT));
    }

    @Test
    void aDocumentOutOfTimeOnTwoReadingsInARowWaitsForRetryFailed() throws Exception {
        Path bundle = bundle();
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        SlowAtFirst extractor = new SlowAtFirst(SLOW, new AtomicInteger(2));

        ingest(home, bundle, extractor, false);
        Map<String, ReceiptFile> second = lines(ingest(home, bundle, extractor, false));
        assertEquals(Reason.TIMED_OUT.text(), second.get(ZIP + "!/" + SLOW).reason(), "read again, out of time again");
        int readings = extractor.readings.get();

        Map<String, ReceiptFile> third = lines(ingest(home, bundle, extractor, false));
        assertEquals(ReceiptFile.DUPLICATE_INCOMPLETE, third.get(ZIP).reason());
        assertEquals(readings, extractor.readings.get(), "not read a third time");

        Map<String, ReceiptFile> retried = lines(ingest(home, bundle, extractor, true));
        assertEquals(ReceiptFile.INDEXED, retried.get(ZIP + "!/" + SLOW).status(), "--retry-failed reads it again");
        assertEquals(ReceiptFile.DUPLICATE_IN_CASE, retried.get(ZIP + "!/a.txt").reason());
        assertEquals(5, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT), "every document once");
        assertEquals(ReceiptFile.DUPLICATE_IN_CASE, lines(ingest(home, bundle, extractor, false)).get(ZIP).reason());
    }

    @Test
    void aFileOutOfTimeOnTwoReadingsInARowIsRememberedAsFailed() throws Exception {
        Path bundle = tmp.resolve("bundle");
        JournalNotes.write(bundle, 1, "Tiltaket ble evaluert i møte nummer %d.");
        Path hangs = bundle.resolve("journaler/notat-0.txt");
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        SlowAtFirst extractor = new SlowAtFirst(hangs.getFileName().toString(), new AtomicInteger(3));

        ReceiptFile first = ingest(home, bundle, extractor, false).files().get(0);
        assertEquals(Reason.TIMED_OUT.text(), first.reason());
        ReceiptFile second = ingest(home, bundle, extractor, false).files().get(0);
        assertEquals(2, extractor.readings.get(), "a first time limit met is read again");
        assertTrue(second.detail().contains("2 readings in a row"), second.detail());

        ReceiptFile third = ingest(home, bundle, extractor, false).files().get(0);
        assertEquals(2, extractor.readings.get(), "not read a third time");
        assertEquals(Reason.TIMED_OUT.text(), third.reason());
        assertTrue(third.detail().startsWith(FailedLines.FAILED_BEFORE), third.detail());

        ingest(home, bundle, extractor, true);
        assertEquals(3, extractor.readings.get(), "--retry-failed reads it again");
        ReceiptFile read = ingest(home, bundle, extractor, true).files().get(0);
        assertEquals(ReceiptFile.INDEXED, read.status(), "it ends well once it no longer hangs");
    }
}
