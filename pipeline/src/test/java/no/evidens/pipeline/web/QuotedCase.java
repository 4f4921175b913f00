package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.WorkspaceClient.enc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;

/**
 * A small case ingested from a bundle folder of its own beside the sample case (whose bundle the ITs share and never
 * change), so that a test can change or remove the files its quotations were taken from: four routines, one quoted
 * sentence each, all in one finding.
 */
final class QuotedCase {
    static final String CASE = "kontroll-2026";
    /** File → the sentence quoted from it (each file also has a line before and after it). */
    static final Map<String, String> QUOTES = new LinkedHashMap<>();

    static {
        QUOTES.put("styringsdokumenter/a-rutine.txt", "Koordinatoren kaller inn ansvarsgruppen hver tredje måned.");
        QUOTES.put("styringsdokumenter/b-rutine.txt", "Barneverntjenesten evaluerer tiltaksplanen hvert halvår.");
        QUOTES.put("styringsdokumenter/c-rutine.txt", "Saksbehandleren dokumenterer samtalen med barnet samme dag.");
        QUOTES.put("styringsdokumenter/d-rutine.txt", "Lederen går gjennom fristoversikten hver fredag.");
    }

    private QuotedCase() {
    }

    /** Where the case's bundle is written: inside the copied home, so that it goes with it. */
    static Path bundle(EvidensHome home) {
        return home.root().resolve("kontroll-bunke");
    }

    /** Writes the bundle and ingests it into the home (as a workspace's {@code before} step). */
    static void ingest(EvidensHome home) {
        try {
            for (Map.Entry<String, String> e : QUOTES.entrySet()) {
                write(home, e.getKey(), e.getValue());
            }
            ingestAgain(home);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ingest the test case: " + e.getMessage(), e);
        }
    }

    /** Ingests the bundle as it is now (a changed file's new content becomes a document of its own in the case). */
    static void ingestAgain(EvidensHome home) throws Exception {
        new Ingestion(home, new DocumentAnalyser(), 1).ingest(CASE, bundle(home), ProgressListener.NONE);
    }

    /** Writes one file of the bundle with its quoted sentence in the middle (or other words in its place). */
    static void write(EvidensHome home, String file, String middle) throws java.io.IOException {
        Path p = bundle(home).resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "Rutine for oppfølging av barn i kommunen.\n\n" + middle + "\n\nRutinen gjelder fra januar 2026.\n",
                StandardCharsets.UTF_8);
    }

    /** Creates a finding in the case and attaches each file's sentence to it, in order; returns the items' ids. */
    static List<Long> quote(WorkspaceClient client) throws Exception {
        WorkspaceClient.Answer f = client.json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Rutinene følges ikke\"}");
        if (f.status() != 201) {
            throw new IllegalStateException("finding: " + f.status() + " " + f.text());
        }
        String ref = f.body().get("ref").asText();
        List<Long> items = new ArrayList<>();
        for (String sentence : QUOTES.values()) {
            String word = sentence.split(" ")[0];
            JsonNode hit = client.get("/api/search?q=" + enc(word) + "&case=" + CASE).body().get("hits").get(0);
            String docId = hit.get("docId").asText();
            String text = client.get("/api/document?case=" + CASE + "&doc=" + docId).body().get("document").get("text").asText();
            int start = text.indexOf(sentence);
            WorkspaceClient.Answer a = client.json("POST", "/api/findings/" + CASE + "/" + ref + "/evidence",
                    "{\"docId\":\"" + docId + "\",\"start\":" + start + ",\"end\":" + (start + sentence.length()) + "}");
            if (a.status() != 201 || start < 0) {
                throw new IllegalStateException("attach «" + sentence + "»: " + a.status() + " " + a.text());
            }
            JsonNode evidence = a.body().get("evidence");
            items.add(evidence.get(evidence.size() - 1).get("id").asLong());
        }
        return items;
    }

    /** Follows the case's check until it is no longer running (a bounded wait), and answers how it ended. */
    static JsonNode finished(WorkspaceClient client, String caseId) throws Exception {
        JsonNode c = client.get("/api/cases/" + caseId + "/verify").body();
        for (int i = 0; i < 600 && "running".equals(c.get("state").asText()); i++) {
            Thread.sleep(200);
            c = client.get("/api/cases/" + caseId + "/verify").body();
        }
        return c;
    }

    /** The quotations of a check by their item's id. */
    static Map<Long, JsonNode> byItem(JsonNode check) {
        Map<Long, JsonNode> out = new LinkedHashMap<>();
        check.get("quotations").forEach(q -> out.put(q.get("item").asLong(), q));
        return out;
    }
}
