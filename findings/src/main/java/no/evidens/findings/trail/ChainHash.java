package no.evidens.findings.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The hash that chains an audit entry to the one before it: SHA-256 of the previous hash and the entry's fields. */
final class ChainHash {
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainHash() {
    }

    /** The entry's hash; its fields are written as one JSON array, so no field can run into the next. */
    static String of(AuditEntry e) {
        String content;
        try {
            content = JSON.writeValueAsString(Arrays.asList(e.id(), e.at().toString(), e.actor(), e.action(), e.caseId(),
                    e.targetKind(), e.target(), e.detail()));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("cannot write an audit entry", x);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(e.prevHash().getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("this Java has no SHA-256", x);
        }
    }
}
