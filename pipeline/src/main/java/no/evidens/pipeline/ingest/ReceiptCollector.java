package no.evidens.pipeline.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import no.evidens.pipeline.bundle.BundleEntry;

/** Gathers the outcome of each file as the parallel route reports it; one outcome per path. */
public final class ReceiptCollector {
    private final Map<String, ReceiptFile> files = new ConcurrentHashMap<>();
    private final ProgressListener progress;

    public ReceiptCollector(ProgressListener progress) {
        this.progress = progress;
    }

    public void indexed(BundleEntry e, String sha256, int pages, int passages) {
        record(new ReceiptFile(e.path(), sha256, e.type(), ReceiptFile.INDEXED, null, pages, passages));
    }

    public void duplicate(BundleEntry e, String sha256, String reason) {
        record(new ReceiptFile(e.path(), sha256, e.type(), ReceiptFile.DUPLICATE, reason, 0, 0));
    }

    public void failed(BundleEntry e, String sha256, String reason) {
        record(new ReceiptFile(e.path(), sha256, e.type(), ReceiptFile.FAILED, reason, 0, 0));
    }

    private void record(ReceiptFile f) {
        if (files.putIfAbsent(f.path(), f) == null) {
            progress.fileDone(f);
        }
    }

    public Receipt receipt(String caseId, String bundle, String manifest) {
        List<ReceiptFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(ReceiptFile::path));
        int indexed = 0;
        int duplicate = 0;
        int failed = 0;
        for (ReceiptFile f : sorted) {
            switch (f.status()) {
                case ReceiptFile.INDEXED -> indexed++;
                case ReceiptFile.DUPLICATE -> duplicate++;
                default -> failed++;
            }
        }
        return new Receipt(caseId, bundle, manifest, sorted, new Receipt.Counts(indexed, duplicate, failed));
    }
}
