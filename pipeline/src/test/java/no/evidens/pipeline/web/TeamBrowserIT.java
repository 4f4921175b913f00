package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The team workspace in a real browser (headless Chromium, as {@link WorkspaceBrowserIT}): the sign-in
 * page, a wrong password, signing in, seeing only one's own cases, a document of another case refused,
 * signing out; and a lead adding a member. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamBrowserIT {
    private TeamWorkspace team;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String docId;

    @BeforeAll
    void start() throws Exception {
        team = TeamWorkspace.start();
        JsonNode hit = team.signIn("leser").get("/api/search?q=" + URLEncoder.encode("\"individuell plan\"", StandardCharsets.UTF_8)
                + "&case=" + TeamWorkspace.CASE).body().get("hits").get(0);
        docId = hit.get("docId").asText();
        browser = Browser.forSite(team.url(), 1300, 1000);
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAll(browser, team);
    }

    private List<String> cases() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-box"), "Innlogget som"));
        // The user box is shown before the cases are loaded: wait for them too.
        wait.until(d -> !new Select(d.findElement(By.id("case-select"))).getOptions().isEmpty());
        return new Select(driver.findElement(By.id("case-select"))).getOptions().stream().map(WebElement::getText).toList();
    }

    @Test
    void signInSeeOnlyOnesCasesAndBeRefusedAnotherCasesDocument() throws Exception {
        driver.manage().deleteAllCookies(); // whichever test of the class ran first
        driver.get(team.url());
        browser.signIn("utenfor", "feil passord");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertTrue(error.getText().contains("Feil brukernavn eller passord"), error.getText());
        browser.view("team-01-wrong-password");

        browser.signIn("utenfor", TeamWorkspace.PASSWORD);
        assertEquals(List.of(TeamWorkspace.OTHER_CASE), cases());
        browser.view("team-02-own-cases");
        driver.get(team.url() + "#/dokument?case=" + TeamWorkspace.CASE + "&doc=" + docId);
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main .alert")));
        assertTrue(refused.getText().contains("Du har ikke tilgang"), refused.getText());
        assertTrue(driver.findElements(By.id("doc-text")).isEmpty(), "no document text on the page");
        browser.view("team-03-forbidden-document");

        browser.signOut();
        driver.get(team.url());
        browser.signIn("leder", TeamWorkspace.PASSWORD);
        assertTrue(cases().contains(TeamWorkspace.CASE));
        driver.get(team.url() + "#/medlemmer");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-user")));
        user.sendKeys("utenfor");
        new Select(driver.findElement(By.id("member-role"))).selectByValue("reader");
        driver.findElement(By.cssSelector("form.member-add button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main table"), "utenfor"));
        browser.view("team-04-member-added");
    }

    /**
     * Round 48: a case the inbox or the command line made has no member, so it is on no one's case list, the
     * administrator's neither; an administrator of no case gives it its first lead on the members page, and the case's
     * trail names the administrator, as the command line's addition does. Round 48 (e): a name no case has yet (a
     * misspelling) is refused and told, with the existing cases as suggestions; a second click on the button, now
     * «Opprett saken … og gi medlem», makes the new case.
     */
    @Test
    void anAdministratorGivesACaseWithNoMemberItsFirstLeadOnTheMembersPage() throws Exception {
        driver.manage().deleteAllCookies();
        driver.get(team.url());
        browser.signIn("admin", TeamWorkspace.PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-box"), "Innlogget som"));
        driver.get(team.url() + "#/medlemmer");
        WebElement caseName = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-member-case")));
        wait.until(d -> d.findElements(By.cssSelector("#admin-member-cases option")).size() >= 2);
        List<String> suggested = driver.findElements(By.cssSelector("#admin-member-cases option")).stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(suggested.containsAll(List.of(TeamWorkspace.CASE, TeamWorkspace.OTHER_CASE)), suggested.toString());
        caseName.sendKeys("tom-sak-2026");
        driver.findElement(By.id("admin-member-user")).sendKeys("leser");
        assertEquals("lead", new Select(driver.findElement(By.id("admin-member-role"))).getFirstSelectedOption().getAttribute("value"));
        WebElement save = driver.findElement(By.cssSelector("form.admin-member-add button[type=submit]"));
        save.click();
        WebElement told = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
        wait.until(ExpectedConditions.textToBePresentInElement(told, "Saken tom-sak-2026 finnes ikke ennå"));
        assertEquals("Opprett saken tom-sak-2026 og gi medlem", save.getText());
        browser.view("team-05a-admin-new-case-asked");
        assertFalse(team.signIn("admin").get("/api/members/cases").body().get("cases").toString().contains("tom-sak-2026"),
                "no case is made before the administrator confirms it");

        save.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "leser har nå rollen leder i saken tom-sak-2026."));
        assertEquals("Lagre", save.getText());
        browser.view("team-05-admin-first-lead");
        driver.manage().deleteAllCookies();

        assertTrue(team.signIn("leser").get("/api/cases").body().toString().contains("tom-sak-2026"), "the new lead has the case in their list");
        List<no.evidens.findings.trail.AuditEntry> trail = new no.evidens.pipeline.findings.AuditService(
                new no.evidens.pipeline.EvidensHome(team.root), java.time.Duration.ofSeconds(20)).entries("tom-sak-2026", "admin", null);
        assertTrue(trail.stream().anyMatch(e -> e.action().equals("member-set") && "leser".equals(e.target())), trail.toString());
    }

    /**
     * Round 54: a member who is not the case's lead sees the delete button only beside their own saved searches, and saving
     * under a name another member saved is told at once (whose it is, who may replace it), not asked and then refused.
     */
    @Test
    void aMemberDeletesOnlyTheirOwnSavedSearchAndIsToldWhoseANameIs() throws Exception {
        String c = TeamWorkspace.CASE;
        TeamWorkspace.Client auditor = team.signIn("revisor");
        assertEquals(201, auditor.json("POST", "/api/lagrede-sok", Map.of("case", c, "name", "Revisors plan", "query", "tiltak",
                "filters", List.of())).status());
        assertEquals(201, team.signIn("skribent").json("POST", "/api/lagrede-sok", Map.of("case", c, "name", "Min plan", "query", "plan",
                "filters", List.of())).status());
        driver.manage().deleteAllCookies();
        driver.get(team.url());
        browser.signIn("skribent", TeamWorkspace.PASSWORD);
        cases();
        driver.get(team.url() + "#/sok?q=plan");
        By others = By.cssSelector("#saved-list tr[data-saved='Revisors plan']");
        wait.until(ExpectedConditions.presenceOfElementLocated(others));
        assertTrue(driver.findElement(others).findElements(By.tagName("button")).isEmpty(), "no delete button beside another's");
        assertEquals(1, driver.findElements(By.cssSelector("#saved-list tr[data-saved='Min plan'] button")).size(), "one's own");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("saved-name")));
        name.clear();
        name.sendKeys("Revisors plan");
        driver.findElement(By.id("save-search")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
        assertEquals("Et søk er allerede lagret som «Revisors plan» av revisor. Bare revisor eller saksleder kan erstatte det: velg et"
                + " annet navn.", driver.findElement(By.id("alert")).getText());
        assertTrue(driver.findElements(By.id("ask-text")).stream().noneMatch(WebElement::isDisplayed), "not asked");
        browser.shot("team-06-saved-search-not-yours");
        assertEquals("tiltak", driver.findElement(By.cssSelector("#saved-list tr[data-saved='Revisors plan'] td code")).getText());
        driver.manage().deleteAllCookies();
    }

    /**
     * Round 55: the findings page offers each role what it may do (the session's {@code permissions}). A report writer changes
     * a finding's wording in the form, its title read-only: the page sent the unchanged title along, which made it a change
     * of the title, refused (403) with «Rollen Skribent … gir ikke lov til å opprette, endre eller slette funn og sitater». It shows no form for a new finding and no
     * button that moves or removes a quotation; a reader sees neither these, the export nor the edit form.
     */
    @Test
    void eachRoleIsOfferedOnTheFindingsPageWhatItMayDoAndAReportWriterChangesTheWording() throws Exception {
        String c = TeamWorkspace.CASE;
        TeamWorkspace.Client lead = team.signIn("leder");
        String passage = lead.get("/api/search?q=koordinator&case=" + c).body().get("hits").get(0).get("passageId").asText();
        String ref = lead.json("POST", "/api/findings", Map.of("case", c, "kind", "avvik", "title", "Rollenes funn",
                "evidence", Map.of("passageId", passage))).body().get("ref").asText();
        driver.manage().deleteAllCookies();
        driver.get(team.url());
        browser.signIn("skribent", TeamWorkspace.PASSWORD);
        cases();
        driver.get(team.url() + "#/funn?ref=" + ref);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("finding-" + ref)));
        assertTrue(driver.findElements(By.cssSelector("details.new-finding")).isEmpty(), "no form for a new finding");
        assertFalse(driver.findElements(By.id("export-docx")).isEmpty(), "a report writer exports");
        assertTrue(card.findElements(By.cssSelector(".evidence button")).isEmpty(), "no button that moves or removes a quotation");
        assertTrue(card.findElements(By.cssSelector(".review button")).isEmpty(), "nor one that sends it to review");
        card.findElement(By.cssSelector("details > summary")).click();
        assertTrue(card.findElement(By.cssSelector("details input[type=text]")).getAttribute("readonly") != null, "the title is the auditors'");
        assertTrue(card.findElements(By.cssSelector("details button.danger")).isEmpty(), "no delete");
        List<WebElement> areas = card.findElements(By.cssSelector("details textarea"));
        WebElement wording = areas.get(areas.size() - 1);
        wording.clear();
        wording.sendKeys("Skribentens ordlyd.");
        card.findElement(By.cssSelector("details button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "er lagret."));
        assertEquals("Skribentens ordlyd.", lead.get("/api/findings/" + c + "/" + ref).body().get("text").asText());
        assertEquals("Rollenes funn", lead.get("/api/findings/" + c + "/" + ref).body().get("title").asText());
        browser.view("team-07-writer-wording");

        browser.signOut();
        driver.get(team.url());
        browser.signIn("leser", TeamWorkspace.PASSWORD);
        cases();
        driver.get(team.url() + "#/funn?ref=" + ref);
        card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("finding-" + ref)));
        assertTrue(driver.findElements(By.cssSelector("details.new-finding")).isEmpty(), "no form for a new finding");
        assertTrue(driver.findElements(By.id("export-docx")).isEmpty(), "no export");
        assertTrue(card.findElements(By.tagName("details")).isEmpty(), "no edit form");
        assertTrue(card.findElements(By.tagName("button")).isEmpty(), "no button that changes anything");
        assertFalse(card.findElements(By.cssSelector(".evidence a")).isEmpty(), "the quotation is still shown in its document");
        browser.view("team-08-reader-findings");
        driver.manage().deleteAllCookies();
    }

    /**
     * Round 55 (G2): the menu offers «Revisjonsspor» only to whom the server lets read the chosen case's trail (its lead); a
     * reader saw it and was then told 403. The page keeps no copy of the rule: the session's permissions say it.
     */
    @Test
    void theTrailIsInTheMenuOfTheCasesLeadOnly() throws Exception {
        By trail = By.cssSelector(".top nav a[data-nav=spor]");
        driver.manage().deleteAllCookies();
        driver.get(team.url());
        browser.signIn("leser", TeamWorkspace.PASSWORD);
        cases();
        new Select(driver.findElement(By.id("case-select"))).selectByValue(TeamWorkspace.CASE);
        driver.get(team.url() + "#/funn");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".top nav a[data-nav=funn]"), "aria-current", "page"));
        assertFalse(driver.findElement(trail).isDisplayed(), "a reader of " + TeamWorkspace.CASE + " is not offered its trail");
        assertTrue(driver.findElement(By.cssSelector(".top nav a[data-nav=funn]")).isDisplayed(), "the rest of the menu stays");
        browser.signOut();

        driver.get(team.url());
        browser.signIn("leder", TeamWorkspace.PASSWORD);
        cases();
        new Select(driver.findElement(By.id("case-select"))).selectByValue(TeamWorkspace.CASE);
        driver.get(team.url() + "#/funn");
        wait.until(ExpectedConditions.visibilityOfElementLocated(trail)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-table")));
        browser.signOut();
        driver.manage().deleteAllCookies();
    }

    /**
     * Round 48 (e), over HTTP: {@code "create": false} refuses a case that does not exist (404 on the field), while an
     * existing case, or a body without the field (the command line's and scripts' way), is as before; the list of every
     * case is an administrator's only.
     */
    @Test
    void theApiRefusesAnUnknownCaseOnlyWhenAskedToAndListsAllCasesToAnAdministratorOnly() throws Exception {
        TeamWorkspace.Client admin = team.signIn("admin");
        TeamWorkspace.Answer refused = admin.json("POST", "/api/members", Map.of("case", "feilstavet-sak", "user", "leser", "role", "reader", "create", false));
        assertEquals(404, refused.status(), String.valueOf(refused.body()));
        assertEquals("case", refused.body().get("field").asText());
        assertTrue(refused.body().get("error").asText().contains("Det finnes ingen sak feilstavet-sak"), refused.body().toString());
        assertFalse(admin.get("/api/members/cases").body().get("cases").toString().contains("feilstavet-sak"));

        assertEquals(201, admin.json("POST", "/api/members", Map.of("case", TeamWorkspace.OTHER_CASE, "user", "revisor", "role", "reader", "create", false)).status());
        assertEquals(201, admin.json("POST", "/api/members", Map.of("case", "forberedt-sak", "user", "leser", "role", "lead")).status());
        assertEquals(201, admin.json("POST", "/api/members", Map.of("case", "ny-sak-bekreftet", "user", "leser", "role", "lead", "create", true)).status());
        assertEquals(400, admin.json("POST", "/api/members", Map.of("case", "ny-sak-bekreftet", "user", "leser", "role", "lead", "create", "ja")).status());
        String all = admin.get("/api/members/cases").body().get("cases").toString();
        assertTrue(all.contains("forberedt-sak") && all.contains("ny-sak-bekreftet") && all.contains(TeamWorkspace.CASE), all);

        TeamWorkspace.Answer lead = team.signIn("leder").get("/api/members/cases");
        assertEquals(403, lead.status(), String.valueOf(lead.body()));
        assertFalse(String.valueOf(lead.body()).contains(TeamWorkspace.OTHER_CASE), "no case name to a non-administrator");
    }
}
