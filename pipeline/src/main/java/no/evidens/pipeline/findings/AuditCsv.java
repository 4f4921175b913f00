package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

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
        return write(entries, null);
    }

    /**
     * The trail as CSV with one more column, {@code detail_text}, last: each entry's detail as {@code wording}
     * words it today (an entry an earlier version recorded in English, in Bokmål). The {@code detail} column
     * keeps the detail as recorded, as the hashes do (the trail is append-only: it is never rewritten).
     *
     * @param wording the detail in today's words from (action, detail); null for the recorded columns alone
     */
    public static String write(List<AuditEntry> entries, BiFunction<String, String, String> wording) {
        String[] header = HEADER;
        if (wording != null) {
            header = Arrays.copyOf(HEADER, HEADER.length + 1);
            header[HEADER.length] = "detail_text";
        }
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (AuditEntry e : entries) {
                // as printed before this column was added (a null is an empty cell)
                List<Object> row = new ArrayList<>(Arrays.asList(e.id(), e.at(), cell(e.actor()), e.action(), cell(e.caseId()),
                        e.targetKind(), cell(e.target()), cell(e.detail()), e.prevHash(), e.hash()));
                if (wording != null) {
                    row.add(cell(wording.apply(e.action(), e.detail())));
                }
                p.printRecord(row);
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
