package no.evidens.pipeline.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import no.evidens.solr.HalfWritten;
import no.evidens.solr.HalfWrittenRule;
import no.evidens.solr.SolrHalfWritten;

/** What {@code solr clean-half-written} and {@code solr status} say of half-written documents, in English. */
final class HalfWrittenWords {
    private HalfWrittenWords() {
    }

    /** A document's line: its key, when its writing began and by whom, and what became of it. */
    static String line(HalfWritten d, Instant now, HalfWrittenRule rule, boolean dryRun) {
        Optional<Duration> age = d.age(now);
        if (age.isEmpty()) {
            return "  " + d.key() + "  age unknown (marked before Evidens recorded the time): "
                    + (rule.ageUnknownToo() ? (dryRun ? "would be deleted" : "deleted")
                            : "left alone (--with-unknown-age deletes it)");
        }
        String when = "  " + d.key() + "  began " + d.since().truncatedTo(ChronoUnit.SECONDS) + ", " + Durations.said(age.get())
                + " ago" + (d.writer() == null ? "" : ", by " + d.writer()) + ": ";
        if (rule.deletes(d, now)) {
            return when + (dryRun ? "would be deleted" : "deleted");
        }
        return when + "being written now? left alone (younger than " + Durations.said(rule.olderThan()) + ")";
    }

    /** The cleaning's last line: how many were deleted and how many left, and why. */
    static String summary(SolrHalfWritten.Cleaning c, HalfWrittenRule rule, boolean dryRun) {
        StringBuilder out = new StringBuilder(count(c.deleted().size(), "half-written document"));
        out.append(dryRun ? " to delete (nothing deleted: --dry-run)" : " deleted");
        if (!c.young().isEmpty()) {
            out.append("; ").append(c.young().size()).append(" younger than ").append(Durations.said(rule.olderThan()))
                    .append(" left alone (being written now?)");
        }
        if (!c.ageUnknown().isEmpty()) {
            out.append("; ").append(c.ageUnknown().size()).append(" of unknown age left alone (--with-unknown-age deletes "
                    + (c.ageUnknown().size() == 1 ? "it" : "them") + " once no older Evidens writes to the collection)");
        }
        return out.toString();
    }

    /**
     * The status's line: how many documents are half-written, the oldest one's age and case, and the command that cleans
     * them ({@code clean}, with its {@code --solr}).
     */
    static String status(List<HalfWritten> docs, Instant now, String clean) {
        if (docs.isEmpty()) {
            return "Half-written documents: none.";
        }
        long unknown = docs.stream().filter(d -> d.since() == null).count();
        StringBuilder out = new StringBuilder("Half-written documents: ").append(docs.size());
        Optional<HalfWritten> oldest = SolrHalfWritten.oldest(docs);
        if (oldest.isPresent()) {
            HalfWritten o = oldest.get();
            Duration age = o.age(now).orElseThrow();
            out.append(docs.size() - unknown > 1 ? "; the oldest, " : "; ").append(o.key()).append(" (case ").append(o.caseId())
                    .append("), began ").append(Durations.said(age)).append(" ago")
                    .append(o.writer() == null ? "" : " by " + o.writer());
            if (age.compareTo(HalfWrittenRule.DEFAULT_AGE) < 0) {
                out.append(" (being written now?)");
            }
        }
        if (unknown > 0) {
            out.append("; ").append(unknown).append(" of unknown age (marked before Evidens recorded the time)");
        }
        out.append(". Their passages are left out of search. To delete those left more than ")
                .append(Durations.said(HalfWrittenRule.DEFAULT_AGE)).append(" ago: ").append(clean).append(" (--dry-run lists them first)");
        if (unknown > 0) {
            out.append("; those of unknown age too: add --with-unknown-age, once no older Evidens writes to the collection");
        }
        return out.append('.').toString();
    }

    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
