package no.evidens.pipeline.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.pipeline.lang.Texts;

/**
 * An audit entry's detail as the trail words it today. Entries written by earlier versions hold English
 * details ("journal, workspace page 3", "avvik-1, version 4", "wrong user name or password"); the trail is
 * append-only and hash-chained, so they are never rewritten: the workspace shows them in Bokmål by mapping
 * the old wording when it reads them ({@code detailText} beside the entry's own {@code detail}).
 * Each rule is tied to the action that wrote the wording and anchored to the whole detail, so text a user
 * typed (a search's query, a file name) is never changed.
 */
final class TrailWording {
    /**
     * An old wording of one action (or of several: a regex over the action id), and the words it is given now (in
     * {@link #WORDS}: the catalogue's key).
     */
    private record Rule(Pattern action, Pattern detail, String today) {
        Rule(String action, String detail, String today) {
            this(Pattern.compile(action), Pattern.compile(detail, Pattern.DOTALL), today);
        }
    }

    private static final List<Rule> RULES = List.of(
            // show-document: the web page (before and after the original page was shown), the document view
            new Rule("show-document", "(.*), workspace page (\\d+)", "$1, arbeidsflaten, side $2"),
            new Rule("show-document", "(.*), workspace", "$1, arbeidsflaten"),
            new Rule("show-passage", "(.*), workspace, (\\d+) around", "$1, arbeidsflaten, $2 avsnitt rundt"),
            new Rule("show-passage", "(.*), evidens show, (\\d+) around", "$1, evidens show, $2 avsnitt rundt"),
            new Rule("show-quotations", "quoting (.*), workspace", "siterer $1, arbeidsflaten"),
            new Rule("show-quotations", "quoting (.*)", "siterer $1"),
            new Rule("search", "(.*), (\\d+) hits", "$1, $2 treff"),
            new Rule("export", "(.*), anonymised", "$1, anonymisert"),
            new Rule("export", "(.*), not anonymised", "$1, ikke anonymisert"),
            // before round 40 the file's outcome stayed English: "journal, fil deleted", "…, fil deleted from bunt.zip"
            new Rule("record-delete", "(.*), (?:file|fil) deleted from (.*)", "$1, fil slettet fra $2"),
            new Rule("record-delete", "(.*), (?:file|fil) deleted", "$1, fil slettet"),
            new Rule("record-delete", "(.*), file (.*)", "$1, fil $2"),
            new Rule("records-delete", "(\\d+) journals and client records", "$1 journaler og klientdokumenter"),
            new Rule("finding-create", "with quotation of (.*)", "med sitat fra $1"),
            new Rule("finding-(edit|submit|approve|reopen)", "(.*?)(, )?version (\\d+)", "$1$2versjon $3"),
            new Rule("quotation-attach", "#(\\d+) from (.*)", "#$1 fra $2"),
            new Rule("quotation-move", "#(\\d+) to position (\\d+)", "#$1 til plass $2"),
            new Rule("sign-in", "identity provider", "identitetstilbyder"),
            new Rule("sign-in", "password", "passord"),
            new Rule("sign-in-refused", "locked", "sperret"),
            new Rule("sign-in-failed", "wrong user name or password", "feil brukernavn eller passord"),
            // a role was recorded by its id before its label
            new Rule("member-set", "lead", "leder"),
            new Rule("member-set", "auditor", "revisor"),
            new Rule("member-set", "writer", "skribent"),
            new Rule("member-set", "reader", "leser"),
            new Rule("group-export", "(.*), (\\d+) cases, anonymised", "$1, $2 saker, anonymisert"),
            new Rule("group-export", "(.*), (\\d+) cases, not anonymised", "$1, $2 saker, ikke anonymisert"));

    /**
     * Today's Bokmål details whose fixed words the catalogue gives in the reader's language ({@code trail.detail.*}, each
     * group of the pattern a value {0}, {1} …: a type, a number, a file, a bundle's name, kept as recorded). Anchored to
     * the whole detail and tied to the action that writes it, as {@link #RULES} are; a detail no pattern fits is shown as
     * recorded. The Bokmål catalogue gives each detail back as it stands.
     */
    private static final List<Rule> WORDS = List.of(
            new Rule("show-document", "([^,]+), arbeidsflaten, side (\\d+)", "trail.detail.page"),
            new Rule("show-document", "([^,]+), arbeidsflaten", "trail.detail.workspace"),
            new Rule("show-passage", "([^,]+), arbeidsflaten, (\\d+) avsnitt rundt", "trail.detail.around"),
            new Rule("show-quotations", "siterer (.*), arbeidsflaten", "trail.detail.quoting"),
            new Rule("export", "([^,]+), ikke anonymisert", "trail.detail.not-anonymised"),
            new Rule("group-export", "(.*), (\\d+) saker, ikke anonymisert", "trail.detail.group-not-anonymised"),
            new Rule("record-delete", "([^,]+), fil slettet", "trail.detail.file-deleted"),
            new Rule("record-delete", "([^,]+), fil slettet fra (.*)", "trail.detail.file-deleted-from"),
            new Rule("record-delete", "([^,]+), fil ikke slettet: ingen kvittering sier hvor den ble lest inn fra", "trail.detail.file-no-receipt"),
            new Rule("record-delete", "([^,]+), fil ikke slettet: stien fører ut av bunken", "trail.detail.file-outside"),
            new Rule("record-delete", "([^,]+), fil ikke slettet: den ligger ikke lenger i (.*) \\(eller ligger inne i en annen fil\\)",
                    "trail.detail.file-gone"),
            new Rule("record-delete", "([^,]+), fil ikke slettet: bunken (.*) finnes ikke lenger", "trail.detail.bundle-gone"),
            new Rule("records-delete", "(\\d+) journaler og klientdokumenter", "trail.detail.records-deleted"),
            new Rule("case-reindex", "(\\d+) dokumenter merket på nytt; indikatorer (\\d+) → (\\d+), sitater (\\d+) → (\\d+), "
                    + "lovhenvisninger (\\d+) → (\\d+)", "trail.detail.reindexed"),
            new Rule("case-reindex", "(\\d+) dokumenter merket på nytt; indikatorer (\\d+) → (\\d+), sitater (\\d+) → (\\d+), "
                    + "lovhenvisninger (\\d+) → (\\d+); kjøringen stoppet etter (\\d+) av (\\d+) dokumenter",
                    "trail.detail.reindexed-stopped"),
            new Rule("finding-create", "med sitat fra (.*)", "trail.detail.with-quotation"),
            new Rule("quotation-attach", "#(\\d+) fra (.*)", "trail.detail.attached"),
            new Rule("sign-in", "identitetstilbyder", "trail.detail.identity-provider"),
            new Rule("sign-in-refused", "sperret", "trail.detail.locked"),
            new Rule("sign-in-failed", "feil brukernavn eller passord", "trail.detail.wrong"),
            new Rule("member-set", "leder", "trail.detail.role.lead"),
            new Rule("member-set", "leser", "trail.detail.role.reader"),
            new Rule("member-set", "leder, saken er lukket", "trail.detail.role.lead-closed"),
            new Rule("member-set", "revisor, saken er lukket", "trail.detail.role.auditor-closed"),
            new Rule("member-set", "skribent, saken er lukket", "trail.detail.role.writer-closed"),
            new Rule("member-set", "leser, saken er lukket", "trail.detail.role.reader-closed"),
            new Rule("member-remove", "saken er lukket", "trail.detail.closed"));

    /** The actions whose detail names documents by their ids (the trail never holds a file's name, which may name a person). */
    private static final Set<String> NAMING_DOCUMENTS = Set.of("show-quotations", "finding-create", "quotation-attach");
    /** A document's id as the index makes it. */
    private static final Pattern DOC_ID = Pattern.compile("\\b[0-9a-f]{16}\\b");

    private TrailWording() {
    }

    /**
     * A detail's document ids given their files' names for the reader of the trail ({@code notat.pdf (1acc467555cf747e)}),
     * where the action names documents and the document is still in the index; the entry itself keeps the id.
     *
     * @param fileOf a document id's file, or null when it is not known (deleted records)
     */
    static String withFiles(String action, String text, Function<String, String> fileOf) {
        if (text == null || !NAMING_DOCUMENTS.contains(action)) {
            return text;
        }
        Matcher m = DOC_ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String file = fileOf.apply(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(file == null ? m.group() : file + " (" + m.group() + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The detail as the reader of the trail is shown it: as {@link #today} words it, its fixed words then from the
     * reader's catalogue ({@link #WORDS}); the recorded entry is not changed (its hash covers the stored text).
     */
    static String shown(Texts texts, String action, String detail) {
        String bokmal = today(action, detail);
        Map.Entry<Rule, Matcher> hit = first(WORDS, action, bokmal);
        if (hit == null) {
            return bokmal;
        }
        Matcher m = hit.getValue();
        List<String> values = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
            values.add(m.group(g));
        }
        return texts.get(hit.getKey().today(), values);
    }

    /** The detail as the trail words it now: an old English wording mapped to Bokmål, any other detail as it is. */
    static String today(String action, String detail) {
        Map.Entry<Rule, Matcher> hit = first(RULES, action, detail);
        return hit == null ? detail : hit.getValue().replaceFirst(hit.getKey().today());
    }

    /** The first of these rules that is the action's and matches the whole detail, with its match; null when none does. */
    private static Map.Entry<Rule, Matcher> first(List<Rule> rules, String action, String detail) {
        if (action == null || detail == null) {
            return null;
        }
        for (Rule r : rules) {
            if (r.action().matcher(action).matches()) {
                Matcher m = r.detail().matcher(detail);
                if (m.matches()) {
                    return Map.entry(r, m);
                }
            }
        }
        return null;
    }
}
