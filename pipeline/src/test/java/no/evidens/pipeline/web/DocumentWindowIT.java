package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.WorkspaceClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/**
 * {@code GET /api/document} a window at a time ({@code from}, {@code around}, {@code size}): windows paged end to start
 * give the whole text, every passage once and every mark, with the document's offsets; the answer without them is the
 * whole document as before; the windows of one opening of the reader are one line of the trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentWindowIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private static final String QUERY = "ansvarsgruppe OR koordinator";
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

    /** The longest document of the sample with a journal's or client record's hit for the query. */
    private String journal() throws Exception {
        JsonNode hits = client.get("/api/search?q=" + enc(QUERY) + "&case=" + CASE + "&type=journal&limit=50").body().get("hits");
        String best = null;
        int longest = 0;
        for (JsonNode h : hits) {
            int length = client.get("/api/document?case=" + CASE + "&doc=" + h.get("docId").asText()).body()
                    .get("document").get("text").asText().length();
            if (length > longest) {
                longest = length;
                best = h.get("docId").asText();
            }
        }
        assertTrue(longest > 3 * TextWindow.MIN_SIZE, "a journal of several windows: " + longest);
        return best;
    }

    private String path(String docId, String more) {
        return "/api/document?case=" + CASE + "&doc=" + docId + "&q=" + enc(QUERY) + more;
    }

    @Test
    void windowsPagedEndToStartGiveTheWholeDocumentWithItsOwnOffsets() throws Exception {
        String docId = journal();
        JsonNode whole = client.get(path(docId, "")).body();
        assertFalse(whole.has("window"), "without from or around: the whole document, as before");
        assertFalse(whole.has("matchStarts"));
        String text = whole.get("document").get("text").asText();
        StringBuilder joined = new StringBuilder();
        List<String> passages = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        int windows = 0;
        for (int from = 0; from < text.length(); windows++) {
            JsonNode w = client.get(path(docId, "&from=" + from + "&size=" + TextWindow.MIN_SIZE + "&outline=" + (from == 0))).body();
            int wFrom = w.get("window").get("from").asInt();
            int wTo = w.get("window").get("to").asInt();
            assertEquals(from, wFrom, "a window asked from an offset begins there");
            assertEquals(text.length(), w.get("document").get("length").asInt());
            assertFalse(w.get("document").has("text"), "the text of the window only");
            assertEquals(from == 0, w.has("matchStarts"), "the outline of the hits when asked for");
            joined.append(w.get("window").get("text").asText());
            w.get("passages").forEach(p -> {
                assertTrue(p.get("start").asInt() >= wFrom && p.get("start").asInt() < wTo, p.toString());
                passages.add(p.toString());
            });
            for (JsonNode m : w.get("marks")) {
                assertTrue(m.get("end").asInt() > wFrom && m.get("start").asInt() < wTo, m.toString());
                if (marks.isEmpty() || !marks.get(marks.size() - 1).equals(m.toString())) {
                    marks.add(m.toString()); // a mark across two windows' meeting is in both
                }
            }
            from = wTo;
        }
        assertTrue(windows >= 3, "paged in " + windows + " windows");
        assertEquals(text, joined.toString());
        List<String> allPassages = new ArrayList<>();
        whole.get("passages").forEach(p -> allPassages.add(p.toString()));
        assertEquals(allPassages, passages, "every passage once, in order");
        List<String> allMarks = new ArrayList<>();
        whole.get("marks").forEach(m -> allMarks.add(m.toString()));
        assertFalse(allMarks.isEmpty());
        assertEquals(allMarks, marks);

        // The starts of the passages the query matches: those holding a mark of the whole document's
        TreeSet<Integer> starts = new TreeSet<>();
        for (JsonNode m : whole.get("marks")) {
            for (JsonNode p : whole.get("passages")) {
                if (p.get("start").asInt() <= m.get("start").asInt() && m.get("start").asInt() < p.get("end").asInt()) {
                    starts.add(p.get("start").asInt());
                }
            }
        }
        List<Integer> matchStarts = new ArrayList<>();
        client.get(path(docId, "&from=0")).body().get("matchStarts").forEach(s -> matchStarts.add(s.asInt()));
        assertEquals(List.copyOf(starts), matchStarts);
    }

    @Test
    void aWindowAroundAnOffsetHoldsItAndBadWindowsAreRefusedInWords() throws Exception {
        String docId = journal();
        JsonNode whole = client.get(path(docId, "")).body();
        JsonNode mark = whole.get("marks").get(whole.get("marks").size() - 1);
        JsonNode w = client.get(path(docId, "&around=" + mark.get("start").asInt() + "&size=" + TextWindow.MIN_SIZE)).body();
        int from = w.get("window").get("from").asInt();
        assertTrue(from <= mark.get("start").asInt() && mark.get("end").asInt() <= w.get("window").get("to").asInt(), w.get("window").toString());
        assertTrue(w.get("marks").toString().contains(mark.toString()));
        assertEquals(whole.get("document").get("text").asText().substring(from, w.get("window").get("to").asInt()),
                w.get("window").get("text").asText());

        Answer both = client.get(path(docId, "&from=0&around=10"));
        assertEquals(400, both.status());
        assertTrue(both.text().contains("enten «from» eller «around»"), both.text());
        assertEquals(400, client.get(path(docId, "&from=0&size=10")).status());
        assertEquals(400, client.get(path(docId, "&from=-1")).status());
        assertEquals(400, client.get(path(docId, "&from=0&opening=" + "x".repeat(65))).status());
        assertEquals(404, client.get("/api/document?case=" + CASE + "&doc=abcdef&from=0").status());
        JsonNode past = client.get(path(docId, "&from=99999999")).body();
        assertEquals("", past.get("window").get("text").asText(), "past the end: an empty window at the end");
        assertNull(past.get("newerVersion").textValue());
    }

    @Test
    void theWindowsOfOneOpeningAreOneLineOfTheTrail() throws Exception {
        String docId = journal();
        String since = java.time.Instant.now().toString();
        for (int from = 0; from < 3 * TextWindow.MIN_SIZE; from += TextWindow.MIN_SIZE) {
            assertEquals(200, client.get(path(docId, "&from=" + from + "&size=" + TextWindow.MIN_SIZE + "&opening=les-1")).status());
        }
        assertEquals(200, client.get(path(docId, "&around=500&opening=les-2")).status());
        assertEquals(200, client.get(path(docId, "&around=500")).status());
        JsonNode entries = client.get("/api/cases/" + CASE + "/audit?since=" + since).body().get("entries");
        List<String> shown = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get("action").asText().equals("show-document")) {
                assertEquals(docId, e.get("target").asText());
                shown.add(e.get("detail").asText());
            }
        });
        assertEquals(3, shown.size(), "one line for the three windows of the first opening, one for the second, one for a window "
                + "without an opening: " + entries);
        assertTrue(shown.get(0).endsWith("arbeidsflaten"), shown.get(0));
    }
}
