package no.evidens.pipeline.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as the workspace's sentences write it, «5.12.2026 kl. 18.20», in the server's zone (the auditors' own). */
final class ServerTime {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy 'kl.' HH.mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy", Locale.ROOT);

    private ServerTime() {
    }

    static String words(Instant at) {
        return WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /** The day alone, «5.12.2026», in the server's zone (a case closed at 00.30 in Oslo was closed that day, not the one before). */
    static String day(Instant at) {
        return DAY.format(at.atZone(ZoneId.systemDefault()));
    }
}
