package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The accessibility check every browser test leans on ({@link Axe}) shown to fail: on a page with three known violations it
 * names exactly those rules and the elements that break them, the same page put right passes, and a page axe-core cannot be
 * put into, or whose axe-core checks nothing, fails the check rather than passing it. Without this a broken injection (the
 * extension not read, its address wrong, the fallback not run) could pass every browser test unseen.
 *
 * <p>The pages come from the workspace's own request handling ({@link ApiHandler}) on a server of their own, so they carry
 * its security headers: axe-core must get into a page under the workspace's Content-Security-Policy ({@code script-src
 * 'self'}, no inline style), as in the other browser tests. The browser is the one those tests share ({@link Browser}).
 */
class AxeBrowserIT {
    private static final String CSS = """
            body { font: 16px sans-serif; color: #222; background: #fff; }
            .faint { color: #c8c8c8; }
            .clear { color: #333; }
            """;
    private static final String PICTURE = """
            <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#246"/></svg>
            """;
    /** Three violations axe-core rates serious or critical: text too faint against its background, a picture without a text, a field without a name. */
    private static final String BROKEN = """
            <!doctype html>
            <html lang="nb"><head><meta charset="utf-8"><title>Tre brudd</title><link rel="stylesheet" href="/side.css"></head>
            <body><main><h1>Tilsynsrapport</h1>
            <p id="faint" class="faint">Kommunen har ikke dokumentert vurderingen.</p>
            <img id="picture" src="/bilde.svg">
            <form><input id="name" type="text"></form>
            </main></body></html>
            """;
    /** The same page put right: readable text, the picture described, the field labelled. */
    private static final String RIGHT = """
            <!doctype html>
            <html lang="nb"><head><meta charset="utf-8"><title>Ingen brudd</title><link rel="stylesheet" href="/side.css"></head>
            <body><main><h1>Tilsynsrapport</h1>
            <p id="clear" class="clear">Kommunen har ikke dokumentert vurderingen.</p>
            <img id="picture" src="/bilde.svg" alt="Kart over kommunen">
            <form><label for="name">Navn</label> <input id="name" type="text"></form>
            </main></body></html>
            """;
    /** A page whose own script sets up a window.axe that runs no rule: what a check that checks nothing would look like. */
    private static final String HOLLOW = """
            <!doctype html>
            <html lang="nb"><head><meta charset="utf-8"><title>Tom sjekk</title><script src="/tom-axe.js"></script></head>
            <body><main><h1>Tilsynsrapport</h1><img src="/bilde.svg"></main></body></html>
            """;
    private static final String HOLLOW_AXE = """
            window.axe = { run: () => Promise.resolve({ violations: [], passes: [], incomplete: [], inapplicable: [] }) };
            """;
    private static final Map<String, String[]> FILES = Map.of(
            "/brudd.html", new String[] {"text/html; charset=utf-8", BROKEN},
            "/rett.html", new String[] {"text/html; charset=utf-8", RIGHT},
            "/tom.html", new String[] {"text/html; charset=utf-8", HOLLOW},
            "/tom-axe.js", new String[] {"text/javascript; charset=utf-8", HOLLOW_AXE},
            "/side.css", new String[] {"text/css; charset=utf-8", CSS},
            "/bilde.svg", new String[] {"image/svg+xml", PICTURE});
    /** An extension's address no browser here has: Chromium's ids are 32 letters a–p, this one never made by {@link Axe#extension}. */
    private static final String NO_EXTENSION = "chrome-extension://" + "p".repeat(32) + "/axe.min.js";

    private static Server server;
    private static String site;

    @BeforeAll
    static void serve() throws Exception {
        server = new Server();
        int port = LoopbackJetty.open(server, new HttpConfiguration());
        site = "http://127.0.0.1:" + port + "/";
        Routes routes = new Routes().outsideApi((x, p) -> {
            String[] file = FILES.get(x.path());
            if (file == null) {
                throw ApiError.notFound("error.http.no-page", x.path());
            }
            x.send(200, file[0], file[1].getBytes(StandardCharsets.UTF_8), null);
        });
        server.setHandler(new ApiHandler(new RequestGuard(Exposure.local(), port), Gate.local("testar", "t0ken"), routes, 4, 0,
                new SearchAdmission(1, java.time.Duration.ofSeconds(5)), StoreOutage.none()));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** The page opened afresh (no axe-core in it yet), its picture drawn and its style applied. */
    private static void open(Browser b, String page) {
        b.driver.get(site + page.substring(1));
        b.wait.until(d -> Boolean.TRUE.equals(b.driver.executeScript(
                "return document.readyState === 'complete' && [...document.images].every(i => i.complete);")));
    }

    @Test
    void aPageWithThreeViolationsFailsTheCheckNamingExactlyThoseRulesAndElements() throws Exception {
        try (Browser b = Browser.forSite(site, 1000, 800)) {
            open(b, "/brudd.html");
            // read from the extension: a fallback through chromedriver here would fail the test
            assertEquals(Axe.Loaded.EXTENSION, Axe.load(b.driver, "brudd", Axe.extension().script(),
                    () -> fail("axe-core was handed over through chromedriver: the page did not read it from the extension")));
            List<Axe.Violation> found = Axe.run(b.driver, "brudd");
            assertEquals(Map.of("color-contrast", List.of("#faint"), "image-alt", List.of("#picture"), "label", List.of("#name")),
                    found.stream().collect(java.util.stream.Collectors.toMap(Axe.Violation::id, Axe.Violation::targets)), found::toString);

            AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> Axe.check(b.driver, "brudd"));
            for (String rule : List.of("serious color-contrast", "critical image-alt", "critical label")) {
                assertTrue(failed.getMessage().contains(rule), failed.getMessage());
            }
        }
    }

    @Test
    void theSamePagePutRightPasses() throws Exception {
        try (Browser b = Browser.forSite(site, 1000, 800)) {
            open(b, "/rett.html");
            Axe.check(b.driver, "rett");
            assertEquals(List.of(), Axe.violations(b.driver, "rett"));
        }
    }

    @Test
    void axeCoreHandedOverThroughChromedriverFindsTheSameWhenThePageCannotReadTheExtension() throws Exception {
        try (Browser b = Browser.forSite(site, 1000, 800)) {
            open(b, "/brudd.html");
            assertEquals(Axe.Loaded.CHROMEDRIVER, Axe.load(b.driver, "brudd", NO_EXTENSION, Axe::script));
            assertEquals(List.of("color-contrast", "image-alt", "label"),
                    Axe.run(b.driver, "brudd").stream().map(Axe.Violation::id).sorted().toList());
        }
    }

    @Test
    void aPageAxeCoreCannotBeLoadedIntoFailsTheCheck() throws Exception {
        try (Browser b = Browser.forSite(site, 1000, 800)) {
            open(b, "/brudd.html");
            AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                    () -> Axe.load(b.driver, "brudd", NO_EXTENSION, () -> "/* not axe-core */"));
            assertTrue(failed.getMessage().startsWith("axe-core could not be loaded into brudd"), failed.getMessage());
        }
    }

    @Test
    void anAxeThatRunsNoRuleFailsTheCheck() throws Exception {
        try (Browser b = Browser.forSite(site, 1000, 800)) {
            open(b, "/tom.html");
            AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> Axe.check(b.driver, "tom"));
            assertEquals("axe-core ran no rule on tom: nothing was checked", failed.getMessage());
        }
    }
}
