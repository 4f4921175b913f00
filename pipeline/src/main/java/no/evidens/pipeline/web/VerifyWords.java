package no.evidens.pipeline.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.pipeline.findings.CheckNote;
import no.evidens.pipeline.findings.FailedCheck;
import no.evidens.pipeline.findings.LastCheck;
import no.evidens.pipeline.findings.Verification;
import no.evidens.pipeline.findings.Verification.NewContent;
import no.evidens.pipeline.lang.Texts;

/**
 * A check of a case's quotations as a report writer reads it: each quotation's state in words of the catalogue
 * ({@code verify.*}), the line on a corrected source's new content, and the summary above them. The command line's
 * statuses ({@code ok}, {@code changed} …) stay in the answer beside the words; the state adds {@code moved}: the source
 * file has changed and its new content, ingested into the case, holds the quoted words at other characters.
 */
final class VerifyWords {
    /** The states in the order the summary counts them. */
    static final List<String> STATES = List.of("holds", "moved", "changed", "vanished", "unchecked", "deleted");

    private VerifyWords() {
    }

    /** The quotation's state: one of {@link #STATES}. */
    static String state(Verification v) {
        if (Verification.SOURCE_CHANGED.equals(v.source()) && v.newContent() != null && NewContent.HOLDS.equals(v.newContent().state())) {
            return "moved";
        }
        return switch (v.status()) {
            case Verification.OK -> "holds";
            case Verification.SOURCE_DELETED -> "deleted";
            case Verification.UNCHECKED -> "unchecked";
            case Verification.VANISHED -> Verification.SOURCE_CHANGED.equals(v.source()) ? "changed" : "vanished";
            default -> "changed";
        };
    }

    /** The state in one sentence (numbers as digits alone: {@link java.text.MessageFormat} would group 1131 as «1,131»). */
    static String text(Verification v, Texts t) {
        String state = state(v);
        return switch (state) {
            case "moved" -> v.newContent().start() == v.start()
                    ? t.get("verify.state.same-place", String.valueOf(v.newContent().start()), String.valueOf(v.newContent().end()))
                    : t.get("verify.state.moved", String.valueOf(v.newContent().start()), String.valueOf(v.newContent().end()));
            case "changed" -> t.get(Verification.SOURCE_CHANGED.equals(v.source()) ? "verify.state.changed" : "verify.state.changed-index");
            case "vanished" -> t.get(Verification.SOURCE_MISSING.equals(v.source()) ? "verify.state.vanished" : "verify.state.vanished-index");
            default -> t.get("verify.state." + state);
        };
    }

    /** What the new content of a changed source says of the quoted words, or null when there is nothing to say. */
    static String detail(Verification v, Texts t) {
        NewContent n = v.newContent();
        if (n == null) {
            return null;
        }
        return NewContent.HOLDS.equals(n.state()) ? t.get("verify.new.holds") : t.get("verify.new." + n.state());
    }

    /** How many quotations are in each state (the states none is in left out), in the order of {@link #STATES}. */
    static Map<String, Integer> counts(List<Verification> checks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0));
        checks.forEach(v -> counts.merge(state(v), 1, Integer::sum));
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /** The check in one line: how many quotations hold, then how many are in each other state («12 sitater stemmer, 1 er endret.»). */
    static String summary(List<Verification> checks, Texts t) {
        if (checks.isEmpty()) {
            return t.get("verify.summary.none");
        }
        Map<String, Integer> counts = counts(checks);
        List<String> parts = new ArrayList<>();
        int holding = counts.getOrDefault("holds", 0);
        parts.add(t.get(holding == 1 ? "verify.summary.holds-one" : "verify.summary.holds", String.valueOf(holding)));
        for (String s : STATES.subList(1, STATES.size())) {
            Integer n = counts.get(s);
            if (n != null) {
                parts.add(t.get("verify.summary." + s, String.valueOf(n)));
            }
        }
        return String.join(", ", parts) + ".";
    }

    /**
     * The last check as the export buttons say it: «Sitatene ble sist kontrollert 5.12.2026 kl. 18.20: 1 av 13 stemmer
     * ikke med kilden.», «Sitatene er ikke kontrollert.»; then how many quotations were attached after the check, and
     * whether a bundle was ingested into the case after the check began; last, a check that failed after it («En senere
     * kontroll (…, av kari) feilet: …»), the finished check's outcome still said first. The time in the server's zone (the
     * auditors' own, where it runs).
     */
    static String exportNote(CheckNote note, Texts t) {
        FailedCheck failed = note.failed();
        if (!note.checked()) {
            return failed == null ? t.get("verify.export.none")
                    : t.get("verify.export.none") + " " + t.get("verify.export.failed", when(failed.failedAt()), failed.by(), failure(failed, t));
        }
        LastCheck last = note.last();
        String when = when(last.finishedAt());
        int n = last.quotations().size();
        String said = n == 0 ? t.get("verify.export.empty", when)
                : last.problems() == 0 ? t.get(n == 1 ? "verify.export.holds-one" : "verify.export.holds", when, String.valueOf(n))
                : t.get("verify.export.problems", when, String.valueOf(last.problems()), String.valueOf(n));
        if (note.added() > 0) {
            said += " " + (note.added() == 1 ? t.get("verify.export.added-one") : t.get("verify.export.added", String.valueOf(note.added())));
        }
        if (note.beforeIngestion()) {
            said += " " + t.get("verify.export.before-ingestion", when(note.ingested()));
        }
        return failed == null ? said : said + " " + t.get("verify.export.failed-later", when(failed.failedAt()), failed.by(), failure(failed, t));
    }

    /** Why a check failed, in words: «en kildefil kunne ikke leses …». */
    static String failure(FailedCheck failed, Texts t) {
        String key = "verify.failed." + failed.reason();
        return t.has(key) ? t.get(key) : t.get("verify.failed." + FailedCheck.UNEXPECTED);
    }

    /** «5.12.2026 kl. 18.20». */
    private static String when(Instant at) {
        return ServerTime.words(at);
    }

    /** One quotation's outcome as the API answers it: the command line's fields, the state and its words. */
    static Map<String, Object> quotation(Verification v, Texts t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("finding", v.finding());
        out.put("item", v.item());
        out.put("position", v.position());
        out.put("file", v.file());
        out.put("start", v.start());
        out.put("end", v.end());
        out.put("status", v.status());
        out.put("state", state(v));
        out.put("problem", !v.stands());
        out.put("text", text(v, t));
        out.put("detail", detail(v, t));
        out.put("newContent", v.newContent());
        return out;
    }
}
