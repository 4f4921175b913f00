package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import no.evidens.findings.trail.AuditEntry;

/** The audit trail as CSV (one row per entry, with its hashes), for a spreadsheet or an archive. */
public final class AuditCsv {
    private static final String[] HEADER = {"id", "time", "user", "action", "case", "target_kind", "target", "detail",
            "prev_hash", "hash"};

    private AuditCsv() {
    }

    public static String write(List<AuditEntry> entries) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (AuditEntry e : entries) {
                p.printRecord(e.id(), e.at(), cell(e.actor()), e.action(), cell(e.caseId()), e.targetKind(), cell(e.target()),
                        cell(e.detail()), e.prevHash(), e.hash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A cell a spreadsheet would take for a formula (a query typed as {@code =…}) gets a leading apostrophe. */
    private static String cell(String s) {
        return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
