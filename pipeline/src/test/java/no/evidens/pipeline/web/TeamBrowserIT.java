package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The team workspace in a real browser (headless Chromium, as {@link WorkspaceBrowserIT}): the sign-in
 * page, a wrong password, signing in, seeing only one's own cases, a document of another case refused,
 * signing out; and a lead adding a member. Screenshots go to {@code target/web-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamBrowserIT {
    private TeamWorkspace team;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private String docId;
    private final Path shots = Path.of("target", "web-screenshots");

    @BeforeAll
    void start() throws Exception {
        Path chromium = WorkspaceBrowserIT.binary("EVIDENS_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = WorkspaceBrowserIT.binary("EVIDENS_CHROMEDRIVER", "/usr/bin/chromedriver");
        team = TeamWorkspace.start();
        JsonNode hit = team.signIn("leser").get("/api/search?q=" + URLEncoder.encode("\"individuell plan\"", StandardCharsets.UTF_8)
                + "&case=" + TeamWorkspace.CASE).body().get("hits").get(0);
        docId = hit.get("docId").asText();
        profile = Files.createTempDirectory("evidens-chromium");
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1300,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build(),
                options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (team != null) {
            team.close();
        }
        if (profile != null) {
            SampleWorkspace.delete(profile);
        }
    }

    private void shot(String name) throws Exception {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!name.startsWith("failure")) {
            Axe.check(driver, name);
        }
    }

    private void signIn(String user, String password) {
        wait.until(ExpectedConditions.urlContains("/signin.html"));
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-user")));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
    }

    private List<String> cases() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-box"), "Innlogget som"));
        // The user box is shown before the cases are loaded: wait for them too.
        wait.until(d -> !new Select(d.findElement(By.id("case-select"))).getOptions().isEmpty());
        return new Select(driver.findElement(By.id("case-select"))).getOptions().stream().map(WebElement::getText).toList();
    }

    @Test
    void signInSeeOnlyOnesCasesAndBeRefusedAnotherCasesDocument() throws Exception {
        driver.get(team.url());
        signIn("utenfor", "feil passord");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertTrue(error.getText().contains("Feil brukernavn eller passord"), error.getText());
        shot("team-01-wrong-password");

        signIn("utenfor", TeamWorkspace.PASSWORD);
        assertEquals(List.of(TeamWorkspace.OTHER_CASE), cases());
        shot("team-02-own-cases");
        driver.get(team.url() + "#/dokument?case=" + TeamWorkspace.CASE + "&doc=" + docId);
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main .alert")));
        assertTrue(refused.getText().contains("Du har ikke tilgang"), refused.getText());
        assertTrue(driver.findElements(By.id("doc-text")).isEmpty(), "no document text on the page");
        shot("team-03-forbidden-document");

        driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.urlContains("/signin.html"));
        driver.get(team.url());
        signIn("leder", TeamWorkspace.PASSWORD);
        assertTrue(cases().contains(TeamWorkspace.CASE));
        driver.get(team.url() + "#/medlemmer");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-user")));
        user.sendKeys("utenfor");
        new Select(driver.findElement(By.id("member-role"))).selectByValue("reader");
        driver.findElement(By.cssSelector("form.member-add button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main table"), "utenfor"));
        shot("team-04-member-added");
    }
}
