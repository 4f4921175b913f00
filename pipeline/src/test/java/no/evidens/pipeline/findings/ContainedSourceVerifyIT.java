package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.cli.EvidensCli;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;

/** A quotation from an e-mail attachment is checked against the attachment's own bytes. */
class ContainedSourceVerifyIT {
    @TempDir
    Path tmp;

    private static String mail(String attachment) {
        return "From: kari@fjordvik.kommune.no\r\nSubject: Referat\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"G\"\r\n\r\n--G\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Se vedlagt referat.\r\n\r\n--G\r\nContent-Type: text/plain; charset=UTF-8; name=\"referat.txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"referat.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(attachment.getBytes(StandardCharsets.UTF_8)) + "\r\n--G--\r\n";
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = EvidensCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void aChangedAttachmentIsCaught() throws Exception {
        Path bundle = tmp.resolve("bundle/klientdokumentasjon");
        Files.createDirectories(bundle);
        Path eml = bundle.resolve("brev.eml");
        Files.writeString(eml, mail("Koordinatoren har ikke kalt inn til ansvarsgruppemøte siden mars."));
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        new Ingestion(home, new DocumentAnalyser(), 1).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);
        SearchHit hit;
        try (EvidenceSearcher s = new EvidenceSearcher(home.index())) {
            hit = s.search(new SearchRequest("ansvarsgruppemøte", "sak", null, 1)).hits().get(0);
        }
        assertEquals("klientdokumentasjon/brev.eml!/referat.txt", hit.file());
        String h = home.root().toString();
        assertEquals(0, run(new StringWriter(), "finding", "create", "--home", h, "--case", "sak", "--kind", "avvik",
                "--title", "Ansvarsgruppen møtes ikke", "--requirement", "barnevernloven § 15-8"));
        assertEquals(0, run(new StringWriter(), "finding", "attach", "--home", h, "--case", "sak", "avvik-1",
                "--passage", hit.passageId()));
        StringWriter ok = new StringWriter();
        assertEquals(0, run(ok, "verify", "--home", h, "--case", "sak"), ok.toString());
        assertTrue(ok.toString().contains("ok"), ok.toString());

        Files.writeString(eml, mail("Koordinatoren har kalt inn til ansvarsgruppemøte hver måned."));
        StringWriter changed = new StringWriter();
        assertEquals(3, run(changed, "verify", "--home", h, "--case", "sak"), changed.toString());
        assertTrue(changed.toString().contains("changed"), changed.toString());
    }
}
