package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility, checked rather than assumed: axe-core run in the page the browser test shows, failing on
 * any serious or critical violation. axe-core comes from npm (its webjar is not on Maven Central), at
 * the version the parent pom pins ({@code axe-core.version}), installed under {@code target/axe} by the
 * first test that needs it (one JVM at a time); {@code EVIDENS_AXE} may name an {@code axe.min.js} instead. Never a
 * CDN: the script is read from disk, by the browser's own extension ({@link #extension}) or here, and handed to the page.
 */
final class Axe {
    private static String source;
    private static Path extension;

    private Axe() {
    }

    /**
     * Runs axe-core on the page as it stands; fails with the rules broken when any is serious or critical. A page of the
     * workspace has axe-core from the browser's extension ({@link #extension}); any other (or a browser without it) is
     * handed the script here.
     */
    static void check(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(script());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
                    .join('\\n'))).catch(e => done('axe failed: ' + e));
                """);
        assertEquals("", String.valueOf(found), "axe-core finds serious or critical accessibility violations on " + page);
    }

    private static synchronized String script() {
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
     * A Chromium extension (for {@code --load-extension}) that puts axe-core into every http and https page the browser
     * opens, in the page's own world, before the page's scripts run. Handing the 650 KB script to each new document through
     * chromedriver took 1.5–6 s a document under load (round 60: 75 s of a JVM's 123 s of accessibility checks, 35 times);
     * the browser reads an extension's script from disk itself, once, and compiles it again only from its own cache. An
     * extension's script is not held to the page's Content-Security-Policy, as a script handed through chromedriver is not
     * either, and it changes nothing on the page but the global {@code axe}, which the workspace does not use. The folder
     * is named by the script's digest under {@code target/axe/extension}, written once and shared by the JVMs of a run.
     */
    static synchronized Path extension() {
        if (extension == null) {
            try {
                String js = script();
                String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(js.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
                Path dir = Path.of("target", "axe", "extension", digest).toAbsolutePath();
                if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
                    // written aside and moved into place whole, so that a JVM beside this one never loads half of it
                    Files.createDirectories(dir.getParent());
                    Path aside = Files.createTempDirectory(dir.getParent(), digest + "-");
                    Files.writeString(aside.resolve("axe.min.js"), js, StandardCharsets.UTF_8);
                    Files.writeString(aside.resolve("manifest.json"), """
                            {"manifest_version": 3, "name": "axe-core for the browser tests", "version": "1",
                             "content_scripts": [{"matches": ["http://*/*", "https://*/*"], "js": ["axe.min.js"],
                                                  "run_at": "document_start", "world": "MAIN"}]}
                            """, StandardCharsets.UTF_8);
                    try {
                        Files.move(aside, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException taken) {
                        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
                            throw taken;
                        }
                        SampleWorkspace.delete(aside); // the other JVM's is the same script
                    }
                }
                extension = dir;
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                fail("cannot write axe-core's extension for the browser: " + e.getMessage());
            }
        }
        return extension;
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
