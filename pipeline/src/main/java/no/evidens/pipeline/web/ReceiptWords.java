package no.evidens.pipeline.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.lang.Texts;

/**
 * A receipt as the workspace shows it: as stored (its reasons in English, the command line's contract), with
 * each line's reason worded in the user's language beside it ({@code reasonText}): a failure's fixed reason, a
 * duplicate (and the file it repeats), a container (and how many files it holds).
 */
final class ReceiptWords {
    private ReceiptWords() {
    }

    /** The receipt as JSON, each file with its {@code reasonText}; null for none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> shown(Receipt receipt, Texts t) {
        if (receipt == null) {
            return null;
        }
        Map<String, Object> out = Json.mapper().convertValue(receipt, LinkedHashMap.class);
        List<Map<String, Object>> files = new ArrayList<>();
        for (ReceiptFile f : receipt.files()) {
            Map<String, Object> line = Json.mapper().convertValue(f, LinkedHashMap.class);
            String reason = reason(f, t);
            if (f.newVersionOf() != null) {
                // the path was in the case with other content: this line's content is the newest version
                String version = t.get("reason.new-version", f.newVersionOf());
                reason = reason == null ? version : reason + "; " + version;
            }
            line.put("reasonText", reason);
            files.add(line);
        }
        out.put("files", files);
        return out;
    }

    /** A line's reason in the language, or null when it has none. */
    static String reason(ReceiptFile f, Texts t) {
        String r = f.reason();
        if (r == null) {
            return null;
        }
        if (ReceiptFile.DUPLICATE.equals(f.status())) {
            if (ReceiptFile.DUPLICATE_READ_AGAIN.equals(r)) {
                return t.get("reason.duplicate-read-again");
            }
            if (ReceiptFile.DUPLICATE_INCOMPLETE.equals(r)) {
                return t.get("reason.duplicate-incomplete");
            }
            return r.startsWith(ReceiptFile.DUPLICATE_OF) ? t.get("reason.duplicate-of", r.substring(ReceiptFile.DUPLICATE_OF.length()))
                    : t.get("reason.duplicate");
        }
        int files = ReceiptFile.containerFiles(r);
        if (ReceiptFile.CONTAINER.equals(f.status()) && files >= 0) {
            return t.get(files == 1 ? "reason.container-one" : "reason.container", files);
        }
        // a failure's reason is one of the fixed sentences; anything else is told as unexpected, never as it stands
        return t.get("reason." + Reason.fromText(r).code());
    }
}
