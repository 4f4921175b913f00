package no.evidens.pipeline.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.WindowsZips;

/** The inbox finds the case of a bundle made on Windows in its manifest, as ingestion reads that manifest. */
class BundleCaseTest {
    @TempDir
    Path tmp;

    private static final String EXCEL = "path;type;title;date;case\r\njournaler\\Notat Ørnes.txt;journal;Notat;31.01.2026;lyngvik-2026\r\n";

    @Test
    void theCaseColumnOfAnExcelManifestInAnExplorerZip() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("journaler\\Notat Ørnes.txt", "Notat.".getBytes(StandardCharsets.UTF_8));
        entries.put("manifest.csv", EXCEL.getBytes(Charset.forName("windows-1252")));
        Path zip = tmp.resolve("sendt fra kommunen.zip");
        WindowsZips.explorer(zip, entries);
        assertEquals("lyngvik-2026", BundleCase.of(zip));
    }

    @Test
    void theCaseColumnOfAnExcelManifestInAFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("mappe"));
        Files.write(folder.resolve("manifest.csv"), EXCEL.getBytes(Charset.forName("windows-1252")));
        assertEquals("lyngvik-2026", BundleCase.of(folder));
    }

    @Test
    void theSakColumnOfAManifestWithANorwegianHeader() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("mappe"));
        Files.write(folder.resolve("manifest.csv"), "Fil;Tittel;Sak\r\nnotat.txt;Notat;lyngvik-2026\r\n".getBytes(Charset.forName("windows-1252")));
        assertEquals("lyngvik-2026", BundleCase.of(folder));
    }
}
