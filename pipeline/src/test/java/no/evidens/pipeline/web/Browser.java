package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for a browser test, the one set-up every {@code *BrowserIT} shares: Debian's
 * Chromium driven through its chromedriver ({@code EVIDENS_CHROMIUM} and {@code EVIDENS_CHROMEDRIVER} name
 * other binaries), its own profile and download folder, axe-core's extension ({@link Axe#extension}), a 30-second wait; given back when the test closes it and handed
 * afresh, at the size asked for, to the next test of the JVM that asks for one of the same language ({@link #forSite}). {@link #view}
 * saves a screenshot under {@code target/screenshots/} and runs {@link Axe} on the page; {@link #shot} only saves it.
 */
final class Browser implements AutoCloseable {
    static final Path SHOTS = Path.of("target", "screenshots");
    private static final Duration DOWNLOAD = Duration.ofSeconds(30);
    /**
     * How often a wait asks the page again. Selenium's own default, half a second, left a test waiting up to that long after
     * every step whose answer was not there at the first look (a search's results, a dialog opening), and the browser
     * tests take hundreds of such steps; a look is one small command to chromedriver.
     */
    static final Duration POLL = Duration.ofMillis(50);
    /** The narrowest window headless Chromium lays a page out in. */
    private static final int HEADLESS_MIN_WIDTH = 500;

    /**
     * Browsers tests gave back ({@link #close}), the last given back first, for the next test of this JVM that asks for one
     * of the same language ({@link #forSite}), at whatever size it asks for. A Chromium start took 3–6 s of a browser test
     * under load (round 47), 6–13 s at load 20 (round 60: a hand-over 1 s), and the nineteen browser classes asked for 52
     * browsers of sixteen sizes and languages but of three languages only (the machine's, Bokmål and Nynorsk). At most {@link #KEPT} are kept (each
     * holds memory, and the last are quit as the JVM ends, which may be cut short): the oldest is quit for a newer one.
     */
    private static final Deque<Browser> SPARE = new ArrayDeque<>();
    private static final int KEPT = 3;
    private static boolean quitAtExit;

    final ChromeDriver driver;
    /** The test's wait (30 s), made anew for each test, so that a timeout one test set is not the next one's. */
    WebDriverWait wait;
    final Path downloads;
    private final Path profile;
    /** The language the browser speaks ({@code null}: the machine's): only a new Chromium can speak another. */
    private final String kind;
    /** The window's size the test asked for (a phone's width is emulated: see {@link #fresh}). */
    private int width;
    private int height;

    private Browser(int width, int height, String language) throws Exception {
        this.kind = kind(language);
        this.width = width;
        this.height = height;
        Path chromium = binary("EVIDENS_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = binary("EVIDENS_CHROMEDRIVER", "/usr/bin/chromedriver");
        downloads = Files.createTempDirectory("evidens-downloads");
        profile = Files.createTempDirectory("evidens-chromium");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath(),
                "--load-extension=" + Axe.extension().dir());
        Map<String, Object> prefs = new HashMap<>();
        if (language != null) {
            options.addArguments("--lang=" + language);
            prefs.put("intl.accept_languages", language);
        }
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build(),
                options);
        fresh();
    }

    /**
     * A browser of this size in the machine's language for a test on {@code site} (the workspace's address), 1400×1000
     * unless given; see {@link #forSite(String, int, int, String)}.
     */
    static Browser forSite(String site) throws Exception {
        return forSite(site, 1400, 1000, null);
    }

    /** A browser whose window is this large (the screenshots are), in the machine's language, for a test on {@code site}. */
    static Browser forSite(String site, int width, int height) throws Exception {
        return forSite(site, width, height, null);
    }

    /**
     * A browser whose window is this large, speaking this language (its interface, {@code navigator.language} and
     * Accept-Language: {@code nb-NO} for a Bokmål browser; the machine's when null), for a test on {@code site}: one of
     * this language a test before in this JVM gave back, made afresh, else a new one. Afresh is a new tab (no page, script
     * state, session storage, history or focus of the test before), every cookie, the site's storage and the cache
     * cleared, the download folder emptied, the window at the size this test asks for (a phone's width emulated again:
     * that is the tab's) and a new wait. The test's {@code close} gives it back; a fourth kept, or the JVM's end, quits it.
     */
    static Browser forSite(String site, int width, int height, String language) throws Exception {
        String kind = kind(language);
        Browser spare = null;
        synchronized (SPARE) {
            for (java.util.Iterator<Browser> i = SPARE.iterator(); i.hasNext() && spare == null;) {
                Browser b = i.next();
                if (b.kind.equals(kind)) {
                    i.remove();
                    spare = b;
                }
            }
        }
        if (spare != null) {
            try {
                return spare.afresh(site, width, height);
            } catch (RuntimeException broken) {
                // a browser the test before left unusable (crashed, or a tab it cannot close): a new one instead
                spare.quit();
            }
        }
        return new Browser(width, height, language);
    }

    private static String kind(String language) {
        return String.valueOf(language);
    }

    private Browser afresh(String site, int width, int height) throws java.io.IOException {
        java.util.Set<String> before = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String tab = driver.getWindowHandle();
        for (String last : before) {
            driver.switchTo().window(last).close();
        }
        driver.switchTo().window(tab);
        // The size this test asks for, whatever the test before had: the page gets the same room as in a Chromium started
        // at that size (checked in round 60: innerWidth, innerHeight, outerWidth and outerHeight alike at 1280×720,
        // 1400×1000 and 1500×1300 and, emulated, at 375×740 and 400×800).
        this.width = width;
        this.height = height;
        driver.manage().window().setSize(new Dimension(width, height));
        java.net.URI u = java.net.URI.create(site);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin",
                Map.of("origin", u.getScheme() + "://" + u.getAuthority(), "storageTypes", "all"));
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        try (java.util.stream.Stream<Path> left = Files.list(downloads)) {
            for (Path f : left.toList()) {
                SampleWorkspace.delete(f);
            }
        }
        fresh();
        return this;
    }

    /** The tab's settings a test starts from: a new wait, a phone's width emulated. */
    private void fresh() {
        wait = waiting(driver, Duration.ofSeconds(30));
        // A wait asks again at each poll: an element the page drew anew between finding it and reading it (the focused
        // one, read through switchTo().activeElement()) is a page still settling, not a failure; stalenessOf still works.
        wait.ignoring(StaleElementReferenceException.class);
        if (width < HEADLESS_MIN_WIDTH) {
            // Headless Chromium keeps its window at least 500 px wide whatever --window-size asks: a phone's width is
            // emulated, so that a test "at a phone's width" lays the page out as a phone does.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /**
     * A wait of this length on this browser that asks again every {@link #POLL}. A look that chromedriver breaks off because
     * the page is navigating (a sign-in's redirect, a reload) counts as "not yet" and is asked again: at 50 ms a look falls
     * into a navigation far more often than at 500 ms. Selenium gives that error no class of its own to ignore.
     */
    static WebDriverWait waiting(WebDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL) {
            @Override
            public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> isTrue) {
                return super.until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("aborted by navigation")) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
    }

    /** The binary the environment variable names, else the first candidate installed; fails saying what to install. */
    static Path binary(String env, String... candidates) {
        String given = System.getenv(env);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (!Files.isExecutable(p)) {
                fail(env + "=" + given + " is not an executable file");
            }
            return p;
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return fail("the browser tests need " + String.join(" or ", candidates) + " (Debian: apt-get install chromium chromium-driver;"
                + " .ci/run installs them), or " + env + " naming it");
    }

    /** A screenshot of the view as it stands, then the accessibility check of it. */
    void view(String name) throws Exception {
        shot(name);
        Axe.check(driver, name);
    }

    /** A screenshot of the view as it stands, {@code target/screenshots/<name>.png}. */
    Path shot(String name) throws Exception {
        File f = driver.getScreenshotAs(OutputType.FILE);
        return Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Fills in and sends the sign-in page, once the browser is on it. */
    void signIn(String user, String password) {
        wait.until(ExpectedConditions.urlContains("/signin.html"));
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-user")));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
    }

    /** Signs out and waits for the sign-in page. */
    void signOut() {
        driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.urlContains("/signin.html"));
    }

    /** The file the browser downloads under this name, waited for (up to 30 seconds); fails when it does not come. */
    Path download(String file) throws InterruptedException {
        Path p = downloads.resolve(file);
        long deadline = System.nanoTime() + DOWNLOAD.toNanos();
        while (!Files.isRegularFile(p) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!Files.isRegularFile(p)) {
            fail(file + " was not downloaded to " + downloads + ": " + List.of(downloads.toFile().list()));
        }
        return p;
    }

    /**
     * A failed test step, said with what the page showed: a screenshot {@code <name>.png} (no accessibility
     * check), the address, the status line and the alerts on the page.
     */
    AssertionError failure(String name, Throwable e) {
        StringBuilder said = new StringBuilder(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        try {
            said.append("\n  at ").append(driver.getCurrentUrl());
            driver.findElements(By.id("status")).forEach(s -> said.append("\n  page status: ").append(s.getText()));
            said.append("\n  alerts: ").append(driver.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText)
                    .filter(t -> !t.isBlank()).toList());
            said.append("\n  screenshot: ").append(shot(name).toAbsolutePath());
        } catch (Exception | AssertionError unreadable) {
            e.addSuppressed(unreadable);
        }
        return new AssertionError(said.toString(), e);
    }

    /** Closes what a browser test opened, in this order, skipping what a failed set-up never opened. */
    static void closeAll(AutoCloseable... opened) throws Exception {
        for (AutoCloseable o : opened) {
            if (o != null) {
                o.close();
            }
        }
    }

    /** Gives the browser back at the end of a test, for the next test of this JVM that asks for one of its kind. */
    @Override
    public void close() {
        Browser oldest = null;
        synchronized (SPARE) {
            if (SPARE.contains(this)) {
                return; // given back already
            }
            SPARE.push(this);
            if (SPARE.size() > KEPT) {
                oldest = SPARE.removeLast();
            }
            if (!quitAtExit) {
                quitAtExit = true;
                Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitSpare, "quit-browsers"));
            }
        }
        if (oldest != null) {
            oldest.quit();
        }
    }

    /** Quits the browsers still kept as the JVM ends, all at once: one after another, five of 24 were left running after a run at load 40 (the JVM ended first). */
    private static void quitSpare() {
        List<Thread> quitting;
        synchronized (SPARE) {
            quitting = SPARE.stream().map(b -> new Thread(b::quit, "quit-browser")).toList();
            SPARE.clear();
        }
        quitting.forEach(Thread::start);
        for (Thread t : quitting) {
            try {
                t.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Ends the browser and deletes its profile and downloads. */
    private void quit() {
        driver.quit();
        SampleWorkspace.delete(downloads);
        SampleWorkspace.delete(profile);
    }
}
