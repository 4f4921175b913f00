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
 */
public record Verification(String finding, long item, int position, String file, int start, int end, String status,
                           List<String> problems, String normaliserNote) {
    public static final String OK = "ok";
    /** The source file or the indexed text is no longer what was quoted. */
    public static final String CHANGED = "changed";
    /** The source file or the indexed document is gone. */
    public static final String VANISHED = "vanished";
    /** The source file could not be checked (where it is is not known, or it is inside a container). */
    public static final String UNCHECKED = "unchecked";
    /** The source was deleted on purpose (a journal or client record whose time was up): the quotation stays as it was. */
    public static final String SOURCE_DELETED = "source deleted";

    /** Whether the quotation stands: ok, or its source was deleted on purpose (not changed). */
    public boolean stands() {
        return OK.equals(status) || SOURCE_DELETED.equals(status);
    }

    public Verification {
        problems = List.copyOf(problems);
    }
}
