package no.evidens.pipeline.ingest;

/** Told about each file as ingestion finishes it. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(int files) {
        }

        @Override
        public void fileDone(ReceiptFile file) {
        }

        @Override
        public void finished() {
        }
    };

    void started(int files);

    /**
     * The ingestion moved on to this phase: {@link IngestPhase#UNPACKING} before the bundle is read;
     * {@link IngestPhase#STARTING} once something in it is new (the Tika worker starts, the models load); {@link IngestPhase#READING}
     * when both are ready, or at once when nothing is new; {@link IngestPhase#SAVING} when every file is done. A phase a stop
     * or a refusal comes before is not told: the last told is the one the ingestion was cut off in.
     */
    default void phase(IngestPhase phase) {
    }

    void fileDone(ReceiptFile file);

    /** The ingest ended with all its files done and committed. */
    void finished();

    /** The ingest ended with an error instead (the index could not be written, say): not done, whatever was counted. */
    default void cutShort() {
    }
}
