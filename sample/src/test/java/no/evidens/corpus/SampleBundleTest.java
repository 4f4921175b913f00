package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleBundleTest {

    @TempDir
    static Path outA;

    @TempDir
    static Path outB;

    static List<SampleDocument> documents;
    static List<Path> writtenA;

    @BeforeAll
    static void render() throws IOException {
        documents = SampleBundle.documents();
        writtenA = SampleBundle.writeTo(outA);
    }

    private static Path fileOf(Path dir, SampleDocument doc) {
        return dir.resolve(doc.path());
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static SampleDocument byPath(String path) {
        return documents.stream().filter(d -> d.path().equals(path)).findFirst()
            .orElseThrow(() -> new AssertionError("no document " + path));
    }

    @Test
    void bundleCoversAllTypesAndFormats() {
        assertTrue(documents.size() >= 10, "at least 10 documents, got " + documents.size());
        Set<String> types = documents.stream().map(SampleDocument::type).collect(Collectors.toSet());
        assertEquals(Set.of("styringsdokument", "journal", "klientdokumentasjon"), types);
        Set<String> formats = documents.stream().map(SampleDocument::format).collect(Collectors.toSet());
        assertEquals(Set.of("pdf", "docx", "html", "txt"), formats);
        assertEquals("fjordvik-2026", SampleBundle.CASE_ID);
    }

    @Test
    void everyRowRendersToItsPath() throws IOException {
        assertEquals(documents.size(), writtenA.size());
        assertEquals(SampleBundle.entries().size(), documents.size());
        for (SampleDocument doc : documents) {
            Path file = fileOf(outA, doc);
            assertTrue(writtenA.contains(file), doc.path());
            assertTrue(Files.size(file) > 0, doc.path());
            assertFalse(doc.expectedText().endsWith("\n"), doc.path());
            assertFalse(doc.expectedText().contains(SourceText.PAGE_BREAK), doc.path());
            assertTrue(doc.expectedText().startsWith(doc.title() + "\n\n"), "title is the first paragraph: " + doc.path());
        }
    }

    @Test
    void pdfPagesHoldTheExpectedTextOfEachPage() throws IOException {
        List<SampleDocument> pdfs = documents.stream().filter(d -> d.format().equals("pdf")).toList();
        assertTrue(pdfs.size() >= 2);
        for (SampleDocument doc : pdfs) {
            try (PDDocument pdf = Loader.loadPDF(fileOf(outA, doc).toFile())) {
                assertEquals(doc.pageCount(), pdf.getNumberOfPages(), doc.path());
                for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    assertEquals(collapse(doc.pageText(page)), collapse(stripper.getText(pdf)),
                        doc.path() + " page " + page);
                }
                PDFTextStripper all = new PDFTextStripper();
                assertEquals(collapse(doc.expectedText()), collapse(all.getText(pdf)), doc.path());
            }
        }
    }

    @Test
    void samarbeidsplanHasThreePagesAndAQuotationOnPageTwo() {
        SampleDocument plan = byPath("styringsdokumenter/samarbeidsplan.pdf");
        assertTrue(plan.pageCount() >= 3, "pages: " + plan.pageCount());
        String page2 = plan.pageText(2);
        Matcher quote = Pattern.compile("«[^»]+»").matcher(page2);
        assertTrue(quote.find(), "a complete «quotation» on page 2");
        int offset = plan.pageStarts().get(1) + quote.start();
        assertEquals(2, plan.pageOf(offset));
        assertEquals(2, plan.pageOf(plan.pageStarts().get(1) + quote.end() - 1));
        // Page 2 starts at a forced break; at least one later page starts inside a paragraph.
        assertTrue(plan.expectedText().startsWith("\n\n", plan.pageStarts().get(1) - 2));
        assertTrue(plan.pageStarts().stream().skip(1)
            .anyMatch(start -> plan.expectedText().charAt(start - 1) == ' '), "an automatic break mid-paragraph");
    }

    @Test
    void renderingIsDeterministic() throws IOException {
        List<Path> writtenB = SampleBundle.writeTo(outB);
        assertEquals(writtenA.size(), writtenB.size());
        for (SampleDocument doc : documents) {
            assertArrayEquals(Files.readAllBytes(fileOf(outA, doc)), Files.readAllBytes(fileOf(outB, doc)),
                doc.path());
        }
        assertArrayEquals(Files.readAllBytes(outA.resolve("manifest.csv")),
            Files.readAllBytes(outB.resolve("manifest.csv")));
    }

    @Test
    void duplicateIsByteIdenticalToItsOriginal() throws IOException {
        Map<String, List<String>> bySource = new HashMap<>();
        for (SampleBundle.Entry entry : SampleBundle.entries()) {
            bySource.computeIfAbsent(entry.source() + "|" + entry.format(), k -> new ArrayList<>())
                .add(entry.path());
        }
        List<List<String>> groups = bySource.values().stream().filter(g -> g.size() > 1).toList();
        assertEquals(1, groups.size(), "exactly one duplicated document");
        List<String> group = groups.get(0);
        byte[] original = Files.readAllBytes(outA.resolve(group.get(0)));
        for (String copy : group.subList(1, group.size())) {
            assertArrayEquals(original, Files.readAllBytes(outA.resolve(copy)), copy);
        }
        // No other two files are identical: the duplicate is the only one.
        Set<String> digests = new HashSet<>();
        for (SampleDocument doc : documents) {
            digests.add(java.util.HexFormat.of().formatHex(Files.readAllBytes(fileOf(outA, doc))));
        }
        assertEquals(documents.size() - (group.size() - 1), digests.size());
    }

    @Test
    void manifestListsEveryDocumentOnce() throws IOException {
        List<List<String>> rows = parseCsv(Files.readString(outA.resolve("manifest.csv")));
        assertEquals(List.of("path", "type", "title", "date", "service"), rows.get(0));
        List<List<String>> body = rows.subList(1, rows.size());
        assertEquals(documents.size(), body.size());
        Set<String> paths = new HashSet<>();
        for (List<String> row : body) {
            assertTrue(paths.add(row.get(0)), "listed twice: " + row.get(0));
            SampleDocument doc = byPath(row.get(0));
            assertEquals(List.of(doc.path(), doc.type(), doc.title(), doc.date().toString()), row.subList(0, 4));
            assertTrue(Set.of("kommunen", "barnevern", "helse", "nav").contains(row.get(4)), "service of " + row.get(0));
        }
    }

    @Test
    void docxParagraphsJoinToTheExpectedText() throws IOException {
        List<SampleDocument> docxs = documents.stream().filter(d -> d.format().equals("docx")).toList();
        assertTrue(docxs.size() >= 2);
        for (SampleDocument doc : docxs) {
            try (InputStream in = Files.newInputStream(fileOf(outA, doc));
                 XWPFDocument docx = new XWPFDocument(in)) {
                List<XWPFParagraph> paragraphs = docx.getParagraphs();
                assertEquals(DocxRenderer.HEADING_STYLE, paragraphs.get(0).getStyle(), doc.path());
                String joined = paragraphs.stream().map(XWPFParagraph::getText)
                    .collect(Collectors.joining("\n\n"));
                assertEquals(doc.expectedText(), joined, doc.path());
                assertEquals(doc.title(), docx.getProperties().getCoreProperties().getTitle());
            }
        }
    }

    @Test
    void htmlAndTxtCarryTheExpectedText() throws IOException {
        for (SampleDocument doc : documents) {
            if (doc.format().equals("txt")) {
                assertEquals(doc.expectedText() + "\n",
                    Files.readString(fileOf(outA, doc), StandardCharsets.UTF_8), doc.path());
            } else if (doc.format().equals("html")) {
                String html = Files.readString(fileOf(outA, doc), StandardCharsets.UTF_8);
                assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"nb\">"), doc.path());
                assertTrue(html.contains("<meta charset=\"utf-8\">"), doc.path());
                Matcher m = Pattern.compile("<(h1|p)>(.*?)</\\1>").matcher(html);
                List<String> blocks = new ArrayList<>();
                while (m.find()) {
                    blocks.add(unescape(m.group(2)));
                }
                assertEquals(doc.expectedText(), String.join("\n\n", blocks), doc.path());
            }
        }
    }

    @Test
    void sharedSearchTermsCoOccur() {
        long both = documents.stream().map(SampleDocument::expectedText)
            .filter(t -> t.contains("ansvarsgruppe") && t.contains("barnevern") && t.contains("NAV"))
            .count();
        assertTrue(both >= 3, "documents with ansvarsgruppe, barnevern and NAV: " + both);
        assertTrue(documents.stream().anyMatch(d -> d.expectedText().contains("01017012345")));
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
            .replace("&amp;", "&");
    }

    /** A small RFC 4180 reader, enough for the manifest. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(field.length() == 0 && row.isEmpty(), "manifest ends with CRLF");
        return rows;
    }
}
