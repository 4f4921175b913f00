package no.evidens.pipeline.findings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The {@code --since} / {@code since=} of the audit trail: a date (from its start, local time) or an ISO instant. A date
 * is ISO (2026-11-30) or written the Norwegian way (30.11.2026, 1.12.2026), as the workspace's date fields take it.
 */
public final class AuditTime {
    /** dd.mm.åååå, strict: 31.02.2026 is no date (not moved to 3 March). */
    private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private AuditTime() {
    }

    public static Instant since(String given) {
        String s = given.strip();
        try {
            if (s.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                return LocalDate.parse(s, NORWEGIAN).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + given + "' is not a date: write it like 2026-11-30, 30.11.2026 or 2026-11-30T08:00:00Z");
        }
    }
}
