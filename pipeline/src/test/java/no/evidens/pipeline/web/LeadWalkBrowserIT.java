package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Defects a case lead's walk through the team workspace found (docs/web-walks.md, round 41), each checked in
 * Chromium, signed in as the sample case's lead ({@code leder}). Screenshots {@code target/screenshots/lead-*.png}.
 */
class LeadWalkBrowserIT {
    private static TeamWorkspace team;

    @BeforeAll
    static void start() throws Exception {
        team = TeamWorkspace.start();
        TeamWorkspace.Client auditor = team.signIn("revisor");
        for (int i = 1; i <= 4; i++) {
            TeamWorkspace.Answer a = auditor.json("POST", "/api/findings", Map.of("case", TeamWorkspace.CASE, "kind", "avvik",
                    "title", "Funn nummer " + i + " om tiltaksplaner", "requirements", List.of("barnevernloven § 8-3"),
                    "text", "Tilsynet fant at tiltaksplanen ikke ble evaluert. ".repeat(8)));
            assertEquals(201, a.status(), String.valueOf(a.body()));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(team);
    }

    private static Browser signedIn(int width, int height, String view) throws Exception {
        Browser b = Browser.forSite(team.url(), width, height);
        try {
            b.driver.get(team.url());
            b.signIn("leder", TeamWorkspace.PASSWORD);
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signout")));
            b.driver.get(team.url() + "#/" + view);
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h2")));
            return b;
        } catch (RuntimeException | Error e) {
            b.close(); // given back, not left running: the test's own try never got it
            throw e;
        }
    }

    private static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(script, args);
    }

    /**
     * At 1280×720 the header, signed in, is one line (it took two: 108 px of a 580 px high page, and stayed at the
     * top); at a phone's width the menu, pickers and user box fold behind «Meny», which opens and closes them with
     * the keyboard and says whether it is open (aria-expanded).
     */
    @Test
    void theHeaderIsOneLineOrFoldsBehindAMenuButton() throws Exception {
        try (Browser b = signedIn(1280, 720, "funn")) {
            try {
                WebElement top = b.driver.findElement(By.id("top"));
                b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signout")));
                double height = ((Number) js(b, "return arguments[0].getBoundingClientRect().height;", top)).doubleValue();
                assertTrue(height <= 60, "the header is " + height + " px high");
                assertFalse(b.driver.findElement(By.id("menu-toggle")).isDisplayed(), "no menu button where everything fits");
                assertEquals("static", js(b, "return getComputedStyle(arguments[0]).position === 'sticky' ? 'sticky' : 'static';", top),
                        "a low window keeps its height for the page");
                b.view("lead-header-1280");
            } catch (Exception | AssertionError e) {
                throw b.failure("lead-header-1280-failed", e);
            }
        }
        try (Browser b = signedIn(400, 800, "funn")) {
            try {
                WebElement toggle = b.driver.findElement(By.id("menu-toggle"));
                WebElement findings = b.driver.findElement(By.cssSelector(".top nav a[data-nav=spor]"));
                assertTrue(toggle.isDisplayed(), "«Meny» at a phone's width");
                assertEquals("false", toggle.getDomAttribute("aria-expanded"));
                assertFalse(findings.isDisplayed(), "the menu folded");
                double height = ((Number) js(b, "return document.getElementById('top').getBoundingClientRect().height;")).doubleValue();
                assertTrue(height <= 70, "the folded header is " + height + " px high");
                b.view("lead-header-phone");
                toggle.sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.attributeToBe(toggle, "aria-expanded", "true"));
                assertTrue(findings.isDisplayed(), "the menu open");
                assertTrue(b.driver.findElement(By.id("case-select")).isDisplayed(), "the case picker in the open menu");
                b.view("lead-header-phone-open");
                b.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
                b.wait.until(ExpectedConditions.attributeToBe(toggle, "aria-expanded", "false"));
                assertEquals("menu-toggle", b.driver.switchTo().activeElement().getDomAttribute("id"), "Escape gives the focus back to «Meny»");
                toggle.sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.visibilityOf(findings));
                findings.sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.urlContains("#/spor"));
                b.wait.until(ExpectedConditions.attributeToBe(toggle, "aria-expanded", "false"));
                assertFalse(findings.isDisplayed(), "the menu closes once a view is chosen");
            } catch (Exception | AssertionError e) {
                throw b.failure("lead-header-phone-failed", e);
            }
        }
    }

    /**
     * A refusal said about a form far down the page is in sight where the person is (the message line sat above the
     * view, scrolled out of sight), the field it is about marked invalid and described by it; editing the field puts
     * the message away. The same for the audit trail's date, whose old refusal stayed while another date was written.
     */
    @Test
    void aMessageIsInSightAndAboutItsField() throws Exception {
        try (Browser b = signedIn(1280, 720, "funn")) {
            try {
                WebElement card = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finding-avvik-4")));
                card.findElement(By.cssSelector("details summary")).click();
                WebElement title = card.findElement(By.cssSelector("details form input[type=text]"));
                js(b, "arguments[0].value = '   '; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", title);
                card.findElement(By.cssSelector("details form button[type=submit]")).click();
                WebElement alert = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
                assertEquals("Skriv en tittel på funnet.", alert.getText());
                assertTrue(((Number) js(b, "return window.scrollY;")).intValue() > 300, "the form is far down the page");
                assertEquals(Boolean.TRUE, js(b, "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", alert),
                        "the message is in the window");
                assertEquals(title, b.driver.switchTo().activeElement(), "the focus on the title");
                assertEquals("true", title.getDomAttribute("aria-invalid"));
                assertTrue(String.valueOf(title.getDomAttribute("aria-describedby")).contains("alert"), "the title is described by the message");
                b.view("lead-melding-i-syne");
                title.sendKeys("Ny tittel");
                b.wait.until(ExpectedConditions.invisibilityOf(alert));
                assertEquals(null, title.getDomAttribute("aria-invalid"), "no longer invalid once edited");

                b.driver.get(team.url() + "#/spor");
                WebElement since = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("audit-since")));
                since.sendKeys("31.02.2026");
                b.driver.findElement(By.cssSelector("form.audit-filter button[type=submit]")).click();
                b.wait.until(ExpectedConditions.textToBePresentInElement(alert, "31.02.2026"));
                since.sendKeys(Keys.BACK_SPACE);
                b.wait.until(ExpectedConditions.invisibilityOf(alert));
            } catch (Exception | AssertionError e) {
                throw b.failure("lead-melding-failed", e);
            }
        }
    }

    /**
     * «Godkjenn» keeps the focus on its finding (it went to the page's heading at the top), and the members form says
     * what is wrong with a name in words (a blank name named the API's field «user», an unknown or impossible one only
     * «Tjeneren avviste dette»), says a role change as one (it said «lagt til»), and keeps the focus in the form.
     */
    @Test
    void theLeadsReviewAndMembersSayWhatHappened() throws Exception {
        TeamWorkspace.Client auditor = team.signIn("revisor");
        TeamWorkspace.Answer f = auditor.get("/api/findings/" + TeamWorkspace.CASE + "/avvik-2");
        assertEquals(200, f.status(), String.valueOf(f.body()));
        assertEquals(200, auditor.json("POST", "/api/findings/" + TeamWorkspace.CASE + "/avvik-2/submit",
                Map.of("version", f.body().get("version").asInt())).status());
        try (Browser b = signedIn(1280, 720, "funn")) {
            try {
                WebElement approve = b.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#finding-avvik-2 button[data-step=approve]")));
                approve.sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "godkjent"));
                assertEquals("h-avvik-2", b.driver.switchTo().activeElement().getDomAttribute("id"), "the focus on the approved finding");

                b.driver.get(team.url() + "#/medlemmer");
                WebElement user = b.wait.until(ExpectedConditions.elementToBeClickable(By.id("member-user")));
                WebElement alert = b.driver.findElement(By.id("alert"));
                for (String[] bad : new String[][] {
                        {"   ", "Skriv brukernavnet til den du vil legge til."},
                        {"finnesikke", "Det finnes ingen bruker finnesikke. Be administratoren opprette kontoen (evidens user add finnesikke),"
                                + " og legg den til her etterpå."},
                        {"Kari Nordmann", "Et brukernavn er 1–64 små bokstaver, sifre, punktum, bindestrek eller understrek,"
                                + " og begynner med en bokstav eller et siffer."}}) {
                    user.clear();
                    user.sendKeys(bad[0]);
                    user.sendKeys(Keys.ENTER);
                    b.wait.until(ExpectedConditions.textToBePresentInElement(alert, bad[1]));
                    assertEquals(bad[1], alert.getText());
                    assertEquals("member-user", b.driver.switchTo().activeElement().getDomAttribute("id"), "the focus on the name");
                }
                b.view("lead-medlem-ukjent");
                user = b.driver.findElement(By.id("member-user"));
                user.clear();
                user.sendKeys("leser");
                new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("member-role"))).selectByValue("writer");
                user.sendKeys(Keys.ENTER);
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "leser har nå rollen skribent."));
                assertFalse(alert.isDisplayed(), "the refusal gone");
                assertEquals("member-user", b.driver.switchTo().activeElement().getDomAttribute("id"), "the focus back in the form");
            } catch (Exception | AssertionError e) {
                throw b.failure("lead-medlem-failed", e);
            }
        }
    }

    /**
     * Round 53's walk: an approved finding is locked, yet its quotations still offered «↑ Opp», «↓ Ned», «Flytt» and
     * «Fjern», another finding's quotation offered it as the place to move to, and the attach dialog offered it, each
     * only to be refused («Funnet kan ikke endres slik …»). Now those are off on the approved finding, it is no place to
     * move to, and the dialog shows it as locked and not to be chosen; «Vis i dokumentet» stays.
     */
    @Test
    void anApprovedFindingOffersNoChangeThatWouldBeRefused() throws Exception {
        TeamWorkspace.Client auditor = team.signIn("revisor");
        String findings = "/api/findings/" + TeamWorkspace.CASE + "/";
        JsonNode hit = auditor.get("/api/search?q=tiltaksplan&case=" + TeamWorkspace.CASE).body().get("hits").get(0);
        for (String ref : List.of("avvik-1", "avvik-3")) {
            TeamWorkspace.Answer a = auditor.json("POST", findings + ref + "/evidence", Map.of("docId", hit.get("docId").asText(),
                    "start", hit.get("start").asInt(), "end", hit.get("end").asInt()));
            assertEquals(201, a.status(), String.valueOf(a.body()));
        }
        int version = auditor.get(findings + "avvik-3").body().get("version").asInt();
        assertEquals(200, auditor.json("POST", findings + "avvik-3/submit", Map.of("version", version)).status());
        assertEquals(200, team.signIn("leder").json("POST", findings + "avvik-3/approve", Map.of("version", version + 1)).status());
        try (Browser b = signedIn(1280, 720, "funn")) {
            try {
                WebElement card = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#finding-avvik-3 .evidence li")));
                List<WebElement> changes = b.driver.findElements(By.cssSelector("#finding-avvik-3 .evidence li button, #finding-avvik-3 .evidence li select"));
                assertEquals(5, changes.size(), "up, down, the list and «Flytt», remove");
                for (WebElement change : changes) {
                    assertFalse(change.isEnabled(), "«" + change.getText() + "» is off on an approved finding");
                }
                assertTrue(card.findElement(By.cssSelector("a.button")).isEnabled(), "«Vis i dokumentet» stays");
                List<String> targets = new Select(b.driver.findElement(By.cssSelector("#finding-avvik-1 .evidence li select")))
                        .getOptions().stream().map(WebElement::getText).toList();
                assertFalse(targets.contains("Avvik 3"), "the approved finding is no place to move to: " + targets);

                b.driver.get(team.url() + "#/sok?q=tiltaksplan");
                b.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Legg avsnittet til funn']"))).click();
                WebElement locked = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#attach-finding option[value='avvik-3']")));
                assertFalse(locked.isEnabled(), "the approved finding cannot be chosen");
                assertEquals("Avvik 3: Funn nummer 3 om tiltaksplaner (godkjent og låst)", locked.getText());
                assertFalse("avvik-3".equals(b.driver.findElement(By.id("attach-finding")).getDomProperty("value")), "nor is it chosen first");
                b.view("lead-godkjent-laast");
            } catch (Exception | AssertionError e) {
                throw b.failure("lead-godkjent-laast-failed", e);
            }
        }
    }

    /**
     * Removing a member asks first (it removed at once, on one click beside the name): «Avbryt» keeps the member,
     * «Fjern» removes them and says so. The member is given back their role afterwards, for the other tests.
     */
    @Test
    void removingAMemberAsksFirst() throws Exception {
        TeamWorkspace.Client lead = team.signIn("leder");
        try (Browser b = signedIn(1280, 720, "medlemmer")) {
            try {
                By remove = By.xpath("//button[normalize-space()='Fjern skribent']");
                b.wait.until(ExpectedConditions.elementToBeClickable(remove)).click();
                WebElement dialog = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-dialog")));
                assertEquals("Fjerne skribent?", b.driver.findElement(By.id("ask-title")).getText());
                assertEquals("skribent mister tilgangen til saken " + TeamWorkspace.CASE + ". Du kan legge personen til igjen senere.",
                        b.driver.findElement(By.id("ask-text")).getText());
                b.view("lead-medlem-fjerne");
                b.driver.findElement(By.id("ask-cancel")).click();
                b.wait.until(ExpectedConditions.stalenessOf(dialog));
                assertTrue(members(lead).contains("skribent"), "«Avbryt» keeps the member");

                b.driver.findElement(remove).click();
                b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-ok"))).click();
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "skribent er fjernet."));
                assertFalse(members(lead).contains("skribent"), "«Fjern» removes the member");
            } catch (Exception | AssertionError e) {
                throw b.failure("lead-medlem-fjerne-failed", e);
            }
        } finally {
            lead.json("POST", "/api/members", Map.of("case", TeamWorkspace.CASE, "user", "skribent", "role", "writer"));
        }
    }

    private static List<String> members(TeamWorkspace.Client c) throws Exception {
        TeamWorkspace.Answer a = c.get("/api/members?case=" + TeamWorkspace.CASE);
        assertEquals(200, a.status(), String.valueOf(a.body()));
        List<String> users = new java.util.ArrayList<>();
        a.body().get("members").forEach(m -> users.add(m.get("user").asText()));
        return users;
    }
}
