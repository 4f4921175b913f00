package no.evidens.pipeline.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for a browser test: each {@link #view} saves a screenshot under
 * {@code target/screenshots/} and runs {@link Axe} on the page.
 */
final class Browser implements AutoCloseable {
    final ChromeDriver driver;
    final WebDriverWait wait;
    final Path downloads;
    private final Path profile;
    private final Path shots = Path.of("target", "screenshots");

    Browser() throws Exception {
        Path chromium = WorkspaceBrowserIT.binary("EVIDENS_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = WorkspaceBrowserIT.binary("EVIDENS_CHROMEDRIVER", "/usr/bin/chromedriver");
        downloads = Files.createTempDirectory("evidens-downloads");
        profile = Files.createTempDirectory("evidens-chromium");
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build(),
                options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** A screenshot of the view as it stands, then the accessibility check of it. */
    void view(String name) throws Exception {
        shot(name);
        Axe.check(driver, name);
    }

    void shot(String name) throws Exception {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        SampleWorkspace.delete(downloads);
        SampleWorkspace.delete(profile);
    }
}
