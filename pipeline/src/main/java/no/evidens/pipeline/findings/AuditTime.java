package no.evidens.pipeline.findings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The {@code --since} / {@code since=} of the audit trail: a date (from its start, local time) or an ISO instant. */
public final class AuditTime {
    private AuditTime() {
    }

    public static Instant since(String given) {
        String s = given.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + given + "' is not a date: write it like 2026-11-30 or 2026-11-30T08:00:00Z");
        }
    }
}
