package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/**
 * The findings page's check of its quotations over HTTP ({@code POST|GET /api/cases/{case}/verify}): every quotation
 * holds; then one source changed, one removed and one replaced by a file that takes a while to hash, and each is told
 * apart in words, while a second check of the case is refused; who may check, and the audit trail's line.
 */
class QuotationCheckIT {
    private static final long GIB = 1L << 30;

    private static String path(String caseId) {
        return "/api/cases/" + caseId + "/verify";
    }

    @Test
    void eachQuotationIsToldHoldsChangedOrVanishedAndASecondCheckWaits() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(64 * 1024, QuotedCase::ingest)) {
            WorkspaceClient client = WorkspaceClient.of(ws);
            assertEquals("none", client.get(path(QuotedCase.CASE)).body().get("state").asText(), "not checked since the server started");
            List<Long> items = QuotedCase.quote(client);

            Answer started = client.json("POST", path(QuotedCase.CASE), null);
            assertEquals(202, started.status(), started.text());
            assertEquals("testar", started.body().get("by").asText());
            JsonNode all = QuotedCase.finished(client, QuotedCase.CASE);
            assertEquals("done", all.get("state").asText(), all.toString());
            assertEquals("4 sitater stemmer.", all.get("summary").asText());
            assertEquals(4, all.get("done").asInt());
            assertEquals(0, all.get("problems").asInt());
            for (JsonNode q : all.get("quotations")) {
                assertEquals("ok", q.get("status").asText());
                assertEquals("Stemmer med kilden.", q.get("text").asText());
            }

            List<String> files = List.copyOf(QuotedCase.QUOTES.keySet());
            Path bundle = QuotedCase.bundle(ws.home);
            QuotedCase.write(ws.home, files.get(1), "Barneverntjenesten evaluerer tiltaksplanen hvert år.");
            Files.delete(bundle.resolve(files.get(2)));
            // a gigabyte of nothing (a sparse file, no disk): hashing it keeps the check running while the second is asked for
            try (RandomAccessFile big = new RandomAccessFile(bundle.resolve(files.get(3)).toFile(), "rw")) {
                big.setLength(GIB);
            }
            Answer first = client.json("POST", path(QuotedCase.CASE), null);
            assertEquals(202, first.status(), first.text());
            Answer second = client.json("POST", path(QuotedCase.CASE), null);
            assertEquals(409, second.status(), second.text());
            assertEquals("Sitatene i saken " + QuotedCase.CASE + " blir kontrollert nå (startet av testar): vent til kontrollen er ferdig.",
                    second.error());
            JsonNode running = client.get(path(QuotedCase.CASE)).body();
            assertEquals("running", running.get("state").asText(), running.toString());
            assertNull(running.get("quotations"), "no outcome before the check is done");
            // the sample case is checked meanwhile: another case is not kept waiting
            Answer other = client.json("POST", path(SampleBundle.CASE_ID), null);
            assertEquals(202, other.status(), other.text());

            JsonNode after = QuotedCase.finished(client, QuotedCase.CASE);
            assertEquals("done", after.get("state").asText(), after.toString());
            assertEquals("1 sitat stemmer, 2 er endret, 1 finnes ikke lenger.", after.get("summary").asText());
            assertEquals(3, after.get("problems").asInt());
            Map<Long, JsonNode> q = QuotedCase.byItem(after);
            assertEquals("holds", q.get(items.get(0)).get("state").asText());
            JsonNode changed = q.get(items.get(1));
            assertEquals("changed", changed.get("status").asText());
            assertEquals("Kilden er endret etter at sitatet ble tatt.", changed.get("text").asText());
            assertEquals("Den nye utgaven av filen er ikke lest inn i saken: les inn bunken på nytt for å sammenligne.", changed.get("detail").asText());
            assertTrue(changed.get("problem").asBoolean());
            assertEquals("absent", changed.get("newContent").get("state").asText());
            JsonNode vanished = q.get(items.get(2));
            assertEquals("vanished", vanished.get("status").asText());
            assertEquals("Kilden finnes ikke lenger der den ble lest inn fra.", vanished.get("text").asText());
            assertEquals("changed", q.get(items.get(3)).get("state").asText());

            // in Nynorsk, the same check
            JsonNode nn = client.send("nn", "GET", path(QuotedCase.CASE), null, null).body();
            assertEquals("1 sitat stemmer, 2 er endra, 1 finst ikkje lenger.", nn.get("summary").asText());

            JsonNode sample = QuotedCase.finished(client, SampleBundle.CASE_ID);
            assertEquals("Saken har ingen sitater å kontrollere.", sample.get("summary").asText(), sample.toString());

            JsonNode trail = client.get("/api/cases/" + QuotedCase.CASE + "/audit").body().get("entries");
            long checks = 0;
            for (JsonNode e : trail) {
                if (e.get("action").asText().equals("verify-quotations")) {
                    assertEquals("testar", e.get("actor").asText());
                    checks++;
                }
            }
            assertEquals(2, checks, "the two checks that ran, not the one refused");
        }
    }

    @Test
    void everyMemberWhoReadsTheFindingsMayCheckThemAndNobodyElse() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            String c = TeamWorkspace.CASE;
            TeamWorkspace.Answer outsider = team.signIn("utenfor").json("POST", path(c), Map.of());
            assertEquals(403, outsider.status());
            assertEquals("Du har ikke tilgang til saken " + c + ".", outsider.body().get("error").asText());
            assertEquals(403, team.signIn("utenfor").get(path(c)).status(), "nor read another's check");
            assertEquals(401, team.anonymous().json("POST", path(c), Map.of()).status());
            TeamWorkspace.Client reader = team.signIn("leser");
            TeamWorkspace.Answer checked = reader.json("POST", path(c), Map.of());
            assertEquals(202, checked.status(), String.valueOf(checked.body()));
            TeamWorkspace.Client lead = team.signIn("leder");
            boolean recorded = false;
            for (JsonNode e : lead.get("/api/cases/" + c + "/audit").body().get("entries")) {
                recorded |= e.get("action").asText().equals("verify-quotations") && e.get("actor").asText().equals("leser");
            }
            assertTrue(recorded, "the trail says the reader checked the case");
            JsonNode seen = lead.get(path(c)).body();
            assertEquals("leser", seen.get("by").asText(), "the lead sees the reader's check");
            TeamWorkspace.Answer noToken = team.new Client("leser", reader.cookie, null).json("POST", path(c), Map.of());
            assertEquals(403, noToken.status(), "a check is started only with the session's token");
        }
    }

    /** «Sitatene ble sist kontrollert 5.12.2026 kl. 18.20: » before how it went. */
    private static final String CHECKED_NB = "Sitatene ble sist kontrollert \\d{1,2}\\.\\d{1,2}\\.\\d{4} kl\\. \\d{2}\\.\\d{2}: ";

    @Test
    void theLastCheckOutlivesARestartAndTheCommandLinesCheckIsSeenThroughTheApi() throws Exception {
        try (SampleWorkspace ws = SampleWorkspace.start(64 * 1024, QuotedCase::ingest)) {
            WorkspaceClient client = WorkspaceClient.of(ws);
            JsonNode never = client.get(path(QuotedCase.CASE)).body();
            assertEquals("none", never.get("state").asText());
            assertEquals("Sitatene er ikke kontrollert.", never.get("exportNote").asText());
            List<Long> items = QuotedCase.quote(client);
            List<String> files = List.copyOf(QuotedCase.QUOTES.keySet());
            QuotedCase.write(ws.home, files.get(1), "Barneverntjenesten evaluerer tiltaksplanen hvert år.");

            assertEquals(202, client.json("POST", path(QuotedCase.CASE), null).status());
            JsonNode checked = QuotedCase.finished(client, QuotedCase.CASE);
            assertEquals("3 sitater stemmer, 1 er endret.", checked.get("summary").asText(), checked.toString());
            String note = checked.get("exportNote").asText();
            assertTrue(note.matches(CHECKED_NB + "1 av 4 stemmer ikke med kilden\\."), note);
            assertTrue(Files.isRegularFile(ws.root.resolve("checks").resolve(QuotedCase.CASE + ".json")), "kept in the home");

            // a restart on the same home: the same check, told the same way
            ws.restart(home -> { });
            client = WorkspaceClient.of(ws);
            JsonNode again = client.get(path(QuotedCase.CASE)).body();
            assertEquals("done", again.get("state").asText(), again.toString());
            for (String field : List.of("by", "finished", "summary", "problems", "counts", "exportNote")) {
                assertEquals(checked.get(field), again.get(field), field);
            }
            assertEquals("changed", QuotedCase.byItem(again).get(items.get(1)).get("status").asText());
            assertEquals("Kilden er endret etter at sitatet ble tatt.", QuotedCase.byItem(again).get(items.get(1)).get("text").asText());
            String nn = client.send("nn", "GET", path(QuotedCase.CASE), null, null).body().get("exportNote").asText();
            assertTrue(nn.matches("Sitata vart sist kontrollerte .+: 1 av 4 stemmer ikkje med kjelda\\."), nn);

            // the command line's check, on the same home while the server runs: the page sees it
            Files.delete(QuotedCase.bundle(ws.home).resolve(files.get(2)));
            CliRun cli = CliRun.of("verify", "--case", QuotedCase.CASE, "--home", ws.root.toString(), "--user", "kari");
            assertEquals(3, cli.code(), cli.err());
            JsonNode fromCli = client.get(path(QuotedCase.CASE)).body();
            assertEquals("kari", fromCli.get("by").asText(), fromCli.toString());
            assertEquals("2 sitater stemmer, 1 er endret, 1 finnes ikke lenger.", fromCli.get("summary").asText());
            assertTrue(fromCli.get("exportNote").asText().matches(CHECKED_NB + "2 av 4 stemmer ikke med kilden\\."), fromCli.toString());

            // a bundle ingested into the case after the check: the note says the check came before it
            ws.restart(home -> {
                try {
                    QuotedCase.ingestAgain(home);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client = WorkspaceClient.of(ws);
            String stale = client.get(path(QuotedCase.CASE)).body().get("exportNote").asText();
            assertTrue(stale.matches(CHECKED_NB + "2 av 4 stemmer ikke med kilden\\. Det ble lest inn en bunke i saken etter kontrollen"
                    + " \\(.+\\): kontroller sitatene på nytt før rapporten går ut\\."), stale);
        }
    }
}
