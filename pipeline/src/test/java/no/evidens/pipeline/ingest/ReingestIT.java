package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Reason;

/**
 * Ingesting an unchanged bundle again: every file accounted for as before, without opening the index for
 * writing (it succeeds while another writer holds the index, and leaves its files as they were), the same
 * receipt every time, and the same lines as the route writes when a new file sends the bundle through it.
 */
class ReingestIT {
    @TempDir
    Path tmp;

    private static Map<String, FileTime> files(Path dir) throws Exception {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private Receipt ingest(EvidensHome home, Path bundle) throws Exception {
        return new Ingestion(home, new DocumentAnalyser(), 2).ingest("sak-1", bundle, ProgressListener.NONE);
    }

    @Test
    void anUnchangedBundleSaysTheSameWithoutTheWriter() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Path journals = Files.createDirectories(bundle.resolve("journaler"));
        String note = "Notat fra samarbeidsmøtet.\n\nBarneverntjenesten og helsestasjonen møtes hver måned.\n";
        Files.writeString(journals.resolve("notat.txt"), note, StandardCharsets.UTF_8);
        Files.writeString(journals.resolve("kopi.txt"), note, StandardCharsets.UTF_8);
        Files.writeString(journals.resolve("plan.txt"), "Plan for oppfølging av barnet etter vedtaket.\n", StandardCharsets.UTF_8);
        Files.write(journals.resolve("odelagt.docx"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 9, 9, 9, 9, 9, 9});
        EvidensHome home = new EvidensHome(tmp.resolve("home"));

        Receipt first = ingest(home, bundle);
        assertEquals(new Receipt.Counts(2, 1, 1, 0), first.counts(), first.files().toString());

        Receipt again;
        Map<String, FileTime> before = files(home.index());
        EvidenceIndexWriter other = new EvidenceIndexWriter(home.index()); // holds the index's lock
        try {
            again = ingest(home, bundle); // a writer of its own could not open now
        } finally {
            other.close();
        }
        assertEquals(before, files(home.index()), "no commit, no file of the index touched");
        assertEquals(new Receipt.Counts(0, 3, 1, 0), again.counts(), again.files().toString());
        for (ReceiptFile f : again.files()) {
            if (!f.status().equals(ReceiptFile.FAILED)) {
                assertEquals(ReceiptFile.DUPLICATE_IN_CASE, f.reason(), f.path());
            }
        }
        ReceiptFile failed = again.files().stream().filter(f -> f.status().equals(ReceiptFile.FAILED)).findFirst().orElseThrow();
        assertEquals(first.files().stream().filter(f -> f.path().equals(failed.path())).findFirst().orElseThrow().reason(),
                failed.reason());
        assertTrue(failed.detail().startsWith("failed before with the same extractor; not read again"), failed.detail());

        assertEquals(again.files(), ingest(home, bundle).files(), "the third time says what the second said");

        // A new file sends the bundle through the route: the unchanged files get the same lines there.
        Files.writeString(journals.resolve("ny.txt"), "Et nytt notat om ansvarsgruppen.\n", StandardCharsets.UTF_8);
        Receipt withNew = ingest(home, bundle);
        List<ReceiptFile> unchanged = withNew.files().stream().filter(f -> !f.path().endsWith("ny.txt")).toList();
        assertEquals(again.files(), unchanged);
        assertEquals(new Receipt.Counts(1, 3, 1, 0), withNew.counts(), withNew.files().toString());

        // One file changed after a commit the layout check remembered: that file is read and indexed, the rest known.
        Files.writeString(journals.resolve("plan.txt"), "Plan for oppfølging, endret etter møtet.\n", StandardCharsets.UTF_8);
        Receipt changed = ingest(home, bundle);
        assertEquals(new Receipt.Counts(1, 3, 1, 0), changed.counts(), changed.files().toString());
        ReceiptFile plan = changed.files().stream().filter(f -> f.path().endsWith("plan.txt")).findFirst().orElseThrow();
        assertEquals(ReceiptFile.INDEXED, plan.status(), plan.toString());
    }

    @Test
    void theFirstReingestOfAnUnchangedBundleReadsNothingOfTheIndex() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        Files.writeString(bundle.resolve("plan.txt"), "Plan for oppfølging av barnet etter vedtaket.\n", StandardCharsets.UTF_8);
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        assertEquals(new Receipt.Counts(1, 0, 0, 0), ingest(home, bundle).counts());
        // the commit's segment descriptions gone: any read of the commit (its layout, its hashes) would fail now
        try (var files = Files.list(home.index())) {
            for (Path si : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
                Files.delete(si);
            }
        }
        assertEquals(new Receipt.Counts(0, 1, 0, 0), ingest(home, bundle).counts());
    }

    @Test
    void aFileTheManifestListsIsFailedAsMissingUntilABundleHoldsIt() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Path journals = Files.createDirectories(bundle.resolve("journaler"));
        Files.writeString(journals.resolve("notat.txt"), "Notat fra samarbeidsmøtet om barnet.\n", StandardCharsets.UTF_8);
        Files.writeString(bundle.resolve("manifest.csv"), "path,type,title,date\njournaler/notat.txt,,Notat,\n"
                + "journaler/borte.txt,,Journal fra mars,2025-03-01\n", StandardCharsets.UTF_8);
        EvidensHome home = new EvidensHome(tmp.resolve("home"));

        Receipt first = ingest(home, bundle);
        assertEquals(new Receipt.Counts(1, 0, 1, 0), first.counts(), first.files().toString());
        assertEquals(List.of(new ReceiptFile("journaler/borte.txt", null, "journal", ReceiptFile.FAILED, Reason.MISSING.text(),
                null, 0, 0)), first.files().stream().filter(f -> f.status().equals(ReceiptFile.FAILED)).toList());
        Receipt again = ingest(home, bundle);
        assertEquals(new Receipt.Counts(0, 1, 1, 0), again.counts(), "still missing the second time: " + again.files());

        Files.writeString(journals.resolve("borte.txt"), "Journal fra mars om oppfølgingen.\n", StandardCharsets.UTF_8);
        Receipt whole = ingest(home, bundle);
        assertEquals(new Receipt.Counts(1, 1, 0, 0), whole.counts(), whole.files().toString());
        ReceiptFile found = whole.files().stream().filter(f -> f.path().equals("journaler/borte.txt")).findFirst().orElseThrow();
        assertEquals(ReceiptFile.INDEXED, found.status());
    }

    private static IndexedDocument indexed(EvidensHome home, Receipt receipt) throws Exception {
        ReceiptFile line = receipt.files().stream().filter(f -> f.status().equals(ReceiptFile.INDEXED)).findFirst().orElseThrow();
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            return searcher.document("sak-1", DocIds.ofFile(line.sha256())).orElseThrow();
        }
    }

    @Test
    void theFileTheManifestNamesIsIndexedBeforeAnUnlistedCopyThatComesFirst() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        String note = "Notat fra NAV om oppfølgingen av familien.\n";
        Files.writeString(bundle.resolve("kopi av nav-notat.txt"), note, StandardCharsets.UTF_8); // first in the bundle
        Files.writeString(bundle.resolve("nav-notat.txt"), note, StandardCharsets.UTF_8);
        Files.writeString(bundle.resolve("manifest.csv"), "path,type,title,date\nnav-notat.txt,,Notat fra NAV,2025-03-01\n",
                StandardCharsets.UTF_8);
        EvidensHome home = new EvidensHome(tmp.resolve("home"));

        Receipt first = ingest(home, bundle);
        assertEquals(new Receipt.Counts(1, 1, 0, 0), first.counts(), first.files().toString());
        assertEquals(List.of(ReceiptFile.DUPLICATE, ReceiptFile.INDEXED), first.files().stream().map(ReceiptFile::status).toList(),
                first.files().toString()); // the receipt is in path order: the copy, then the named file
        assertEquals(ReceiptFile.duplicateReason("nav-notat.txt"), first.files().get(0).reason());
        IndexedDocument doc = indexed(home, first);
        assertEquals("nav-notat.txt", doc.file());
        assertEquals("Notat fra NAV", doc.title());

        Receipt again = ingest(home, bundle);
        assertEquals(new Receipt.Counts(0, 2, 0, 0), again.counts(), "a re-ingest adds nothing: " + again.files());
    }

    @Test
    void aBundleIngestedWhenTheCopyWonAddsAndLosesNothingOnReingest() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        String note = "Notat fra NAV om oppfølgingen av familien.\n";
        Files.writeString(bundle.resolve("kopi av nav-notat.txt"), note, StandardCharsets.UTF_8);
        Files.writeString(bundle.resolve("nav-notat.txt"), note, StandardCharsets.UTF_8);
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Receipt first = ingest(home, bundle); // no manifest: the first in the bundle's order wins, as the old rule did
        assertEquals("kopi av nav-notat.txt", indexed(home, first).file());

        Files.writeString(bundle.resolve("manifest.csv"), "path,type,title,date\nnav-notat.txt,,Notat fra NAV,2025-03-01\n",
                StandardCharsets.UTF_8);
        Receipt again = ingest(home, bundle);
        assertEquals(new Receipt.Counts(0, 2, 0, 0), again.counts(), "the bytes are known by hash: " + again.files());
        assertEquals("kopi av nav-notat.txt", indexed(home, first).file(), "the document indexed before is still there");
    }
}
