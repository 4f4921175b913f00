package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message the web API answers with comes from the Bokmål/Nynorsk catalogue: a scan of the sources
 * fails when a web handler builds a refusal from a sentence of its own instead of a key both catalogues
 * hold, or writes an {@code "error"} of its own, or reads an exception's own (English) message into an answer;
 * the findings store and the group services refuse with a key, not an English sentence; and every key a
 * refusal of the services carries ({@code Refusal}, {@code FindingsRefusal}, {@code BundleRefused},
 * {@code NotFound}) is in both catalogues too.
 */
class WebMessagesTest {
    private static final Path MAIN = Path.of("src/main/java/no/evidens/pipeline");
    /** A refusal's construction, up to its key argument. */
    private static final Pattern REFUSAL = Pattern.compile("(?:new\\s+ApiError\\s*\\(\\s*\\d+\\s*,|ApiError\\s*\\.\\s*(?:badRequest|notFound)\\s*\\(|ApiError\\s*\\.\\s*badField\\s*\\(\\s*[\\w\"]+\\s*,)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[\\w.]+(?:\\(\\))?)");
    /** Keys the API's error wording names directly (ErrorTexts, the role's word). */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:error|attach|review|query|finding)\\.[a-z0-9.-]+)\"");
    /**
     * A service refusal with its key: {@code new Refusal("key", …)}, {@code new FindingsRefusal("key", …)},
     * {@code new BundleRefused("key", …)}, {@code new NotFound(message, "key", …)}, or a key handed to the findings
     * store's {@code requireText}.
     */
    private static final Pattern SERVICE_KEY = Pattern.compile("new\\s+(?:no\\.evidens\\.pipeline\\.)?(?:(?:Findings)?Refusal\\s*\\(\\s*\"([^\"]+)\""
            + "|BundleRefused\\s*\\(\\s*\"([^\"]+)\"|NotFound\\s*\\([^;]*?,\\s*\"([a-z]+\\.[a-z0-9.-]+)\")|requireText\\([^;]*?,\\s*\"([a-z]+\\.[a-z0-9.-]+)\"");
    /** The findings module's sources: its refusals reach the web through the services. */
    private static final Path FINDINGS = Path.of("../findings/src/main/java/no/evidens/findings");
    /** An exception of the JDK thrown with an English sentence, which no front end can word in its own language. */
    private static final Pattern BARE_REFUSAL = Pattern.compile("new\\s+Illegal(?:Argument|State)Exception\\s*\\(\\s*\"");
    /**
     * The bare exceptions the findings store may still throw: checks of its callers' code (an audit entry always has
     * an actor and an action) and failures of the store itself (told as "not now", never in their words).
     */
    private static final Set<String> BARE_ALLOWED = Set.of("AuditEvent.java", "Jdbc.java", "Transactor.java", "Migrations.java",
            "FindingStore.java", "ChainHash.java", "AuditTrail.java",
            // a store server that does not answer: worded by the web from StoreUnreachable's key, never from this message
            "ServerConnection.java");
    /** An exception's own message read in the web's code: allowed only into an exception for the log (a 500 shows none). */
    private static final Pattern OWN_MESSAGE = Pattern.compile("getMessage\\(\\)|getLocalizedMessage\\(\\)|oneLine\\(");
    /** An error answer written from a string literal, not from the catalogue. */
    private static final Pattern OWN_ERROR = Pattern.compile("(?:\\.error\\s*\\(\\s*\\d+\\s*,\\s*\"|put\\s*\\(\\s*\"error\"\\s*,\\s*\")");
    /** The one refusal whose key is not a literal: a NotFound's own key, itself checked by {@link #SERVICE_KEY}. */
    private static final Set<String> FORWARDED = Set.of("e.key()");

    private static Properties catalogue(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WebMessagesTest.class.getResourceAsStream("/no/evidens/pipeline/web/messages_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void everyRefusalOfTheWebApiNamesAKeyOfBothCatalogues() throws IOException {
        Properties nb = catalogue("nb");
        Properties nn = catalogue("nn");
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Path file : sources(MAIN.resolve("web"))) {
            if (file.endsWith("ApiError.java")) {
                continue;
            }
            String code = Files.readString(file);
            Matcher m = REFUSAL.matcher(code);
            while (m.find()) {
                refusals++;
                String arg = m.group(1).strip();
                if (FORWARDED.contains(arg)) {
                    continue;
                }
                if (!arg.matches("\"[a-z]+(\\.[a-z0-9-]+)+\"")) {
                    wrong.add(file.getFileName() + ": a refusal from a sentence, not a key: " + arg);
                    continue;
                }
                String key = arg.substring(1, arg.length() - 1);
                if (!nb.containsKey(key) || !nn.containsKey(key)) {
                    wrong.add(file.getFileName() + ": " + key + " is not in both catalogues");
                }
            }
            Matcher own = OWN_ERROR.matcher(code);
            while (own.find()) {
                wrong.add(file.getFileName() + ": an error answer written from a literal at " + code.substring(own.start(), Math.min(code.length(), own.end() + 30)));
            }
            Matcher keys = KEY_LITERAL.matcher(code);
            while (keys.find()) {
                if (!nb.containsKey(keys.group(1)) || !nn.containsKey(keys.group(1))) {
                    wrong.add(file.getFileName() + ": " + keys.group(1) + " is not in both catalogues");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(refusals > 100, "the scan finds the refusals (" + refusals + ")");
    }

    @Test
    void everyKeyAServiceRefusalCarriesIsInBothCatalogues() throws IOException {
        Properties nb = catalogue("nb");
        Properties nn = catalogue("nn");
        Set<String> keys = new TreeSet<>();
        List<Path> files = new ArrayList<>(sources(MAIN));
        files.addAll(sources(FINDINGS));
        for (Path file : files) {
            Matcher m = SERVICE_KEY.matcher(Files.readString(file));
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        keys.add(m.group(g));
                    }
                }
            }
        }
        keys.add(no.evidens.findings.StoreInUse.KEY);
        List<String> missing = keys.stream().filter(k -> !nb.containsKey(k) || !nn.containsKey(k)).toList();
        assertEquals(List.of(), missing);
        assertTrue(keys.containsAll(Set.of("error.finding-unknown", "error.no-findings", "attach.span-no-words", "error.requirement.none",
                "error.group.exists", "error.title-empty", "error.bundle.manifest-type", "error.filter")), "the scan finds the services' keys: " + keys);
    }

    @Test
    void noWebAnswerCarriesAnExceptionsOwnMessage() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources(MAIN.resolve("web"))) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                // an exception's message kept in an exception the handler answers with error.internal (500), or logged
                boolean intoLog = line.contains("new IOException(") || line.contains("new UncheckedIOException(") || line.contains("LOG.");
                if (OWN_MESSAGE.matcher(line).find() && !intoLog) {
                    wrong.add(file.getFileName() + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertEquals(List.of(), wrong, "word it from a key (ErrorTexts), never from the exception's English message");
    }

    @Test
    void theFindingsStoreRefusesWithAKeyNotAnEnglishSentence() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Path> files = new ArrayList<>(sources(FINDINGS));
        files.addAll(sources(MAIN.resolve("group")));
        for (Path file : files) {
            if (BARE_ALLOWED.contains(file.getFileName().toString())) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (BARE_REFUSAL.matcher(lines.get(i)).find()) {
                    wrong.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), wrong, "throw FindingsRefusal (findings) or Refusal (pipeline) with a key of both catalogues");
        // the store's own file may keep its failures (cannot open, cannot close) but refuses a person's mistakes with a key
        String store = Files.readString(FINDINGS.resolve("FindingStore.java"));
        assertTrue(!store.contains("new IllegalArgumentException(") && store.contains("new StoreInUse("), "FindingStore refuses with keys");
    }
}
