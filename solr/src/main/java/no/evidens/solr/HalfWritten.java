package no.evidens.solr;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A document that has a marker ({@link SolrFields#pending}) in the collection: being written now in several requests, or
 * left half-written by a cluster that went away. {@code since} is when its writing began (the writer's clock, UTC) and
 * {@code writer} which process wrote it ({@code pid@host}); both null for a marker written before round 52, which held no
 * time: its age is unknown.
 */
public record HalfWritten(String caseId, String docId, Instant since, String writer) {

    /** {@code case/docId}, as the other commands name a document. */
    public String key() {
        return SolrFields.docKey(caseId, docId);
    }

    /**
     * How long ago its writing began, seen at {@code now}; empty when its marker holds no time. A time ahead of {@code now}
     * (the writer's clock ahead of this machine's) is an age of zero: a document just begun, never one of negative age.
     */
    public Optional<Duration> age(Instant now) {
        if (since == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(since, now);
        return Optional.of(age.isNegative() ? Duration.ZERO : age);
    }
}
