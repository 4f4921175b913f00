package no.evidens.pipeline.store;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When the store server's certificate stops being valid, and what to say about it: the server and the homes warn from
 * {@value #WARN_DAYS} days before, and refuse it once it has expired (a pinned certificate is checked by its fingerprint,
 * which does not expire by itself: without this the date on it would mean nothing).
 *
 * @param notAfter the last moment the certificate is valid
 */
public record CertificateExpiry(Instant notAfter) {
    /** How many days before its end a certificate is warned of. */
    public static final int WARN_DAYS = 60;
    /** The command that makes a new certificate, as the messages name it. */
    static final String RENEW = "evidens store renew-cert --dir DIR";

    static CertificateExpiry of(X509Certificate cert) {
        return new CertificateExpiry(cert.getNotAfter().toInstant());
    }

    /** The day it ends (UTC), as {@code 2036-12-04}. */
    public LocalDate date() {
        return LocalDate.ofInstant(notAfter, ZoneOffset.UTC);
    }

    /** Days left at {@code now}, a day begun counted (1 on its last day, 0 or less once expired). */
    public long daysLeft(Instant now) {
        return -Math.floorDiv(-Duration.between(now, notAfter).toSeconds(), Duration.ofDays(1).toSeconds());
    }

    public boolean expired(Instant now) {
        return now.isAfter(notAfter);
    }

    /** Whether it ends within {@value #WARN_DAYS} days (and has not yet). */
    public boolean nearing(Instant now) {
        return !expired(now) && daysLeft(now) <= WARN_DAYS;
    }

    /** {@code valid until 2036-12-04 (in 3650 days)}, or {@code expired on 2026-12-01}. */
    public String said(Instant now) {
        long days = daysLeft(now);
        return expired(now) ? "expired on " + date() : "valid until " + date() + " (in " + days + (days == 1 ? " day)" : " days)");
    }

    /** What {@code /health} says of it: {@link #said}, and what to do when it ends soon or has ended. */
    public String health(Instant now) {
        return said(now) + (expired(now) || nearing(now) ? ": make a new one on the store server (" + RENEW + ") and give it to each"
                + " home (evidens store trust)" : "");
    }
}
