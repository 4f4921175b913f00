package no.evidens.pipeline.findings;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

import no.evidens.index.IndexUnreachableException;
import no.evidens.index.NoIndexException;
import no.evidens.pipeline.Messages;

/**
 * A check of a case's quotations that failed before it had an outcome: who ran it, when it started and failed, and why
 * as a kind ({@link #reason}), never the exception's message (it may name a file of the case, and a file may name a
 * person). Kept beside the case's last finished check ({@link CheckRecords}), which it does not replace.
 *
 * @param reason {@value #DISK_FULL}, {@value #INDEX} (the search index could not be read), {@value #UNREADABLE} (a source
 *               file or its container could not be read, or the worker process that opens e-mails and archives ended) or
 *               {@value #UNEXPECTED}
 */
public record FailedCheck(String by, String started, String failed, String reason) {
    public static final String DISK_FULL = "disk-full";
    public static final String INDEX = "index";
    public static final String UNREADABLE = "unreadable";
    public static final String UNEXPECTED = "unexpected";

    static FailedCheck of(String by, Instant started, Instant failed, Throwable e) {
        return new FailedCheck(by, started.toString(), failed.toString(), reason(e));
    }

    /** The kind of a check's failure, from the exception's type alone. */
    public static String reason(Throwable e) {
        if (Messages.diskFull(e)) {
            return DISK_FULL;
        }
        if (IndexUnreachableException.in(e)) {
            return INDEX;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            // Lucene's own exceptions (a damaged index, one of another version, none at all) are the index's
            if (c instanceof NoIndexException || c.getClass().getName().startsWith("org.apache.lucene.")) {
                return INDEX;
            }
        }
        return e instanceof IOException || e instanceof java.io.UncheckedIOException ? UNREADABLE : UNEXPECTED;
    }

    /** Why a check failed, as the command line says it. */
    public static String inEnglish(String reason) {
        return switch (reason) {
            case DISK_FULL -> "the disk is full";
            case INDEX -> "the search index could not be read";
            case UNREADABLE -> "a source file could not be read, or the worker that opens e-mails and archives stopped";
            default -> "an unexpected error (see the log)";
        };
    }

    @JsonIgnore
    public Instant startedAt() {
        return Instant.parse(started);
    }

    @JsonIgnore
    public Instant failedAt() {
        return Instant.parse(failed);
    }
}
