package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import no.evidens.pipeline.WholeFile;

/**
 * A receipt's file, written with Jackson's streaming generator: the same bytes as the shared mapper writes for a
 * {@link Receipt} ({@code Json.write}: its fields in the records' order, indented by Jackson's default pretty printer,
 * {@code manifest}, {@code reason} and {@code detail} written when null, {@code newVersionOf} only when set,
 * {@code skipped} only when not 0). Written field by field rather than bound because an ingest that indexes nothing
 * (an unchanged bundle sent again) needs Jackson's data binding for nothing else: its start and its first look at the
 * records (some 80-100 CPU ms of a re-ingest's ~1.2 CPU s, measured in round 56) are left out. {@code ReceiptJsonTest}
 * holds the two writings to the same bytes.
 */
final class ReceiptJson {
    /** Jackson's core factory with its defaults, the settings the shared mapper's own factory has. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReceiptJson() {
    }

    /** Writes the receipt to the file, whole or not at all ({@link WholeFile}). */
    static void write(Receipt receipt, Path file) {
        WholeFile.write(file, out -> write(receipt, out));
    }

    /** Writes the receipt's JSON to the stream (left open). */
    static void write(Receipt receipt, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeStringField("case", receipt.caseId());
            g.writeStringField("bundle", receipt.bundle());
            g.writeStringField("manifest", receipt.manifest());
            g.writeFieldName("files");
            g.writeStartArray();
            for (ReceiptFile f : receipt.files()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeStringField("sha256", f.sha256());
                g.writeStringField("type", f.type());
                g.writeStringField("status", f.status());
                g.writeStringField("reason", f.reason());
                g.writeStringField("detail", f.detail());
                g.writeNumberField("pages", f.pages());
                g.writeNumberField("passages", f.passages());
                if (f.newVersionOf() != null) {
                    g.writeStringField("newVersionOf", f.newVersionOf());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            Receipt.Counts c = receipt.counts();
            if (c == null) {
                g.writeNullField("counts");
            } else {
                g.writeFieldName("counts");
                g.writeStartObject();
                g.writeNumberField("indexed", c.indexed());
                g.writeNumberField("duplicate", c.duplicate());
                g.writeNumberField("failed", c.failed());
                g.writeNumberField("containers", c.containers());
                if (c.skipped() != 0) {
                    g.writeNumberField("skipped", c.skipped());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }
}
