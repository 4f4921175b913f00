package no.evidens.pipeline.findings;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A case's last finished check of its quotations, as kept in the home ({@link CheckRecords}): who checked, when it
 * started and finished, and each quotation's outcome (its finding, item, file and offsets, its status: what the findings
 * store already holds; never the quoted words or any other document text).
 *
 * @param started  when the check began (ISO-8601), compared with the case's ingestions
 * @param finished when it finished (ISO-8601)
 */
public record LastCheck(@JsonProperty("case") String caseId, String by, String started, String finished, List<Verification> quotations) {
    public LastCheck {
        quotations = List.copyOf(quotations);
    }

    static LastCheck of(String caseId, String by, Instant started, Instant finished, List<Verification> quotations) {
        return new LastCheck(caseId, by, started.toString(), finished.toString(), quotations);
    }

    @JsonIgnore
    public Instant startedAt() {
        return Instant.parse(started);
    }

    @JsonIgnore
    public Instant finishedAt() {
        return Instant.parse(finished);
    }

    /** How many quotations do not stand (changed, vanished or unchecked). */
    @JsonIgnore
    public int problems() {
        return (int) quotations.stream().filter(v -> !v.stands()).count();
    }
}
