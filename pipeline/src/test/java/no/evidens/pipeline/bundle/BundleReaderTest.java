package no.evidens.pipeline.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.fixture.SpoiltZips;

class BundleReaderTest {
    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A manifest.csv with the columns path, type, title and date, and these rows. */
    private static String manifest(String... rows) {
        return "path,type,title,date\n" + String.join("\n", rows) + "\n";
    }

    private static Map<String, BundleEntry> byPath(BundleReader.Bundle b) {
        return b.entries().stream().collect(Collectors.toMap(BundleEntry::path, Function.identity()));
    }

    @Test
    void typeComesFromTheTopFolderAndTheManifestOverridesIt() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("styringsdokumenter/rutiner/rutine.txt"), "Rutine.");
        write(bundle.resolve("journaler/j1.txt"), "Journal.");
        write(bundle.resolve("Klientdokumentasjon/k1.txt"), "Klient.");
        write(bundle.resolve("diverse/notat.txt"), "Notat.");
        write(bundle.resolve("løst.txt"), "Løst.");
        write(bundle.resolve("manifest.csv"), "path,type,title,date,service,municipality\n"
                + "diverse/notat.txt,journal,\"Notat, fastlege\",2025-03-01,helse,Fjordvik\n");
        BundleReader.Bundle b = new BundleReader().read(bundle, tmp.resolve("work"));
        Map<String, BundleEntry> e = byPath(b);
        assertEquals(5, e.size(), "the manifest itself is not a document");
        assertTrue(b.hasManifest());
        assertEquals("styringsdokument", e.get("styringsdokumenter/rutiner/rutine.txt").type());
        assertEquals("journal", e.get("journaler/j1.txt").type());
        assertEquals("klientdokumentasjon", e.get("Klientdokumentasjon/k1.txt").type());
        assertEquals("annet", e.get("løst.txt").type());
        BundleEntry notat = e.get("diverse/notat.txt");
        assertEquals("journal", notat.type());
        assertEquals("Notat, fastlege", notat.title());
        assertEquals("2025-03-01", notat.date());
        assertEquals("helse", notat.service());
        assertEquals("Fjordvik", notat.municipality());
        assertTrue(notat.named(), "the manifest has a line for it");
        assertFalse(e.get("løst.txt").named(), "the manifest has no line for it");
    }

    @Test
    void aFileTheManifestNamesThatIsNotInTheBundleIsListedAsMissing() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("journaler/j1.txt"), "Journal.");
        write(bundle.resolve("manifest.csv"), manifest("journaler/j1.txt,,Journal 1,",
                "./journaler/borte.txt,,Journal 2,2025-04-01", "vedlegg/brev.pdf,styringsdokument,,"));
        BundleReader.Bundle read = new BundleReader().read(bundle, tmp.resolve("work"));
        assertEquals(List.of("journaler/borte.txt", "journaler/j1.txt", "vedlegg/brev.pdf"),
                read.entries().stream().map(BundleEntry::path).toList(), "each file the manifest names once, sorted");
        Map<String, BundleEntry> e = byPath(read);
        assertNull(e.get("journaler/j1.txt").problem());
        BundleEntry borte = e.get("journaler/borte.txt");
        assertEquals(Reason.MISSING.text(), borte.problem());
        assertNull(borte.file());
        assertEquals("journal", borte.type());
        assertEquals("Journal 2", borte.title());
        assertEquals("styringsdokument", e.get("vedlegg/brev.pdf").type());
        assertEquals(Reason.MISSING.text(), e.get("vedlegg/brev.pdf").problem());
    }

    /**
     * A row may name a document inside a container (its type or title): the container's own line accounts for it, so
     * it is not missing while the container is there; a container that is not there is missing once, by its own path.
     */
    @Test
    void aDocumentInsideAContainerIsMissingOnlyWithItsContainer() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("epost/tilsynet.eml"), "From: a@b.no\nSubject: Plan\n\nVedlagt.");
        write(bundle.resolve("manifest.csv"), manifest("epost/tilsynet.eml!/samarbeidsplan.pdf,styringsdokument,Samarbeidsplan,",
                "epost/borte.eml!/a.pdf,,,", "epost/borte.eml!/b.pdf,,,"));
        Map<String, BundleEntry> e = byPath(new BundleReader().read(bundle, tmp.resolve("work")));
        assertEquals(List.of("epost/borte.eml", "epost/tilsynet.eml"), e.keySet().stream().sorted().toList());
        assertNull(e.get("epost/tilsynet.eml").problem());
        assertEquals(Reason.MISSING.text(), e.get("epost/borte.eml").problem());
    }

    @Test
    void aZipEntryRefusedIsNotAlsoMissing() throws IOException {
        Path zip = tmp.resolve("bundle.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String[] entry : new String[][] {{"manifest.csv", "path,type\n../ut.txt,journal\njournaler/borte.txt,\n"},
                    {"../ut.txt", "Tekst."}}) {
                z.putNextEntry(new ZipEntry(entry[0]));
                z.write(entry[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        Map<String, BundleEntry> e = byPath(new BundleReader().read(zip, tmp.resolve("work")));
        assertEquals(2, e.size(), e.keySet().toString());
        assertTrue(e.get("../ut.txt").problem().contains("unsafe path"));
        assertEquals(Reason.MISSING.text(), e.get("journaler/borte.txt").problem());
    }

    @Test
    void aManifestWithAnUnknownTypeIsAClearError() throws IOException {
        Path bundle = tmp.resolve("bad");
        write(bundle.resolve("a.txt"), "A.");
        write(bundle.resolve("manifest.csv"), "path,type\na.txt,brev\n");
        IOException e = assertThrows(IOException.class, () -> new BundleReader().read(bundle, tmp.resolve("work")));
        assertTrue(e.getMessage().contains("unknown type 'brev'"), e.getMessage());
    }

    @Test
    void zipIsUnpackedAndUnsafePathsAreListedNotWritten() throws IOException {
        Path zip = tmp.resolve("bundle.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String name : List.of("journaler/a.txt", "../../utenfor.txt", "klientdokumentasjon/under/b.txt")) {
                z.putNextEntry(new ZipEntry(name));
                z.write("Tekst.".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        BundleReader.Bundle b = new BundleReader().read(zip, tmp.resolve("work"));
        Map<String, BundleEntry> e = byPath(b);
        assertEquals(3, e.size());
        assertEquals("journal", e.get("journaler/a.txt").type());
        assertNotNull(e.get("journaler/a.txt").file());
        assertNull(e.get("../../utenfor.txt").file());
        assertTrue(e.get("../../utenfor.txt").problem().contains("unsafe path"));
        assertTrue(Files.notExists(tmp.resolve("utenfor.txt")) && Files.notExists(tmp.getParent().resolve("utenfor.txt")));
        assertNotNull(b.unpacked());
    }

    @Test
    void anEmptyZipIsAnEmptyBundleAndADamagedOneSaysSoWithItsKey() throws IOException {
        Path empty = tmp.resolve("tom.zip");
        new ZipOutputStream(Files.newOutputStream(empty)).close();
        assertEquals(0, new BundleReader().read(empty, tmp.resolve("work")).entries().size());
        Path damaged = tmp.resolve("skadet.zip");
        Files.write(damaged, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        BundleRefused e = assertThrows(BundleRefused.class, () -> new BundleReader().read(damaged, tmp.resolve("work")));
        assertEquals("error.ingest.bad-zip", e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("damaged or not a zip"), "the command line's message is as before");
        try (var left = Files.list(tmp.resolve("work"))) {
            // the empty zip's folder is its caller's to delete (Bundle.unpacked); the damaged one's is not left over
            assertEquals(1, left.count(), "nothing half-unpacked is left in the working folder");
        }
    }

    @Test
    void aMissingBundleIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> new BundleReader().read(tmp.resolve("nope"), tmp));
        assertTrue(e.getMessage().contains("no such folder or .zip file"));
    }

    @Test
    void aBombEntryOfAZipBundleIsRefusedOnItsDeclaredSizeAndListed() throws IOException {
        Path zip = tmp.resolve("bundle.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("journaler/nuller.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                out.write(zeros);
            }
            out.closeEntry();
            out.putNextEntry(new ZipEntry("journaler/notat.txt"));
            out.write("Notat.".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        // refused without unpacking the 50 MB: its data spoilt, any attempt to inflate it would fail the whole zip
        SpoiltZips.spoilData(zip, "journaler/nuller.txt");
        Map<String, BundleEntry> e = byPath(new BundleReader().read(zip, tmp.resolve("work")));
        assertNull(e.get("journaler/nuller.txt").file());
        assertTrue(e.get("journaler/nuller.txt").problem().contains("zip bomb"), e.get("journaler/nuller.txt").problem());
        assertNull(e.get("journaler/notat.txt").problem());
    }

    @Test
    void aWindowsZipWithAnExcelManifestIsReadAsItsSenderMadeIt() throws IOException {
        Path zip = tmp.resolve("lyngvik-2026.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("journaler\\Journalnotat Ørnes.txt", "Notat.".getBytes(StandardCharsets.UTF_8));
        entries.put("styringsdokumenter\\Årsplan.txt", "Plan.".getBytes(StandardCharsets.UTF_8));
        entries.put("manifest.csv", ("path;type;title;date\r\njournaler\\journalnotat ørnes.txt;;\"Notat; Ørnes\";31.01.2026\r\n"
                + "journaler\\Brev til Åse.txt;;;\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        no.evidens.pipeline.fixture.WindowsZips.explorer(zip, entries);
        Map<String, BundleEntry> e = byPath(new BundleReader().read(zip, tmp.resolve("work")));
        assertEquals(java.util.Set.of("journaler/Journalnotat Ørnes.txt", "styringsdokumenter/Årsplan.txt", "journaler/Brev til Åse.txt"),
                e.keySet());
        BundleEntry notat = e.get("journaler/Journalnotat Ørnes.txt");
        assertEquals("Notat; Ørnes", notat.title(), "the row names the file in another case and with backslashes");
        assertEquals("2026-01-31", notat.date());
        assertTrue(notat.named());
        assertEquals(Reason.MISSING.text(), e.get("journaler/Brev til Åse.txt").problem());
    }

    @Test
    void filesTheSystemMadeAreSkippedWithWhyUnlessTheManifestNamesThem() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("journaler/notat.txt"), "Notat.");
        write(bundle.resolve("journaler/~$notat.docx"), "Kari Nordmann");
        write(bundle.resolve("Thumbs.db"), "bilder");
        write(bundle.resolve("styringsdokumenter/Desktop.ini"), "[.ShellClassInfo]");
        write(bundle.resolve("__MACOSX/journaler/._notat.txt"), "ressurs");
        write(bundle.resolve("journaler/.DS_Store"), "mappe");
        write(bundle.resolve("annet/desktop.ini"), "Et dokument som heter slik.");
        write(bundle.resolve("manifest.csv"), manifest("annet/desktop.ini,,Oppsett,"));
        Map<String, BundleEntry> e = byPath(new BundleReader().read(bundle, tmp.resolve("work")));
        for (String made : List.of("journaler/~$notat.docx", "Thumbs.db", "styringsdokumenter/Desktop.ini",
                "__MACOSX/journaler/._notat.txt", "journaler/.DS_Store")) {
            assertEquals(Reason.SYSTEM_FILE.text(), e.get(made).problem(), made);
            assertNull(e.get(made).file(), made);
        }
        assertNull(e.get("journaler/notat.txt").problem());
        assertNull(e.get("annet/desktop.ini").problem(), "named by the manifest: read as any other file");
    }

    @Test
    void twoEntriesOfOneNameOnceReadAreBothAccountedFor() throws IOException {
        Path zip = tmp.resolve("to-navn.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("journaler\\notat.txt", "Den første.".getBytes(StandardCharsets.UTF_8));
        entries.put("journaler/notat.txt", "Den andre.".getBytes(StandardCharsets.UTF_8));
        entries.put("journaler\\notat.txt ", "Ikke samme navn.".getBytes(StandardCharsets.UTF_8));
        no.evidens.pipeline.fixture.WindowsZips.explorer(zip, entries);
        Map<String, BundleEntry> e = byPath(new BundleReader().read(zip, tmp.resolve("work")));
        assertEquals(java.util.Set.of("journaler/notat.txt", "journaler/notat.txt (2)", "journaler/notat.txt "), e.keySet());
        assertEquals("Den første.", Files.readString(e.get("journaler/notat.txt").file()), "the first is not written over");
        assertEquals(Reason.SAME_NAME.text(), e.get("journaler/notat.txt (2)").problem());
    }
}
