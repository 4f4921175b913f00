package no.evidens.findings.trail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** The hash that chains an audit entry to the one before it: SHA-256 of the previous hash and the entry's fields. */
final class ChainHash {
    static final String GENESIS = "0".repeat(64);
    private static final JsonFactory JSON = new JsonFactory();
    private static final MessageDigest SHA_256 = sha256();

    private ChainHash() {
    }

    /**
     * The entry's hash; its fields are written as one JSON array ({@code [id,"at","actor",…]}, a missing field as
     * {@code null}), so no field can run into the next. Written field by field with Jackson's generator, as Jackson's
     * data binding wrote the same list before (the same characters: its generator for text is this one, and the text is
     * encoded as before, a lone surrogate as {@code ?}), without looking up a serializer for the list and each of its
     * values on every entry.
     */
    static String of(AuditEntry e) {
        StringWriter content = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(content)) {
            g.writeStartArray();
            g.writeNumber(e.id());
            for (String field : new String[] {e.at().toString(), e.actor(), e.action(), e.caseId(), e.targetKind(), e.target(),
                    e.detail()}) {
                if (field == null) {
                    g.writeNull();
                } else {
                    g.writeString(field);
                }
            }
            g.writeEndArray();
        } catch (IOException x) {
            throw new UncheckedIOException("cannot write an audit entry", x);
        }
        MessageDigest sha = copy();
        sha.update(e.prevHash().getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
        sha.update(content.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A fresh digest, cloned from one looked up once (the provider lookup costs more than the clone). */
    private static MessageDigest copy() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException x) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("this Java has no SHA-256", x);
        }
    }
}
