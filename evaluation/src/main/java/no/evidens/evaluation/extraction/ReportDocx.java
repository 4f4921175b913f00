package no.evidens.evaluation.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;

/**
 * A text rendered as a Word report the way supervision reports come: one Word paragraph per paragraph
 * of the text (paragraphs split at blank lines, lines joined), a running header
 * «Statsforvaltaren – rapport frå tilsyn» and a footer «Side N» with Word's page field, neither of
 * which is part of the report's text.
 */
public final class ReportDocx {
    static final String HEADER = "Statsforvaltaren – rapport frå tilsyn";

    /** The Word file and the text it should give. */
    public record Rendered(byte[] bytes, String expectedText) {
    }

    private ReportDocx() {
    }

    public static Rendered render(String text) throws IOException {
        List<String> paragraphs = paragraphs(text);
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(HEADER);
            XWPFParagraph footer = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
            footer.createRun().setText("Side ");
            CTSimpleField page = footer.getCTP().addNewFldSimple();
            page.setInstr("PAGE \\* MERGEFORMAT");
            page.addNewR().addNewT().setStringValue("1");
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return new Rendered(out.toByteArray(), String.join("\n\n", paragraphs));
        }
    }

    /** Paragraphs at blank lines, each one line with single spaces. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.strip().split("\\R\\s*\\R")) {
            String p = block.strip().replaceAll("\\s+", " ");
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
