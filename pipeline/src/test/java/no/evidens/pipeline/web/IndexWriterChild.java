package no.evidens.pipeline.web;

import java.nio.file.Path;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;

/**
 * Run by {@link WaitBehindCommandIT} in a JVM of its own: opens the embedded index's writer of a home, as every ingestion
 * does ({@link IndexBackend#embeddedWriter}), says {@code open}, and holds it until it is killed.
 */
public final class IndexWriterChild {
    private IndexWriterChild() {
    }

    /** @param args the home */
    @SuppressWarnings("resource") // held until the process is killed
    public static void main(String[] args) throws InterruptedException {
        EvidenceIndexWriter writer = IndexBackend.embeddedWriter(new EvidensHome(Path.of(args[0])));
        System.out.println(writer == null ? "none" : "open");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
