package no.evidens.pipeline.ingest;

import java.util.Arrays;

/**
 * What an ingestion is at, told to its {@link ProgressListener} as it moves on: the stretches in which no file is counted
 * (the bundle read, the Tika worker and the models readied, the last commit) named, so that the workspace and the command
 * line can say what is being waited for. One list for both: the web job keeps and shows its {@link #code()}, the command
 * line prints a line of its own words for each.
 */
public enum IngestPhase {
    /** The bundle is read: a .zip unpacked or a folder listed, and its files compared with the case's (no file counted). */
    UNPACKING("unpacking"),
    /** Something in the bundle is new: the Tika worker starts and the language models load before the first file is read. */
    STARTING("starting"),
    /** The files are read (or, when nothing in the bundle is new, accounted for without the worker). */
    READING("reading"),
    /** Every file is done: the last commit to the index and the receipt. */
    SAVING("saving");

    private final String code;

    IngestPhase(String code) {
        this.code = code;
    }

    /** The phase's name in the web API and in a job's file. */
    public String code() {
        return code;
    }

    /** The phase of a code as {@link #code()} gives it; null for null or a code this version does not know. */
    public static IngestPhase ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElse(null);
    }
}
