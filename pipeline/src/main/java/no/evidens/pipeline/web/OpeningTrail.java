package no.evidens.pipeline.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The trail line of a document read a window at a time: one line per opening of the reader, not one per window. The reader
 * names its opening (a random {@code opening} parameter, new each time it opens a document); the first window of an opening
 * writes the line as the whole document's read does, later windows of the same opening by the same user of the same document
 * write none. A window without an opening writes its line, and so does one whose opening is forgotten (more than
 * {@link #REMEMBERED} openings since, or older than {@link #KEPT_MILLIS}): the trail may get a line more, never one less,
 * so every user who read a journal or client record is in it.
 */
final class OpeningTrail {
    static final int REMEMBERED = 10_000;
    static final long KEPT_MILLIS = 8L * 60 * 60 * 1000;

    /** Writes the line of a document shown ({@code AuditService.documentShown}: journals and client records only). */
    interface Shown {
        void documentShown(String actor, String caseId, String docId, String type, String via);
    }

    private final Shown shown;
    private final LongSupplier clock;
    /** user, case, document and opening → when its line was written; the eldest forgotten first (a plain bounded map). */
    private final Map<String, Long> written = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    OpeningTrail(Shown shown, LongSupplier clock) {
        this.shown = shown;
        this.clock = clock;
    }

    /** Records that {@code user} was shown a window of the document, unless this opening's line is written already. */
    void windowShown(String user, String caseId, String docId, String type, String opening) {
        String key = opening == null ? null : String.join("\u0000", String.valueOf(user), caseId, docId, opening);
        if (key != null && written(key)) {
            return;
        }
        shown.documentShown(user, caseId, docId, type, "arbeidsflaten");
        // remembered once the line is written: a line that failed is tried again by the next window
        if (key != null) {
            remember(key);
        }
    }

    private synchronized boolean written(String key) {
        Long at = written.get(key);
        return at != null && clock.getAsLong() - at < KEPT_MILLIS;
    }

    private synchronized void remember(String key) {
        written.remove(key);
        written.put(key, clock.getAsLong());
    }
}
