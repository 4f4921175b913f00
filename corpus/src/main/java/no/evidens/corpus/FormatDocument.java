package no.evidens.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One document of the {@link FormatBundle}, with what ingesting it must give.
 *
 * <p>A document is a file of the bundle ({@code pdf/tilsynsrapport-en-spalte.pdf}) or a document
 * inside one: an e-mail attachment or a ZIP entry, cited as {@code epost/x.eml!/vedlegg.pdf} and
 * {@code arkiv/a.zip!/indre.zip!/b.odt}.
 *
 * @param path           path in the bundle, '/' separators; {@code !/} steps into a container
 * @param format         pdf, docx, doc, odt, rtf, xlsx, ods, html, txt, eml, msg, zip, png (the real content,
 *                       which for the hostile files may differ from the extension), or "" for an empty file
 * @param title          a title for people
 * @param date           the document date
 * @param expectedStatus {@value #INDEXED}, {@value #FAILED}, or {@value #CONTAINER} for a ZIP whose entries
 *                       are documents of their own
 * @param reasonKeyword  for a failed document, a word the receipt's reason must contain; "" otherwise
 * @param needsOcr       the text exists only as pictures: without Tesseract the document must be failed
 *                       with reason "needs OCR", never indexed as empty
 * @param expectedText   what faithful extraction plus normalisation must give ("" when failed or a container)
 * @param pageStarts     offsets in expectedText where page 1, 2, 3 … begin; [0] for formats without pages
 * @param quotations     every «quotation» of expectedText, in order
 * @param note           what the document is there to test
 */
public record FormatDocument(String path, String format, String title, LocalDate date, String expectedStatus,
                             String reasonKeyword, boolean needsOcr, String expectedText,
                             List<Integer> pageStarts, List<Quotation> quotations, String note) {

    public static final String INDEXED = "indexed";
    public static final String FAILED = "failed";
    public static final String CONTAINER = "container";

    /** The reason a document that needs OCR must be failed with where Tesseract is absent. */
    public static final String NEEDS_OCR = "needs OCR";

    private static final Pattern QUOTATION = Pattern.compile("«[^«»]*»");

    /**
     * A quotation in the expected text: {@code text} equals {@code expectedText.substring(start, end)}
     * and includes the guillemets.
     */
    public record Quotation(int start, int end, String text) {

        /** The quoted words without the guillemets. */
        public String inner() {
            return text.substring(1, text.length() - 1);
        }
    }

    public FormatDocument {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reasonKeyword, "reasonKeyword");
        Objects.requireNonNull(expectedText, "expectedText");
        Objects.requireNonNull(note, "note");
        if (!List.of(INDEXED, FAILED, CONTAINER).contains(expectedStatus)) {
            throw new IllegalArgumentException("bad expectedStatus " + expectedStatus + ": " + path);
        }
        if (expectedStatus.equals(FAILED) == reasonKeyword.isEmpty()) {
            throw new IllegalArgumentException("a failed document, and only that, has a reason keyword: " + path);
        }
        pageStarts = List.copyOf(pageStarts);
        quotations = List.copyOf(quotations);
        if (pageStarts.isEmpty() || pageStarts.get(0) != 0) {
            throw new IllegalArgumentException("pageStarts must begin with 0: " + path);
        }
    }

    /** Every «quotation» (without nested guillemets) of a text. */
    static List<Quotation> quotationsOf(String text) {
        List<Quotation> quotations = new ArrayList<>();
        Matcher m = QUOTATION.matcher(text);
        while (m.find()) {
            quotations.add(new Quotation(m.start(), m.end(), m.group()));
        }
        return quotations;
    }

    /** True for a document inside an e-mail or a ZIP. */
    public boolean isChild() {
        return path.contains("!/");
    }

    /** The file of the bundle that holds this document: the part of the path before the first {@code !/}. */
    public String file() {
        int bang = path.indexOf("!/");
        return bang < 0 ? path : path.substring(0, bang);
    }

    public int pageCount() {
        return pageStarts.size();
    }

    /** The 1-based page that the character at {@code offset} of expectedText lies on. */
    public int pageOf(int offset) {
        return Pages.pageOf(pageStarts, expectedText, offset);
    }

    /** The expected text of one page (1-based). */
    public String pageText(int page) {
        return Pages.pageText(pageStarts, expectedText, page);
    }

    /** True if the quotation starts on one page and ends on a later one. */
    public boolean crossesPageBreak(Quotation quotation) {
        return pageOf(quotation.start()) != pageOf(quotation.end() - 1);
    }

    /** The quotations that start on one page and end on a later one. */
    public List<Quotation> quotationsAcrossPages() {
        return quotations.stream().filter(this::crossesPageBreak).toList();
    }

    /** The same document as a {@link SampleDocument} (type from the top folder, so "annet"). */
    public SampleDocument toSampleDocument() {
        return new SampleDocument(path, format, title, date, SampleDocument.typeOf(path), expectedText, pageStarts);
    }
}
