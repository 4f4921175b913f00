package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.NorwegianText.assertNorwegian;
import static no.evidens.pipeline.web.WorkspaceClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/**
 * The refusals the services behind the web API make (the findings store, the groups, a bundle that cannot be
 * ingested) over HTTP, in Bokmål and Nynorsk: each worded from the catalogue, the whole message without an
 * English word and without a path on the server. ({@link WebMessagesIT} covers the API's own refusals.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRefusalsIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private SampleWorkspace ws;
    private WorkspaceClient client;

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(1 << 20);
        client = WorkspaceClient.of(ws);
    }

    @AfterAll
    void stop() {
        ws.close();
    }

    /** Asserts the refusal's status and its whole message in Bokmål and in Nynorsk. */
    private void refused(int status, String method, String path, String body, String bokmal, String nynorsk) throws Exception {
        Answer nb = client.send("nb", method, path, body, null);
        Answer nn = client.send("nn", method, path, body, null);
        assertEquals(status, nb.status(), nb.text());
        assertEquals(bokmal, nb.error());
        assertEquals(nynorsk, nn.error());
        assertNorwegian(nb.error());
        assertNorwegian(nn.error());
    }

    @Test
    void savedSearches() throws Exception {
        refused(400, "POST", "/api/lagrede-sok", "{\"case\":\"" + CASE + "\",\"name\":\"" + "n".repeat(201) + "\",\"query\":\"plan\"}",
                "Et lagret søk må ha et navn på 1 til 200 tegn.", "Eit lagra søk må ha eit namn på 1 til 200 teikn.");
        refused(400, "POST", "/api/lagrede-sok", "{\"case\":\"" + CASE + "\",\"name\":\"n\",\"query\":\"plan\",\"filters\":[\"type:journal\\nx\"]}",
                "Et søkefilter kan ikke inneholde linjeskift.", "Eit søkjefilter kan ikkje innehalde linjeskift.");
    }

    @Test
    void groups() throws Exception {
        refused(400, "POST", "/api/groups", "{\"id\":\"Språk 2026\"}",
                "«Språk 2026» kan ikke være id for en gruppe: bruk små bokstaver, sifre og bindestrek (for eksempel tilsyn-2026).",
                "«Språk 2026» kan ikkje vere id for ei gruppe: bruk små bokstavar, siffer og bindestrek (til dømes tilsyn-2026).");
        assertEquals(201, client.json("POST", "/api/groups", "{\"id\":\"sprak-2026\"}").status());
        refused(400, "POST", "/api/groups", "{\"id\":\"sprak-2026\"}", "Gruppen sprak-2026 finnes allerede.", "Gruppa sprak-2026 finst allereie.");
        refused(400, "POST", "/api/groups/ingen-gruppe/cases", "{\"case\":\"" + CASE + "\",\"kommune\":\"Fjordvik\",\"fylke\":\"Vestland\"}",
                "Gruppen ingen-gruppe finnes ikke.", "Gruppa ingen-gruppe finst ikkje.");
        assertEquals(200, client.json("POST", "/api/groups/sprak-2026/cases",
                "{\"case\":\"" + CASE + "\",\"kommune\":\"Fjordvik\",\"fylke\":\"Vestland\"}").status());
        refused(400, "GET", "/api/groups/sprak-2026/search?q=plan&filter=" + enc("farge:blå"), null,
                "Filteret «farge:blå» kan ikke brukes: skriv det som dimensjon:verdi, med en av dimensjonene case, fylke, indicator, kommune,"
                        + " lov, sitat, tjeneste, type, år.",
                "Filteret «farge:blå» kan ikkje brukast: skriv det som dimensjon:verdi, med ein av dimensjonane case, fylke, indicator, kommune,"
                        + " lov, sitat, tjeneste, type, år.");
        refused(404, "POST", "/api/groups/sprak-2026/chosen", "{\"case\":\"" + CASE + "\",\"item\":999999}",
                "Sitat nr. 999999 finnes ikke.", "Sitat nr. 999999 finst ikkje.");
    }

    @Test
    void aFailedIngestionSaysWhyInTheUsersLanguage() throws Exception {
        // a zip cut off before its central directory: it starts as a zip, and cannot be unpacked
        byte[] whole = zip("journaler/notat.txt", "Et notat om samarbeid.");
        byte[] damaged = java.util.Arrays.copyOf(whole, whole.length / 2);
        failedJob(damaged, "skadet.zip", "Filen kan ikke pakkes ut som et .zip-arkiv: pakk mappene i bunken på nytt og last opp igjen.",
                "Fila kan ikkje pakkast ut som eit .zip-arkiv: pakk mappene i bunken på nytt og last opp igjen.");
        failedJob(zip("manifest.csv", "path,type\njournaler/notat.txt,brev\n", "journaler/notat.txt", "Et notat."), "manifest.zip",
                "manifest.csv linje 1: typen «brev» er ukjent (bruk en av ", "manifest.csv linje 1: typen «brev» er ukjent (bruk ein av ");
    }

    /** Uploads a bundle, waits for its job to fail, and asserts its error in both languages (the whole, or its start). */
    private void failedJob(byte[] bundle, String name, String bokmal, String nynorsk) throws Exception {
        Answer started = client.send(client.req("/api/ingest?case=sprakprove&name=" + name).header(WebServer.TOKEN_HEADER, client.token())
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(bundle)));
        assertEquals(202, started.status(), started.text());
        String path = "/api/ingest/" + started.body().get("id").asText();
        JsonNode job = started.body();
        for (long end = System.nanoTime() + 120_000_000_000L; "running".equals(job.get("state").asText()) && System.nanoTime() < end; ) {
            Thread.sleep(200);
            job = client.get(path).body();
        }
        assertEquals("failed", job.get("state").asText(), job.toString());
        String nb = client.send("nb", "GET", path, null, null).body().get("error").asText();
        String nn = client.send("nn", "GET", path, null, null).body().get("error").asText();
        assertEquals(bokmal, bokmal.endsWith(".") ? nb : nb.substring(0, Math.min(nb.length(), bokmal.length())), nb);
        assertEquals(nynorsk, nynorsk.endsWith(".") ? nn : nn.substring(0, Math.min(nn.length(), nynorsk.length())), nn);
        assertNorwegian(nb);
        assertNorwegian(nn);
    }

    private static byte[] zip(String... namesAndTexts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndTexts[i]));
                z.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
