package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every word the workspace shows comes from the catalogue: each key the views name is in it (so no view
 * shows a bare key), and no view script writes a Norwegian sentence or a catalogue word of its own.
 */
class WorkspaceWordsTest {
    /** The view scripts (signin.js is left out: it keeps Bokmål fallbacks for a server it cannot reach). */
    private static final List<String> VIEWS = List.of("app.js", "texts.js", "search.js", "reader.js", "history.js", "jobs.js", "case.js",
            "inbox.js", "group.js", "forms.js", "members.js",
            "dialogs.js");
    /** Short words that mark a literal as Norwegian prose (Bokmål or Nynorsk). */
    private static final Set<String> PROSE = Set.of("og", "i", "er", "av", "til", "som", "på", "med", "ikke", "ikkje", "en", "ei", "et", "eit",
            "for", "ingen", "det", "den", "fra", "frå", "kan", "har", "ble", "vart", "bare", "berre", "nå");
    /** Values the views compare with, not words they show: a finding's status from the server, a key event's {@code key}. */
    private static final Set<String> DATA = Set.of("til gjennomgang", "Enter");
    private static final Pattern KEY = Pattern.compile("\\bT\\('([A-Za-z0-9_.\\-]+)('\\s*[,)])?");
    private static final Pattern DATA_T = Pattern.compile("data-t(?:-label)?=\"([^\"]+)\"");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|`((?:[^`\\\\]|\\\\.)*)`");

    private static String resource(String name) throws IOException {
        try (InputStream in = WorkspaceWordsTest.class.getResourceAsStream("/no/evidens/pipeline/web/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Properties bokmal() throws IOException {
        Properties p = new Properties();
        try (InputStream in = WorkspaceWordsTest.class.getResourceAsStream("/no/evidens/pipeline/web/messages_nb.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The script without its comments (a // inside a string is rare enough in these files to be kept as is). */
    private static String code(String js) {
        return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    @Test
    void everyKeyAViewNamesIsInTheCatalogue() throws IOException {
        Properties nb = bokmal();
        List<String> missing = new ArrayList<>();
        for (String file : VIEWS) {
            Matcher m = KEY.matcher(code(resource("static/" + file)));
            while (m.find()) {
                String key = m.group(1);
                boolean whole = m.group(2) != null;
                // T('ui.type.' + t): some key must start so
                boolean known = whole ? nb.containsKey(key) : nb.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key));
                if (!known) {
                    missing.add(file + ": " + key);
                }
            }
        }
        for (String page : List.of("static/index.html", "static/signin.html")) {
            Matcher m = DATA_T.matcher(resource(page));
            while (m.find()) {
                if (!nb.containsKey(m.group(1))) {
                    missing.add(page + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noViewWritesNorwegianWordsOfItsOwn() throws IOException {
        Set<String> catalogueWords = new java.util.HashSet<>();
        Properties nb = bokmal();
        for (String k : nb.stringPropertyNames()) {
            String v = nb.getProperty(k);
            // a word as a person reads it (capitalised); lower-case ones double as ids (type, status, merknad)
            if ((k.startsWith("ui.") || k.startsWith("facet.")) && Character.isUpperCase(v.codePointAt(0))) {
                catalogueWords.add(v);
            }
        }
        List<String> found = new ArrayList<>();
        for (String file : VIEWS) {
            // a line marked catalogue-fallback says what to show when the catalogue itself cannot be had
            String js = code(resource("static/" + file)).replaceAll("(?m)^.*catalogue-fallback.*$", "");
            Matcher m = LITERAL.matcher(js);
            while (m.find()) {
                String text = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("\\$\\{[^}]*}", " ");
                if (!DATA.contains(text) && (catalogueWords.contains(text.strip()) || prose(text))) {
                    found.add(file + ": " + text);
                }
            }
        }
        assertEquals(List.of(), found, "words to move into messages_nb/nn.properties");
    }

    /** Two or more words, one of them a short Norwegian function word. */
    private static boolean prose(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        long real = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).count();
        return real >= 2 && java.util.Arrays.stream(words).anyMatch(PROSE::contains);
    }

    /** An action the audit trail records, as its id: {@code record(actor, "group-add", …)}, {@code chosen ? "a" : "b"}. */
    private static final Pattern AUDIT_ACTION = Pattern.compile(
            "(?:\\.record|new\\s+AuditEvent)\\(\\s*[\\w.()]+,\\s*(?:[\\w.]+\\s*\\?\\s*)?\"([a-z-]+)\"(?:\\s*:\\s*\"([a-z-]+)\")?");

    @Test
    void everyActionTheTrailRecordsIsNamedInTheCatalogue() throws IOException {
        Properties nb = bokmal();
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = AUDIT_ACTION.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= 2; g++) {
                        if (m.group(g) != null) {
                            found++;
                            if (!nb.containsKey("ui.audit.action." + m.group(g))) {
                                missing.add(file.getFileName() + ": " + m.group(g));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "the audit page shows these ids raw: name them in messages_nb/nn (ui.audit.action.*)");
        assertTrue(found >= 15, "the scan finds the actions (" + found + ")");
    }

    /** A call of the browser's own dialogs, whose buttons and title the browser words in its language. */
    private static final Pattern BROWSER_DIALOG = Pattern.compile("(?<![\\w.$])(?:window\\.)?(confirm|alert|prompt)\\s*\\(");

    @Test
    void noScriptOpensTheBrowsersOwnDialogs() throws IOException {
        List<String> found = new ArrayList<>();
        for (String file : java.util.stream.Stream.concat(VIEWS.stream(), java.util.stream.Stream.of("signin.js")).toList()) {
            Matcher m = BROWSER_DIALOG.matcher(code(resource("static/" + file)));
            while (m.find()) {
                found.add(file + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, "ask() (dialogs.js) asks in the workspace's words; the browser's confirm() says OK/Cancel in its own");
        assertTrue(BROWSER_DIALOG.matcher("if (!confirm(q)) return;").find() && BROWSER_DIALOG.matcher("window.alert('x')").find()
                && !BROWSER_DIALOG.matcher("ask(t, q, a); el.confirmed(); x.prompt ()").find());
    }

    /** A server time cut to {@code 2026-12-05 20:31}: the UTC instant's digits, read as the auditor's own clock. */
    private static final Pattern RAW_TIME = Pattern.compile("\\.slice\\(0,\\s*1[0-9]\\)\\.replace\\(\\s*'T'");

    /**
     * Round 45's walk: a finding's card said «endret 2026-12-05 20:31 av siri», the server's UTC time in the ISO form, an
     * hour behind a Norwegian clock in winter, beside the check's «5.12.2026, 21:31:00»; the earlier ingestions' table too.
     * Every time a view shows goes through localDate (texts.js): the user's zone, the date in Norwegian form.
     */
    @Test
    void noViewShowsAServerTimeAsItsRawDigits() throws IOException {
        List<String> found = new ArrayList<>();
        for (String file : VIEWS) {
            Matcher m = RAW_TIME.matcher(code(resource("static/" + file)));
            while (m.find()) {
                found.add(file + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, "show a time with localDate(iso, true)");
        assertTrue(RAW_TIME.matcher("f.updatedAt.slice(0, 16).replace('T', ' ')").find());
    }

    @Test
    void theTestSeesALiteralItShouldFlag() {
        assertTrue(prose("Ingen treff i saken"));
        assertTrue(!prose("ansvarsgruppe taushetsplikt") && !prose("application/json"));
    }
}
