package no.evidens.pipeline.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import no.evidens.index.EvidenceSearcher;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.fixture.WindowsZips;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * A bundle as a municipality on Windows sends it, end to end: zipped by Explorer (names in code page 850, backslashes,
 * Thumbs.db and a Word lock file beside the documents), its manifest saved by Norwegian Excel (semicolons, Windows-1252,
 * day-first dates, paths in another case), an Outlook-style e-mail with CRLF lines and a Windows-1252 body. Before, the
 * zip was refused whole as damaged; now every document is indexed under its name, the manifest's titles and dates are
 * used, the system's files are skipped with why, and a quotation from it is verified against the zip.
 */
class WindowsBundleIT {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path tmp;

    private static byte[] mail() {
        String head = "From: =?windows-1252?Q?Bj=F8rn_=C6s=F8y?= <bjorn@lyngvik.kommune.no>\r\n"
                + "Subject: =?windows-1252?Q?Rapport_f=F8r_m=F8tet?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"----=_NextPart_000_0001\"\r\n\r\n"
                + "------=_NextPart_000_0001\r\nContent-Type: text/plain; charset=\"windows-1252\"\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nTjenesten har ikke gjennomført risikovurdering før tiltaket.\r\n\r\n"
                + "------=_NextPart_000_0001\r\nContent-Type: text/plain; name=\"=?windows-1252?Q?Tilsyn_f=F8r_m=F8tet.txt?=\"\r\n"
                + "Content-Disposition: attachment; filename=\"=?windows-1252?Q?Tilsyn_f=F8r_m=F8tet.txt?=\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("Ansatte mangler opplæring i journalføring.".getBytes(WINDOWS_1252))
                + "\r\n------=_NextPart_000_0001--\r\n";
        return head.getBytes(WINDOWS_1252);
    }

    @Test
    void anExplorerZipWithAnExcelManifestIsIngestedUnderItsNames() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("journaler\\Journalnotat Ørnes.txt",
                "Koordinatoren har ikke kalt inn til ansvarsgruppemøte siden mars.\r\n".getBytes(WINDOWS_1252));
        entries.put("styringsdokumenter\\Årsplan for tjenesten.txt",
                "Årsplanen beskriver mål for tjenesten og opplæring av ansatte.\r\n".getBytes(WINDOWS_1252));
        entries.put("korrespondanse\\Rapport før møtet.eml", mail());
        entries.put("Thumbs.db", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        entries.put("journaler\\~$urnalnotat Ørnes.docx", "Kari Nordmann".getBytes(StandardCharsets.UTF_8));
        entries.put("manifest.csv", ("path;type;title;date\r\n"
                + "Journaler\\journalnotat ørnes.txt;journal;\"Journalnotat; Ørnes\";31.01.2026\r\n"
                + "korrespondanse\\Rapport før møtet.eml;annet;E-post før møtet;12.01.2026\r\n\r\n").getBytes(WINDOWS_1252));
        Path zip = tmp.resolve("lyngvik-2026.zip");
        WindowsZips.explorer(zip, entries);

        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Receipt r = new Ingestion(home, new DocumentAnalyser(), 1).ingest("lyngvik-2026", zip, ProgressListener.NONE);
        Map<String, ReceiptFile> lines = r.files().stream().collect(Collectors.toMap(ReceiptFile::path, f -> f));
        assertEquals(Map.of("journaler/Journalnotat Ørnes.txt", ReceiptFile.INDEXED,
                "styringsdokumenter/Årsplan for tjenesten.txt", ReceiptFile.INDEXED,
                "korrespondanse/Rapport før møtet.eml", ReceiptFile.INDEXED,
                "korrespondanse/Rapport før møtet.eml!/Tilsyn før møtet.txt", ReceiptFile.INDEXED,
                "Thumbs.db", ReceiptFile.SKIPPED,
                "journaler/~$urnalnotat Ørnes.docx", ReceiptFile.SKIPPED),
                lines.values().stream().collect(Collectors.toMap(ReceiptFile::path, ReceiptFile::status)), r.toString());
        assertEquals(Reason.SYSTEM_FILE.text(), lines.get("Thumbs.db").reason());
        assertEquals(new Receipt.Counts(4, 0, 0, 0, 2), r.counts(), "nothing failed: the ingest does not exit 3 for Thumbs.db");

        SearchHit hit;
        try (EvidenceSearcher s = new EvidenceSearcher(home.index())) {
            SearchResult found = s.search(new SearchRequest("ansvarsgruppemøte", "lyngvik-2026", null, 5));
            hit = found.hits().get(0);
            assertEquals("journaler/Journalnotat Ørnes.txt", hit.file());
            assertEquals("Journalnotat; Ørnes", hit.title(), "the manifest's title, its row spelt with another case");
            assertEquals(Map.of("2026", 1), found.facets().get("år"), "the manifest's day-first date gives the year");
            SearchHit mailHit = s.search(new SearchRequest("risikovurdering", "lyngvik-2026", null, 5)).hits().get(0);
            assertEquals("E-post før møtet", mailHit.title());
            assertTrue(mailHit.text().contains("gjennomført risikovurdering før"), "the Windows-1252 body read as such");
        }

        // a quotation from the zip is checked against the entry under the name the receipt gives it
        String h = home.root().toString();
        assertEquals(0, CliRun.of("finding", "create", "--home", h, "--case", "lyngvik-2026", "--kind", "avvik",
                "--title", "Ansvarsgruppen møtes ikke", "--requirement", "barnevernloven § 15-8").code());
        assertEquals(0, CliRun.of("finding", "attach", "--home", h, "--case", "lyngvik-2026", "avvik-1",
                "--passage", hit.passageId()).code());
        CliRun verified = CliRun.of("verify", "--home", h, "--case", "lyngvik-2026");
        assertEquals(0, verified.code(), verified.out() + verified.err());
    }
}
