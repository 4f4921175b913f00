package no.evidens.pipeline.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest.csv as Norwegian Excel saves it is read as the sender wrote it. */
class ManifestTest {
    @TempDir
    Path tmp;

    /** Norwegian Excel's rows: semicolons, a quoted title holding one, a day-first date, CRLF and an empty row last. */
    private static final String EXCEL = "path;type;title;date\r\n"
            + "journaler\\Journalnotat Ørnes.txt;journal;\"Journalnotat; hjemmebesøk i Ørnes\";31.01.2026\r\n"
            + "Styringsdokumenter\\ÅRSPLAN.docx;styringsdokument;Årsplan for tjenesten;2.1.2026 00:00\r\n"
            + ";;;\r\n";

    private Manifest read(byte[] bytes) throws IOException {
        Path csv = tmp.resolve("manifest.csv");
        Files.write(csv, bytes);
        return Manifest.read(csv);
    }

    private static void assertExcelRows(Manifest m) {
        Manifest.Row row = m.find("journaler/Journalnotat Ørnes.txt");
        assertEquals("Journalnotat; hjemmebesøk i Ørnes", row.title());
        assertEquals("journal", row.type());
        assertEquals("2026-01-31", row.date(), "a date as Excel shows it, kept as ISO: it gives the year and sorts");
        assertEquals("2026-01-02", m.find("Styringsdokumenter/ÅRSPLAN.docx").date());
        assertEquals(2, m.paths().size(), "the row of empty cells names nothing");
    }

    @Test
    void excelsPlainCsvInWindows1252IsRead() throws IOException {
        assertExcelRows(read(EXCEL.getBytes(Charset.forName("windows-1252"))));
    }

    @Test
    void excelsCsvUtf8WithItsByteOrderMarkIsRead() throws IOException {
        byte[] text = EXCEL.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        assertExcelRows(read(marked));
    }

    @Test
    void aCommaManifestInUtf8ReadsAsBefore() throws IOException {
        Manifest m = read("path,type,title,date\ndiverse/notat.txt,journal,\"Notat, fastlege\",2025-03-01\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Notat, fastlege", m.find("diverse/notat.txt").title());
        assertEquals("2025-03-01", m.find("diverse/notat.txt").date());
    }

    @Test
    void aDateThatIsNoDayIsKeptAsWritten() {
        assertEquals("31.02.2026", Manifest.isoDate("31.02.2026"));
        assertEquals("våren 2026", Manifest.isoDate("våren 2026"));
        assertNull(Manifest.isoDate(null));
    }

    @Test
    void aRowNamesAPathAsWindowsSpellsItUnlessTwoFit() throws IOException {
        Manifest m = read(EXCEL.getBytes(Charset.forName("windows-1252")));
        Map<String, String> resolved = m.resolve(List.of("journaler/journalnotat ørnes.txt", "styringsdokumenter/Årsplan.docx "));
        assertEquals("journaler/journalnotat ørnes.txt", resolved.get("journaler/Journalnotat Ørnes.txt"), "case not counted");
        assertEquals("styringsdokumenter/Årsplan.docx ", resolved.get("Styringsdokumenter/ÅRSPLAN.docx"),
                "nor a name's trailing space");
        Map<String, String> twins = m.resolve(List.of("journaler/Journalnotat ørnes.txt", "Journaler/journalnotat Ørnes.txt"));
        assertNull(twins.get("journaler/Journalnotat Ørnes.txt"), "two files it could name: neither is taken for it");
        Map<String, String> exact = m.resolve(List.of("journaler/Journalnotat Ørnes.txt", "Journaler/journalnotat Ørnes.txt"));
        assertEquals("journaler/Journalnotat Ørnes.txt", exact.get("journaler/Journalnotat Ørnes.txt"), "as written, it is that one");
    }

    @Test
    void aHeaderInBokmaalNamesTheColumns() throws IOException {
        Manifest m = read(("Filnavn;Dokumenttype;Tittel;Dato;Tjenesteområde;Kommune\r\n"
                + "journaler\\Notat.txt;journal;Notat fra hjemmebesøk;31.01.2026;helse;Fjordvik\r\n").getBytes(Charset.forName("windows-1252")));
        Manifest.Row row = m.find("journaler/Notat.txt");
        assertEquals(new Manifest.Row("journal", "Notat fra hjemmebesøk", "2026-01-31", "helse", "Fjordvik"), row);
    }

    @Test
    void aHeaderInNynorskOrTypedWithoutAeOeAaNamesTheColumns() throws IOException {
        Manifest nynorsk = read("FILNAMN,type,tittel,dato,teneste\ndiverse/notat.txt,journal,Notat,1.2.2026,pleie\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new Manifest.Row("journal", "Notat", "2026-02-01", "pleie", null), nynorsk.find("diverse/notat.txt"));
        Manifest plain = read("sti;tittel;tjenesteomrade\ndiverse/notat.txt;Notat;helse\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Manifest.Row(null, "Notat", null, "helse", null), plain.find("diverse/notat.txt"));
        Manifest sti = read(" fil ; dato \ndiverse/notat.txt;2026-03-01\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("2026-03-01", sti.find("diverse/notat.txt").date(), "spaces around a name in the header not counted");
    }

    @Test
    void anUnknownHeaderIsRefusedNamingTheColumnsInBothLanguages() {
        BundleRefused refused = assertThrows(BundleRefused.class,
                () -> read("dokument;overskrift;dato\nnotat.txt;Notat;31.01.2026\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("error.bundle.manifest-path", refused.key());
        for (String name : List.of("path", "fil", "filnavn", "sti", "title", "tittel", "date", "dato", "type", "dokumenttype",
                "service", "tjeneste", "municipality", "kommune")) {
            assertTrue(refused.getMessage().contains(name), name + " in: " + refused.getMessage());
            assertTrue(refused.args().get(0).contains(name), name + " in the web message's value: " + refused.args());
        }
    }

    @Test
    void aHeaderNamingOneColumnTwiceIsRefusedNotHalfRead() {
        BundleRefused refused = assertThrows(BundleRefused.class,
                () -> read("Fil;Tittel;Sti\nnotat.txt;Notat;b.txt\n".getBytes(StandardCharsets.UTF_8)));
        // the web's words name the two columns too (they said only «sjekk kolonnene» before)
        assertEquals("error.bundle.manifest-column-twice", refused.key());
        assertEquals(List.of("Fil", "Sti"), refused.args());
        assertTrue(refused.getMessage().contains("'path' twice ('Fil' and 'Sti')"), refused.getMessage());
    }
}
