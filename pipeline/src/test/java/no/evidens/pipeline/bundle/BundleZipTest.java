package no.evidens.pipeline.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.WindowsZips;

/** A zip's entries are named as the person who made it saw them, whichever system wrote it. */
class BundleZipTest {
    @TempDir
    Path tmp;

    private static Map<String, byte[]> entries(String... names) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, ("innhold av " + n).getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private static List<String> names(Path zip) throws IOException {
        try (BundleZip z = BundleZip.open(zip)) {
            return z.entries().stream().map(BundleZip.Entry::name).toList();
        }
    }

    @Test
    void explorersCodePage850NamesKeepTheirNorwegianLetters() throws IOException {
        Path zip = tmp.resolve("explorer.zip");
        // Ø is 0x9D in code page 850; code page 437 reads it as ¥, UTF-8 not at all (java.util.zip refused the whole zip)
        WindowsZips.explorer(zip, entries("journaler/Journalnotat Ørnes.txt", "styringsdokumenter/Årsplan for æøå.txt"));
        assertEquals(List.of("journaler/Journalnotat Ørnes.txt", "styringsdokumenter/Årsplan for æøå.txt"), names(zip));
    }

    @Test
    void utf8NamesAreReadWithTheFlagAndWithoutItAndComposed() throws IOException {
        Path flagged = tmp.resolve("7zip.zip");
        WindowsZips.write(flagged, StandardCharsets.UTF_8, true, entries("klientdokumentasjon/Vedtak – særlig.txt"));
        assertEquals(List.of("klientdokumentasjon/Vedtak – særlig.txt"), names(flagged));
        // macOS writes UTF-8 without the flag, its letters decomposed (å as a and a ring above)
        Path mac = tmp.resolve("mac.zip");
        String decomposed = Normalizer.normalize("journaler/Referat frå møte.txt", Normalizer.Form.NFD);
        WindowsZips.write(mac, StandardCharsets.UTF_8, false, entries(decomposed));
        assertEquals(List.of("journaler/Referat frå møte.txt"), names(mac));
    }

    @Test
    void backslashesAreFolders() throws IOException {
        Path zip = tmp.resolve("backslash.zip");
        WindowsZips.explorer(zip, entries("styringsdokumenter\\rutiner\\Rutine for avvik.txt"));
        assertEquals(List.of("styringsdokumenter/rutiner/Rutine for avvik.txt"), names(zip));
    }

    @Test
    void anEntryIsFoundAndRemovedByTheNameItIsGivenTheOthersKeptUnderTheirNames() throws IOException {
        Path zip = tmp.resolve("explorer.zip");
        WindowsZips.explorer(zip, entries("journaler\\Notat Ørnes.txt", "journaler\\Notat Åsen.txt"));
        try (BundleZip z = BundleZip.open(zip)) {
            BundleZip.Entry e = z.find("journaler/Notat Ørnes.txt").orElseThrow();
            try (InputStream in = z.open(e)) {
                assertArrayEquals("innhold av journaler\\Notat Ørnes.txt".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
            assertFalse(z.find("journaler\\Notat Ørnes.txt").isPresent(), "found only under the name the receipt gives");
            Path without = tmp.resolve("without.zip");
            assertTrue(z.writeWithout("journaler/Notat Ørnes.txt", without));
            assertEquals(List.of("journaler/Notat Åsen.txt"), names(without));
            try (BundleZip w = BundleZip.open(without)) {
                // its name as the receipt gives it, in UTF-8 with the flag: every tool reads it alike
                assertTrue(w.entries().get(0).raw().getGeneralPurposeBit().usesUTF8ForNames());
                assertArrayEquals("journaler/Notat Åsen.txt".getBytes(StandardCharsets.UTF_8), w.entries().get(0).raw().getRawName());
                try (InputStream in = w.open(w.entries().get(0))) {
                    assertArrayEquals("innhold av journaler\\Notat Åsen.txt".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
                }
            }
        }
    }
}
