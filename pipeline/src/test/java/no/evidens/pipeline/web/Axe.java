package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility, checked rather than assumed: axe-core run in the page the browser test shows, failing on
 * any serious or critical violation. axe-core comes from npm (its webjar is not on Maven Central), at
 * the version the parent pom pins ({@code axe-core.version}), installed under {@code target/axe} by the
 * first test that needs it (one JVM at a time); {@code EVIDENS_AXE} may name an {@code axe.min.js} instead. Never a
 * CDN: the script is read from disk, by the browser from its extension ({@link #extension}) or here, and handed to the page.
 */
final class Axe {
    private static String source;
    private static Extension extension;

    /** axe-core as a Chromium extension: its folder (for {@code --load-extension}) and the id the browser knows it by. */
    record Extension(Path dir, String id) {
        /** The script's address inside a browser that loaded the extension. */
        String script() {
            return "chrome-extension://" + id + "/axe.min.js";
        }
    }

    private Axe() {
    }

    /**
     * Runs axe-core on the page as it stands; fails with the rules broken when any is serious or critical. A page that has
     * no axe-core yet (a new document) has it read by the browser from its extension ({@link #extension}); only when that
     * fails (a browser without it) is the script handed over through chromedriver. A page axe-core cannot be put into, or
     * on which it runs no rule at all, fails the check too: a check that checked nothing must not pass.
     */
    static void check(WebDriver driver, String page) {
        List<Violation> found = violations(driver, page);
        assertEquals("", found.stream().map(Violation::toString).collect(Collectors.joining("\n")),
                "axe-core finds serious or critical accessibility violations on " + page);
    }

    /** A rule axe-core finds broken on the page: its impact, id, help text and the first three elements it names. */
    record Violation(String impact, String id, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + id + ": " + help + " at " + String.join(", ", targets);
        }
    }

    /** Where the page's axe-core came from ({@link #load}). */
    enum Loaded { ALREADY, EXTENSION, CHROMEDRIVER }

    /** The serious and critical violations axe-core finds on the page as it stands, loaded as {@link #check} says. */
    static List<Violation> violations(WebDriver driver, String page) {
        load(driver, page, extension().script(), Axe::script);
        return run(driver, page);
    }

    /**
     * Puts axe-core into the page unless it is there: read by the page from {@code fromExtension} (a script element), else
     * {@code fallback}'s source handed through chromedriver. Fails, naming both ways, when neither leaves axe-core there.
     */
    static Loaded load(WebDriver driver, String page, String fromExtension, Supplier<String> fallback) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (present(js)) {
            return Loaded.ALREADY;
        }
        if (Boolean.TRUE.equals(js.executeAsyncScript(FROM_EXTENSION, fromExtension))) {
            return Loaded.EXTENSION;
        }
        js.executeScript(fallback.get());
        if (present(js)) {
            return Loaded.CHROMEDRIVER;
        }
        return fail("axe-core could not be loaded into " + page + ": neither read from the browser's extension (" + fromExtension
                + ") nor handed over through chromedriver");
    }

    private static boolean present(JavascriptExecutor js) {
        return Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function';"));
    }

    /**
     * Runs the axe-core the page holds; fails when it fails or when it ran no rule (every rule it runs comes back in one of
     * its four lists, with {@code resultTypes} limiting only the elements named in the three other than violations).
     */
    @SuppressWarnings("unchecked")
    static List<Violation> run(WebDriver driver, String page) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done({
                    ran: [r.passes, r.violations, r.incomplete, r.inapplicable].reduce((n, l) => n + (l ? l.length : 0), 0),
                    violations: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({ impact: v.impact, id: v.id, help: v.help,
                                     targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))
                })).catch(e => done('axe failed: ' + e));
                """);
        if (!(answer instanceof Map<?, ?> result)) {
            return fail("axe-core could not check " + page + ": " + answer);
        }
        if (!(result.get("ran") instanceof Number ran) || ran.longValue() == 0) {
            return fail("axe-core ran no rule on " + page + ": nothing was checked");
        }
        List<Violation> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            found.add(new Violation(String.valueOf(v.get("impact")), String.valueOf(v.get("id")), String.valueOf(v.get("help")),
                    ((List<Object>) v.get("targets")).stream().map(String::valueOf).toList()));
        }
        return found;
    }

    /**
     * Loads axe-core into the page from the browser's extension: a script element, taken out again once it has run, so that
     * axe-core checks the page as it was. An extension's resource is not held to the page's Content-Security-Policy
     * ({@code script-src 'self'} in the workspace), as a script handed through chromedriver is not either.
     */
    private static final String FROM_EXTENSION = """
            const done = arguments[arguments.length - 1];
            const s = document.createElement('script');
            s.src = arguments[0];
            s.onload = () => { s.remove(); done(typeof window.axe === 'object'); };
            s.onerror = () => { s.remove(); done(false); };
            (document.head || document.documentElement).append(s);
            """;

    /** axe-core's source, read once ({@link #installed}). */
    static synchronized String script() {
        if (source == null) {
            try {
                source = Files.readString(installed(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                fail("cannot read axe-core: " + e.getMessage());
            }
        }
        return source;
    }

    /**
     * axe-core as a Chromium extension each browser test's Chromium loads ({@code --load-extension}), offering the script
     * to the pages it opens ({@code web_accessible_resources}) but putting it into none by itself. Handed to each new
     * document through chromedriver, the 650 KB script took 1.5–6 s a document under load (round 60: 75 s of a JVM's 123 s
     * of accessibility checks, 35 times): its JSON made, read and passed on by Selenium, chromedriver and the browser. A
     * page reads it from the extension as from a file: about a third of the time and of the CPU (round 61). Not put into
     * every page by a content script: that compiled and ran it on every page load, some 0.1 CPU s each, and the tests
     * load many more pages than they check. The folder, under {@code target/axe/extension}, is named by the digest of the
     * script and the manifest, written once and shared by the JVMs of a run. Its manifest's key (the public half of a new
     * RSA key) fixes the id the browser knows it by: Chromium takes the first 128 bits of the key's SHA-256, written in
     * the letters a–p.
     */
    static synchronized Extension extension() {
        if (extension == null) {
            try {
                String js = script();
                String digest = HexFormat.of().formatHex(sha256((MANIFEST + js).getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 16);
                Path dir = Path.of("target", "axe", "extension", digest).toAbsolutePath();
                Path manifest = dir.resolve("manifest.json");
                if (!Files.isRegularFile(manifest)) {
                    write(dir, digest, js);
                }
                Matcher key = Pattern.compile("\"key\": \"([^\"]+)\"").matcher(Files.readString(manifest, StandardCharsets.UTF_8));
                if (!key.find()) {
                    fail("no key in " + manifest);
                }
                StringBuilder id = new StringBuilder();
                for (char c : HexFormat.of().formatHex(sha256(Base64.getDecoder().decode(key.group(1)))).substring(0, 32).toCharArray()) {
                    id.append((char) ('a' + Character.digit(c, 16)));
                }
                extension = new Extension(dir, id.toString());
            } catch (IOException | GeneralSecurityException e) {
                fail("cannot write axe-core's extension for the browser: " + e.getMessage());
            }
        }
        return extension;
    }

    /** Writes the extension aside and moves it into place whole, so that a JVM beside this one never loads half of it. */
    private static void write(Path dir, String digest, String js) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir.getParent());
        Path aside = Files.createTempDirectory(dir.getParent(), digest + "-");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String key = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
        Files.writeString(aside.resolve("axe.min.js"), js, StandardCharsets.UTF_8);
        Files.writeString(aside.resolve("manifest.json"), MANIFEST.formatted(key), StandardCharsets.UTF_8);
        try {
            Files.move(aside, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException taken) {
            SampleWorkspace.delete(aside);
            if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
                throw taken;
            } // else the other JVM's, of the same script
        }
    }

    /** The extension's manifest, its key left to fill in. */
    private static final String MANIFEST = """
            {"manifest_version": 3, "name": "axe-core for the browser tests", "version": "1",
             "key": "%s",
             "web_accessible_resources": [{"resources": ["axe.min.js"], "matches": ["http://*/*", "https://*/*"]}]}
            """;

    private static byte[] sha256(byte[] bytes) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    /** axe.min.js: EVIDENS_AXE, else installed from npm under target/axe (once). */
    private static Path installed() throws IOException {
        String given = System.getenv("EVIDENS_AXE");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String version = System.getProperty("evidens.axe.version", "4.14.1");
        Path dir = Path.of("target", "axe", version).toAbsolutePath();
        Path js = dir.resolve("node_modules/axe-core/axe.min.js");
        if (Files.isRegularFile(js)) {
            return js;
        }
        Files.createDirectories(dir);
        // The integration tests run in two JVMs at once: the first to take the lock installs, the other waits for it
        // and finds the script there (two npm installs into one folder at once could leave it half written).
        try (FileChannel lock = FileChannel.open(dir.resolveSibling(version + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            lock.lock(); // released when the channel closes
            if (!Files.isRegularFile(js)) {
                npmInstall(dir, version);
            }
        }
        return js;
    }

    /** Installs axe-core at this version under {@code dir} with npm; fails saying why when it cannot. */
    private static void npmInstall(Path dir, String version) throws IOException {
        Path log = dir.resolve("npm.log");
        ProcessBuilder npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-save", "--no-audit", "--no-fund",
                "--loglevel=error", "axe-core@" + version).redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            Process p = npm.start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail("npm install axe-core@" + version + " failed (see " + log + "): " + Files.readString(log));
            }
        } catch (IOException e) {
            fail("the browser tests need npm (Debian: apt-get install npm) to install axe-core, or EVIDENS_AXE naming axe.min.js: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while installing axe-core");
        }
    }
}
