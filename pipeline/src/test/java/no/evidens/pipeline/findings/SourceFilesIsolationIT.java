package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.extract.Sha256;

/**
 * {@code verify} opens a quotation's container (an archive, an e-mail) in a Tika worker process, never in
 * its own: a hostile container can cost that worker, not the check.
 */
class SourceFilesIsolationIT {
    @TempDir
    Path tmp;

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Java processes started by this one (the worker's command line is too long for the OS to report). */
    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .toList();
    }

    @Test
    void aDocumentInsideAnArchiveIsHashedByAWorkerProcess() throws Exception {
        byte[] note = "Barnevernet deltok i møtet om ettervern.".getBytes(StandardCharsets.UTF_8);
        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle.resolve("klientdokumentasjon"));
        Files.write(bundle.resolve("klientdokumentasjon/pakke.zip"), zip("indre.zip", zip("notat.txt", note)));
        Files.write(tmp.resolve("notat.txt"), note);
        List<ProcessHandle> before = workers();
        List<ProcessHandle> started;
        try (SourceFiles sources = SourceFiles.isolated()) {
            SourceFiles.Source found = sources.hash(bundle.toString(), "klientdokumentasjon/pakke.zip!/indre.zip!/notat.txt");
            assertEquals(SourceFiles.Source.FOUND, found.status(), found.detail());
            assertEquals(Sha256.of(tmp.resolve("notat.txt")), found.sha256());
            started = workers().stream().filter(w -> !before.contains(w)).toList();
            assertEquals(1, started.size(), "the archive was opened by a worker process of its own");
        }
        started.get(0).onExit().get(30, TimeUnit.SECONDS);
        assertFalse(started.get(0).isAlive(), "the worker stops when the check is done");
    }

    @Test
    void aDamagedContainerIsReportedAndTheCheckGoesOn() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle);
        byte[] archive = zip("notat.txt", "Notat om taushetsplikt.".getBytes(StandardCharsets.UTF_8));
        // Cut inside the entry's own data (after its 30-byte local header and name): the entry cannot be read whole.
        byte[] broken = new byte[30 + "notat.txt".length() + 3];
        System.arraycopy(archive, 0, broken, 0, broken.length);
        Files.write(bundle.resolve("pakke.zip"), broken);
        Files.writeString(bundle.resolve("brev.txt"), "Et brev.");
        try (SourceFiles sources = SourceFiles.isolated()) {
            SourceFiles.Source gone = sources.hash(bundle.toString(), "pakke.zip!/notat.txt");
            assertEquals(SourceFiles.Source.MISSING, gone.status());
            SourceFiles.Source next = sources.hash(bundle.toString(), "brev.txt");
            assertEquals(SourceFiles.Source.FOUND, next.status(), "the next quotation is still checked");
            assertEquals(Sha256.of(bundle.resolve("brev.txt")), next.sha256());
        }
    }
}
