package no.evidens.pipeline.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Gathers the outcome of each file as the parallel route reports it; one outcome per path. */
public final class ReceiptCollector {
    private final Map<String, ReceiptFile> files = new ConcurrentHashMap<>();
    private final ProgressListener progress;
    private final java.util.concurrent.atomic.AtomicBoolean progressFailed = new java.util.concurrent.atomic.AtomicBoolean();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReceiptCollector.class);

    public ReceiptCollector(ProgressListener progress) {
        this.progress = progress;
    }

    /**
     * Records one receipt line; the first word on a path counts. Progress is only shown: a listener that fails (the web's
     * job file on a full disk) is logged once and changes nothing the ingest does, where before its exception went up
     * through the route's failure handler and ended the whole ingest without a receipt.
     */
    public void record(ReceiptFile f) {
        // Progress counts the files of the bundle, not the documents inside them.
        if (files.putIfAbsent(f.path(), f) == null && !f.path().contains("!/")) {
            try {
                progress.fileDone(f);
            } catch (RuntimeException e) {
                if (progressFailed.compareAndSet(false, true)) {
                    LOG.warn("the ingest's progress could not be shown: {}", no.evidens.pipeline.Messages.oneLine(e));
                }
            }
        }
    }

    /** The line recorded for this path, or null: the first word on a path counts. */
    ReceiptFile line(String path) {
        return files.get(path);
    }

    /** The bundle's files with a line (the documents inside them not counted), as the progress counts them. */
    int filesDone() {
        return (int) files.keySet().stream().filter(path -> !path.contains("!/")).count();
    }

    /** Changes a document's line to failed: the index did not store it after all. */
    public void notStored(no.evidens.index.EvidenceSink.NotStored lost) {
        failed(lost, no.evidens.pipeline.extract.Reason.NOT_STORED);
    }

    /**
     * Changes a document's line to failed for this reason: the index refused it after its add had returned
     * ({@link no.evidens.pipeline.extract.Reason#NOT_STORED}), or a commit after it failed
     * ({@link no.evidens.pipeline.extract.Reason#NOT_SAVED}).
     */
    public void failed(no.evidens.index.EvidenceSink.NotStored lost, no.evidens.pipeline.extract.Reason reason) {
        ReceiptFile was = files.get(lost.file());
        files.put(lost.file(), new ReceiptFile(lost.file(), lost.sha256(), was == null ? null : was.type(), ReceiptFile.FAILED,
                reason.text(), lost.detail(), 0, 0));
    }

    public Receipt receipt(String caseId, String bundle, String manifest) {
        List<ReceiptFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(ReceiptFile::path));
        int indexed = 0;
        int duplicate = 0;
        int failed = 0;
        int containers = 0;
        int skipped = 0;
        for (ReceiptFile f : sorted) {
            switch (f.status()) {
                case ReceiptFile.INDEXED -> indexed++;
                case ReceiptFile.DUPLICATE -> duplicate++;
                case ReceiptFile.CONTAINER -> containers++;
                case ReceiptFile.SKIPPED -> skipped++;
                default -> failed++;
            }
        }
        return new Receipt(caseId, bundle, manifest, sorted, new Receipt.Counts(indexed, duplicate, failed, containers, skipped));
    }
}
