package no.evidens.pipeline.findings;

import java.util.List;

/**
 * How one attached quotation stands up.
 *
 * @param finding  the finding's reference ({@code avvik-1})
 * @param item     the evidence item's id
 * @param position its position in the finding
 * @param file     the source file (path inside the bundle)
 * @param status   {@value #OK}, {@value #CHANGED}, {@value #VANISHED}, {@value #UNCHECKED} or {@value #SOURCE_DELETED}
 * @param problems what is wrong, for a person to read (empty when ok)
 * @param normaliserNote when the quotation was made under another version of the text normalisation than the
 *                 indexed text's, says so (offsets may then point elsewhere); null when the versions agree
 * @param source   what became of the source file: {@value #SOURCE_SAME}, {@value #SOURCE_CHANGED},
 *                 {@value #SOURCE_MISSING} or {@value #SOURCE_UNCHECKED}; null when its source was deleted on purpose
 * @param indexed  whether the indexed text still holds the quotation at its offsets, with the SHA-256 quoted
 * @param newContent for a changed source file (not one inside a container): whether its new content is in the case and
 *                 holds the quoted words; else null
 */
public record Verification(String finding, long item, int position, String file, int start, int end, String status,
                           List<String> problems, String normaliserNote, String source, boolean indexed, NewContent newContent) {
    public static final String OK = "ok";
    /** The source file or the indexed text is no longer what was quoted. */
    public static final String CHANGED = "changed";
    /** The source file or the indexed document is gone. */
    public static final String VANISHED = "vanished";
    /** The source file could not be checked (where it is is not known, or it is inside a container). */
    public static final String UNCHECKED = "unchecked";
    /** The source was deleted on purpose (a journal or client record whose time was up): the quotation stays as it was. */
    public static final String SOURCE_DELETED = "source deleted";

    public static final String SOURCE_SAME = "same";
    public static final String SOURCE_CHANGED = "changed";
    public static final String SOURCE_MISSING = "missing";
    public static final String SOURCE_UNCHECKED = "unchecked";

    /**
     * What a changed source file's new content (a corrected file sent in its place) says of the quoted words.
     *
     * @param state {@value #ABSENT} (not ingested into the case), {@value #LACKS} (ingested, without the quoted words)
     *              or {@value #HOLDS} (ingested, with the words at {@code start}–{@code end})
     * @param docId the new content's document id, when it is in the case
     */
    public record NewContent(String state, String docId, Integer start, Integer end) {
        public static final String ABSENT = "absent";
        public static final String LACKS = "lacks";
        public static final String HOLDS = "holds";
    }

    /** Whether the quotation stands: ok, or its source was deleted on purpose (not changed). */
    public boolean stands() {
        return OK.equals(status) || SOURCE_DELETED.equals(status);
    }

    public Verification {
        problems = List.copyOf(problems);
    }
}
