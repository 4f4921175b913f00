package no.evidens.pipeline.ingest;

import java.io.IOException;

import no.evidens.pipeline.Messages;

/**
 * The ingestion ended, but its receipt could not be written to the home (the disk is full): the receipt is carried here,
 * so that the command still shows it, with this failure beside it.
 */
public final class ReceiptNotSaved extends IOException {
    private final transient Receipt receipt;

    ReceiptNotSaved(Receipt receipt, String where, Throwable cause) {
        super("the receipt was not saved in " + where + ": " + Messages.oneLine(cause), cause);
        this.receipt = receipt;
    }

    /** The receipt that was not saved. */
    public Receipt receipt() {
        return receipt;
    }
}
