package no.evidens.evaluation.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.IsolatedExtractor;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;

/**
 * {@code evidens ingest} in a JVM of its own, as a user runs it (Tika in worker processes, tagging, passages,
 * the Lucene index, the receipt), on {@code threads} threads and as many workers, OCR off. Arguments: home,
 * bundle, threads. Prints one {@link SideResult} line; its documents are those indexed.
 */
public final class EvidensSide {
    private EvidensSide() {
    }

    public static void main(String[] args) throws Exception {
        EvidensHome home = new EvidensHome(Path.of(args[0]));
        Path bundle = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        try (TreeMeter meter = new TreeMeter()) {
            DocumentAnalyser analyser = new DocumentAnalyser(new IsolatedExtractor(threads, TikaExtractor.DEFAULT_MAX_CHARS,
                    false, IsolatedExtractor.DEFAULT_TIMEOUT_SECONDS), Ingestion.codebook(null, home));
            Receipt receipt = new Ingestion(home, analyser, threads).ingest("bench", bundle, ProgressListener.NONE);
            double wall = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
            TreeMeter.Cpu cpu = meter.cpu();
            System.out.println(new SideResult(wall, cpu.withoutMeter(), meter.peakRssMb(), receipt.counts().indexed(),
                    cpu.meter(), cpu.children()).line());
        }
    }
}
