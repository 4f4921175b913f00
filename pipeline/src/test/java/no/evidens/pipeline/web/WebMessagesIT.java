package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.NorwegianText.assertNorwegian;
import static no.evidens.pipeline.web.WorkspaceClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/**
 * The web API's refusals over HTTP, one or more of each family (parameters, JSON bodies and fields, ids,
 * routing and request checks, things not found, uploads, quotations and findings, roles), in Bokmål and,
 * with the language cookie, in Nynorsk; none in English.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMessagesIT {
    private static final String CASE = SampleBundle.CASE_ID;
    /** Words that mark a message as English (none of them a Norwegian word). */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|is|are|must|not|no such|use|give|cannot|missing|only|upload)\\b");
    private SampleWorkspace ws;
    private WorkspaceClient client;

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(64 * 1024);
        client = WorkspaceClient.of(ws);
    }

    @AfterAll
    void stop() {
        ws.close();
    }

    /** Asserts the refusal's status and its message in Bokmål and in Nynorsk. */
    private void refused(int status, String method, String path, String body, String type, String bokmal, String nynorsk) throws Exception {
        Answer nb = client.send("nb", method, path, body, type);
        Answer nn = client.send("nn", method, path, body, type);
        assertEquals(status, nb.status(), String.valueOf(nb.body()));
        assertEquals(bokmal, nb.error());
        assertEquals(nynorsk, nn.error());
        assertFalse(ENGLISH.matcher(nb.error()).find(), nb.error());
        assertFalse(ENGLISH.matcher(nn.error()).find(), nn.error());
        assertNorwegian(nb.error());
        assertNorwegian(nn.error());
    }

    private void get(int status, String path, String bokmal, String nynorsk) throws Exception {
        refused(status, "GET", path, null, null, bokmal, nynorsk);
    }

    @Test
    void parameters() throws Exception {
        get(400, "/api/search", "Parameteren «q» mangler.", "Parameteren «q» manglar.");
        get(400, "/api/search?q=plan&limit=500", "Parameteren «limit» må være mellom 1 og 100, ikke 500.",
                "Parameteren «limit» må vere mellom 1 og 100, ikkje 500.");
        get(400, "/api/search?q=plan&offset=mange", "Parameteren «offset» må være et heltall, ikke «mange».",
                "Parameteren «offset» må vere eit heiltal, ikkje «mange».");
        get(400, "/api/search?q=plan&sort=alfabet", "Parameteren «sort» kan ikke være «alfabet»: bruk en av relevance, document, date.",
                "Parameteren «sort» kan ikkje vere «alfabet»: bruk ein av relevance, document, date.");
        get(400, "/api/search?q=plan&q=barn", "Parameteren «q» er oppgitt mer enn én gang.", "Parameteren «q» er oppgitt meir enn éin gong.");
        get(400, "/api/search?q=plan&filter=" + enc("farge:blå"),
                "Filteret «farge:blå» kan ikke brukes: skriv det som dimensjon:verdi, med en av dimensjonene case, indicator, kommune, lov, sitat, tjeneste, type, år.",
                "Filteret «farge:blå» kan ikkje brukast: skriv det som dimensjon:verdi, med ein av dimensjonane case, indicator, kommune, lov, sitat, tjeneste, type, år.");
        get(400, "/api/export?case=" + CASE + "&format=pdf", "Parameteren «format» kan ikke være «pdf»: bruk en av docx, md, csv, xlsx, json.",
                "Parameteren «format» kan ikkje vere «pdf»: bruk ein av docx, md, csv, xlsx, json.");
    }

    @Test
    void bodiesAndFields() throws Exception {
        refused(415, "POST", "/api/findings", "case=x", "application/x-www-form-urlencoded",
                "Send innholdet som JSON (Content-Type: application/json).", "Send innhaldet som JSON (Content-Type: application/json).");
        refused(400, "POST", "/api/findings", "[1]", null, "Innholdet må være et JSON-objekt.", "Innhaldet må vere eit JSON-objekt.");
        refused(400, "POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"t\",\"farge\":1}", null,
                "Feltet «farge» er ukjent: bruk case, kind, title, requirements, text, status, evidence.",
                "Feltet «farge» er ukjent: bruk case, kind, title, requirements, text, status, evidence.");
        refused(400, "POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\"}", null, "Feltet «title» mangler.",
                "Feltet «title» manglar.");
        refused(400, "POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"feil\",\"title\":\"t\"}", null,
                "Feltet «kind» kan ikke være «feil»: bruk en av avvik, merknad, observasjon.",
                "Feltet «kind» kan ikkje vere «feil»: bruk ein av avvik, merknad, observasjon.");
        refused(400, "POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":7}", null,
                "Feltet «title» må være tekst.", "Feltet «title» må vere tekst.");
    }

    /**
     * A refusal about one field of the body says which, as {@code "field"} (its JSON name), so that a form can mark it;
     * what a person typed wrong is named as the form shows the field («Tittel»), and a long line is not said back whole.
     */
    @Test
    void aRefusalOfAFieldSaysWhichField() throws Exception {
        String finding = "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",";
        refused(400, "POST", "/api/findings", finding + "\"title\":\"Plan \\ud800\"}", null,
                "Feltet «Tittel» inneholder ugyldig tekst (et halvt tegn eller et styretegn).",
                "Feltet «Tittel» inneheld ugyldig tekst (eit halvt teikn eller eit styreteikn).");
        refused(400, "POST", "/api/findings", finding + "\"title\":\"" + "T".repeat(4001) + "\"}", null,
                "Feltet «Tittel» er for langt: høyst 4000 tegn, men det har 4001. Gjør det kortere.",
                "Feltet «Tittel» er for langt: høgst 4000 teikn, men det har 4001. Gjer det kortare.");
        refused(400, "POST", "/api/findings", finding + "\"title\":\"t\",\"requirements\":[\"" + "ingen lov her ".repeat(43) + "\"]}", null,
                "Finner ingen lovhenvisning i «ingen lov her ingen lov her ingen lov her ingen lov her…»: skriv den som «barnevernloven § 4-3».",
                "Finn inga lovtilvising i «ingen lov her ingen lov her ingen lov her ingen lov her…»: skriv ho som «barnevernlova § 4-3».");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put(finding + "\"title\":\"Plan \\ud800\"}", "title");
        fields.put(finding + "\"title\":\"" + "T".repeat(4001) + "\"}", "title");
        fields.put(finding + "\"title\":\" \"}", "title");
        fields.put(finding + "\"title\":\"t\",\"requirements\":[\"ingen lov her\"]}", "requirements");
        fields.put(finding + "\"title\":\"t\",\"evidence\":{\"passageId\":\"" + CASE + "/abcdef/1\",\"note\":\"" + "n".repeat(100_001) + "\"}}", "note");
        fields.put(finding + "\"title\":\"t\",\"farge\":1}", "farge");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            Answer a = client.send("nb", "POST", "/api/findings", e.getKey(), null);
            assertEquals(400, a.status(), a.error());
            assertEquals(e.getValue(), a.body().path("field").asText(null), a.error());
        }
        Answer notAField = client.send("nb", "POST", "/api/findings", "[1]", null);
        assertEquals(400, notAField.status());
        assertFalse(notAField.body().has("field"), notAField.body().toString());
    }

    @Test
    void idsAndThingsNotFound() throws Exception {
        get(400, "/api/document?case=" + enc("../etc") + "&doc=abc",
                "«../etc» er ikke en gyldig sak: bruk bokstaver, sifre, punktum, understrek og bindestrek (for eksempel fjordvik-2026).",
                "«../etc» er ikkje ei gyldig sak: bruk bokstavar, siffer, punktum, understrek og bindestrek (til dømes fjordvik-2026).");
        get(400, "/api/document?case=" + CASE + "&doc=xyz", "«xyz» er ikke en dokument-id (slik søket viser den: heksadesimal).",
                "«xyz» er ikkje ein dokument-id (slik søket viser han: heksadesimal).");
        get(404, "/api/document?case=" + CASE + "&doc=abcdef", "Dokumentet abcdef finnes ikke i saken " + CASE + ".",
                "Dokumentet abcdef finst ikkje i saka " + CASE + ".");
        get(404, "/api/passage?id=" + enc(CASE + "/abc/99"), "Avsnittet " + CASE + "/abc/99 finnes ikke i søkeindeksen.",
                "Avsnittet " + CASE + "/abc/99 finst ikkje i søkjeindeksen.");
        get(404, "/api/findings/" + CASE + "/avvik-99", "Saken " + CASE + " har ikke noe avvik-99.", "Saka " + CASE + " har ikkje noko avvik-99.");
        get(400, "/api/findings/" + CASE + "/funn-1", "«funn-1» er ikke et funn: skriv det som avvik-1, merknad-2 eller observasjon-1.",
                "«funn-1» er ikkje eit funn: skriv det som avvik-1, merknad-2 eller observasjon-1.");
        refused(404, "DELETE", "/api/evidence/" + CASE + "/999999", null, null, "Sitat nr. 999999 finnes ikke.", "Sitat nr. 999999 finst ikkje.");
        get(404, "/api/ingest/ukjent", "Innlesing ukjent finnes ikke.", "Innlesing ukjent finst ikkje.");
    }

    @Test
    void routingAndRequestChecks() throws Exception {
        get(404, "/api/ingenting", "API-adressen /api/ingenting finnes ikke.", "API-adressa /api/ingenting finst ikkje.");
        get(404, "/ingen-side.html", "Siden /ingen-side.html finnes ikke.", "Sida /ingen-side.html finst ikkje.");
        refused(405, "DELETE", "/api/search?q=x", null, null, "Metoden DELETE kan ikke brukes på /api/search: bruk GET.",
                "Metoden DELETE kan ikkje brukast på /api/search: bruk GET.");
        String saved = client.token();
        client.token(null);
        try {
            refused(403, "POST", "/api/findings", "{}", null,
                    "Sikkerhetsnøkkelen (" + WebServer.TOKEN_HEADER + ") mangler eller er feil: last inn siden på nytt.",
                    "Tryggleiksnøkkelen (" + WebServer.TOKEN_HEADER + ") manglar eller er feil: last inn sida på nytt.");
        } finally {
            client.token(saved);
        }
    }

    @Test
    void quotationsAndFindings() throws Exception {
        String created = client.send("nb", "POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"merknad\",\"title\":\"Språk\"}", null)
                .body().get("ref").asText();
        String attach = "/api/findings/" + CASE + "/" + created + "/evidence";
        refused(400, "POST", attach, "{\"start\":1}", null, "Oppgi både start og slutt, eller ingen av dem.",
                "Oppgi både start og slutt, eller ingen av dei.");
        refused(400, "POST", attach, "{\"note\":\"n\"}", null, "Oppgi hva som skal siteres: et avsnitt, eller et utdrag av et dokument med start og slutt (i API-et: passageId, eller docId med start og end).",
                "Oppgi kva som skal siterast: eit avsnitt, eller eit utdrag av eit dokument med start og slutt (i API-et: passageId, eller docId med start og end).");
        refused(400, "POST", attach, "{\"passageId\":\"annen/abc/1\"}", null, "Avsnittet annen/abc/1 hører ikke til saken " + CASE + ".",
                "Avsnittet annen/abc/1 høyrer ikkje til saka " + CASE + ".");
        refused(400, "PATCH", "/api/findings/" + CASE + "/" + created, "{\"requirements\":[\"ingen lov her\"]}", null,
                "Finner ingen lovhenvisning i «ingen lov her»: skriv den som «barnevernloven § 4-3».",
                "Finn inga lovtilvising i «ingen lov her»: skriv ho som «barnevernlova § 4-3».");
        refused(409, "PATCH", "/api/findings/" + CASE + "/" + created, "{\"text\":\"ny\",\"version\":0}", null,
                "Funnet er endret av noen andre siden du åpnet det (du endret versjon 0, nå er det versjon 1): se over endringene og prøv igjen.",
                "Funnet er endra av nokon andre sidan du opna det (du endra versjon 0, no er det versjon 1): sjå over endringane og prøv igjen.");
    }

    @Test
    void uploads() throws Exception {
        refused(415, "POST", "/api/ingest?case=opplasting", "{}", "text/plain",
                "Last opp bunken som en .zip-fil (Content-Type application/zip), ikke text/plain.",
                "Last opp bunken som ei .zip-fil (Content-Type application/zip), ikkje text/plain.");
        refused(415, "POST", "/api/ingest?case=opplasting", "hei, ikke zip", "application/zip",
                "Filen er ikke et .zip-arkiv: pakk mappene i bunken i en .zip-fil og last opp den.",
                "Fila er ikkje eit .zip-arkiv: pakk mappene i bunken i ei .zip-fil og last opp ho.");
        refused(400, "POST", "/api/ingest?case=opplasting&municipality=" + "k".repeat(101), "x", "application/zip",
                "Parameteren «municipality» er for lang (høyst 100 tegn).", "Parameteren «municipality» er for lang (høgst 100 teikn).");
    }

    @Test
    void aRoleThatDoesNotAllowItIsNamedInTheUsersLanguage() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            TeamWorkspace.Client reader = team.signIn("leser");
            String create = "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"t\"}";
            assertEquals("Rollen Leser i saken " + CASE + " gir ikke lov til å opprette, endre eller slette funn og sitater.",
                    reader.json("POST", "/api/findings", Map.of("case", CASE, "kind", "avvik", "title", "t")).body().get("error").asText(), create);
            assertEquals(200, reader.json("POST", "/api/tekster/sprak", Map.of("sprak", "nn")).status());
            assertEquals("Rolla Lesar i saka " + CASE + " gir ikkje lov til å opprette, endre eller slette funn og sitat.",
                    reader.json("POST", "/api/findings", Map.of("case", CASE, "kind", "avvik", "title", "t")).body().get("error").asText());
            assertEquals("Du har ikkje tilgang til saka " + TeamWorkspace.OTHER_CASE + ".",
                    reader.get("/api/findings?case=" + TeamWorkspace.OTHER_CASE).body().get("error").asText());
            assertEquals("Feil brukernavn eller passord.", team.signInAs("leser", "galt").body().get("error").asText(),
                    "a sign-in is refused before the account is known: in the browser's language (Bokmål here)");
        }
    }
}
