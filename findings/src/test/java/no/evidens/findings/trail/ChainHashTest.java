package no.evidens.findings.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A trail written before keeps verifying: each entry's hash is the one Jackson's data binding gave its fields' list. */
class ChainHashTest {
    /** The hash as the trail's first version made it: the fields as a list written by an ObjectMapper. */
    private static String asWrittenBefore(AuditEntry e) throws Exception {
        String content = new ObjectMapper().writeValueAsString(Arrays.asList(e.id(), e.at().toString(), e.actor(), e.action(),
                e.caseId(), e.targetKind(), e.target(), e.detail()));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(e.prevHash().getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
        sha.update(content.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void everyKindOfTextHashesAsBefore() throws Exception {
        Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
        String[] details = {"«samarbeid» type:plan, 12 treff", "quote \" and back\\slash", "line\nbreak\ttab\u0001control",
                "æøå ÆØÅ é", "an emoji \uD83D\uDE00 here", "a lone \uD800 surrogate", "a lone low \uDC00", "", "</script>", null};
        for (String detail : details) {
            AuditEntry e = new AuditEntry(Long.MAX_VALUE - 1, at, "kari", "search", "sak-1", null, null, detail,
                    ChainHash.GENESIS, null);
            assertEquals(asWrittenBefore(e), ChainHash.of(e), String.valueOf(detail));
        }
        AuditEntry full = new AuditEntry(7, at, "ola nordmann", "show", "sak-2", AuditEvent.PASSAGE, "sak-2/d/4", "verdi",
                "a".repeat(64), null);
        assertEquals(asWrittenBefore(full), ChainHash.of(full));
    }

    @Test
    void aChangedFieldOrPreviousHashChangesTheHash() {
        Instant at = Instant.parse("2026-03-04T05:06:07Z");
        AuditEntry e = new AuditEntry(3, at, "kari", "search", "sak-1", null, null, "x", ChainHash.GENESIS, null);
        String hash = ChainHash.of(e);
        assertEquals(hash, ChainHash.of(e));
        assertNotEquals(hash, ChainHash.of(new AuditEntry(3, at, "kari", "search", "sak-1", null, null, "y", ChainHash.GENESIS, null)));
        assertNotEquals(hash, ChainHash.of(new AuditEntry(3, at, "kari", "search", "sak-1", null, "", "x", ChainHash.GENESIS, null)));
        assertNotEquals(hash, ChainHash.of(new AuditEntry(3, at, "kari", "search", "sak-1", null, null, "x", "b".repeat(64), null)));
    }
}
