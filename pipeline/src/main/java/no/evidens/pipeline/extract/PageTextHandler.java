package no.evidens.pipeline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the body text of Tika's XHTML output and where each page begins ({@code <div class="page">},
 * as Tika writes for PDF). Tika's own text handlers keep no page offsets, hence this one. It stops
 * with Tika's {@link WriteLimitReachedException} past a deliberate character limit, never silently.
 */
final class PageTextHandler extends DefaultHandler {
    /** Tika's XHTML elements that end a paragraph. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
            "tr", "blockquote", "pre", "table", "ul", "ol");
    private static final char[] PARAGRAPH_END = {'\n', '\n'};
    private static final char[] CELL_END = {' '};
    /**
     * Written between two cells of a row that hold text, so that neighbouring cells never read as one
     * phrase and a row stays one line: {@code 2022 | 87 | 12}. Empty cells add nothing.
     */
    static final String CELL_SEPARATOR = " | ";

    private final StringBuilder text = new StringBuilder();
    private final List<Integer> pageStarts = new ArrayList<>();
    private final int maxChars;
    private int headDepth;
    /** Inside a table cell a paragraph ends the cell's line, not the row: a row stays one line. */
    private int cellDepth;
    /** Whether a cell of the current row has written text: the next cell's text then starts with a separator. */
    private boolean rowHasText;
    /** Whether the current cell has written text yet. */
    private boolean cellHasText;

    /** Names to write before each table, in order (an ODS file's sheet names, which Tika leaves out). */
    private final java.util.Deque<String> tableNames = new java.util.ArrayDeque<>();

    PageTextHandler(int maxChars) {
        this.maxChars = maxChars;
    }

    void nameTables(List<String> names) {
        tableNames.addAll(names);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        if ("head".equals(name) || headDepth > 0) {
            headDepth++;
        } else if ("table".equals(name) && !tableNames.isEmpty()) {
            char[] title = (tableNames.removeFirst() + "\n\n").toCharArray();
            characters(title, 0, title.length);
        } else if ("tr".equals(name)) {
            rowHasText = false;
        } else if ("td".equals(name) || "th".equals(name)) {
            if (cellDepth == 0) {
                cellHasText = false;
            }
            cellDepth++;
        } else if ("div".equals(name) && "page".equals(atts.getValue("class"))) {
            pageStarts.add(text.length());
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        if (headDepth > 0) {
            headDepth--;
        } else if ("td".equals(name) || "th".equals(name)) {
            cellDepth = Math.max(0, cellDepth - 1);
            characters(CELL_END, 0, CELL_END.length);
        } else if (cellDepth > 0 && "p".equals(name)) {
            characters(CELL_END, 0, CELL_END.length);
        } else if (PARAGRAPHS.contains(name)) {
            // The end of a block ends a paragraph, whatever white space the format put there.
            characters(PARAGRAPH_END, 0, PARAGRAPH_END.length);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (headDepth > 0) {
            return;
        }
        if (cellDepth > 0 && !cellHasText && !isBlank(ch, start, length)) {
            cellHasText = true;
            if (rowHasText) {
                append(CELL_SEPARATOR.toCharArray(), 0, CELL_SEPARATOR.length());
            }
            rowHasText = true;
        }
        append(ch, start, length);
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        if (text.length() + length > maxChars) {
            throw new WriteLimitReachedException(maxChars);
        }
        text.append(ch, start, length);
    }

    private static boolean isBlank(char[] ch, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (!Character.isWhitespace(ch[i]) && !Character.isSpaceChar(ch[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    String text() {
        return text.toString();
    }

    /** Page starts, always beginning with 0: anything before the first page belongs to page 1. */
    List<Integer> pageStarts() {
        List<Integer> out = new ArrayList<>(pageStarts);
        if (out.isEmpty()) {
            out.add(0);
        } else {
            out.set(0, 0);
        }
        return out;
    }
}
