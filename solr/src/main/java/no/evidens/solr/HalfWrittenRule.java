package no.evidens.solr;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which half-written documents {@code evidens solr clean-half-written} deletes: those whose writing began at least {@code
 * olderThan} ago. A younger one may be being written now (a large document goes in many requests; another machine may be
 * ingesting), and deleting what it has sent so far would leave, once its last request lands, a document whose entry says it
 * is whole and whose first passages and text are gone. A marker with no time (written before round 52) is deleted only when
 * {@code ageUnknownToo} is asked: it may come from an older Evidens writing at this moment just as well.
 */
public record HalfWrittenRule(Duration olderThan, boolean ageUnknownToo) {
    /**
     * The age from which a marker is taken to be left behind. The longest writings walked took well under a minute on a
     * loaded test cluster (round 51: a 16.8 MB log, 51 requests, about 10 s; round 52: a 6 MB log, 92 requests, about 28 s
     * at a load of 30); a request the cluster holds waits at most 60 s for a node and 120 s for its answer, so an hour
     * leaves room for a slow cluster's many waits while still cleaning what a cluster gone yesterday left.
     */
    public static final Duration DEFAULT_AGE = Duration.ofHours(1);

    /** What the rule does with a half-written document. */
    public enum Verdict {
        /** Its writing began at least {@link #olderThan} ago: deleted. */
        OLD,
        /** Younger: it may be being written now, left alone. */
        YOUNG,
        /** Its marker holds no time (written before round 52): left alone unless {@link #ageUnknownToo}. */
        AGE_UNKNOWN
    }

    public HalfWrittenRule {
        Objects.requireNonNull(olderThan, "olderThan");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("an age cannot be negative: " + olderThan);
        }
    }

    /** The default: older than {@link #DEFAULT_AGE}, markers without a time left alone. */
    public static HalfWrittenRule byDefault() {
        return new HalfWrittenRule(DEFAULT_AGE, false);
    }

    public Verdict of(HalfWritten d, Instant now) {
        Optional<Duration> age = d.age(now);
        if (age.isEmpty()) {
            return Verdict.AGE_UNKNOWN;
        }
        return age.get().compareTo(olderThan) >= 0 ? Verdict.OLD : Verdict.YOUNG;
    }

    /** Whether the document is deleted. */
    public boolean deletes(HalfWritten d, Instant now) {
        Verdict v = of(d, now);
        return v == Verdict.OLD || v == Verdict.AGE_UNKNOWN && ageUnknownToo;
    }
}
