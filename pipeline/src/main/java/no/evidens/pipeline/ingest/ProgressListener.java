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
     * The Tika worker has started and the language models are loaded: the files are being read now. Not told when no file
     * needs them (nothing new in the bundle) or when the ingest was stopped or refused before.
     */
    default void readied() {
    }

    void fileDone(ReceiptFile file);

    /** The ingest ended with all its files done and committed. */
    void finished();

    /** The ingest ended with an error instead (the index could not be written, say): not done, whatever was counted. */
    default void cutShort() {
    }
}
