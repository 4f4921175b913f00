package no.evidens.models.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import no.evidens.models.train.NdtReader;

/**
 * Reads CoNLL-U with {@code # text =} sentence text, {@code SpaceAfter=No} and NorNE name tags
 * ({@code name=B-PER}) in MISC. {@code # newdoc} starts a document, {@code # newpar} a paragraph.
 * Token offsets are found by aligning each FORM with the sentence text; multi-word ranges and empty
 * nodes are skipped.
 */
public final class ConlluReader {
    /** A token with its offsets into its sentence text and its mapped BIO name tag. */
    public record Token(String form, int start, int end, String name) {
    }

    /** A sentence: its raw text, whether it opens a paragraph, its tokens. */
    public record Sentence(String text, boolean newParagraph, List<Token> tokens) {
        public Sentence {
            tokens = List.copyOf(tokens);
        }
    }

    /** A document: its sentences in order. */
    public record Document(List<Sentence> sentences) {
        public Document {
            sentences = List.copyOf(sentences);
        }
    }

    private ConlluReader() {
    }

    /** Reads all documents; a file without {@code # newdoc} is one document. */
    public static List<Document> read(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        List<Document> documents = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        String text = null;
        boolean newPar = false;
        int lineNo = 0;
        for (String line = reader.readLine(); ; line = reader.readLine()) {
            lineNo++;
            if (line == null || line.isBlank()) {
                if (!rows.isEmpty()) {
                    sentences.add(sentence(text, newPar, rows, lineNo));
                    rows.clear();
                    text = null;
                    newPar = false;
                }
                if (line == null) {
                    break;
                }
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("# newdoc")) {
                    if (!sentences.isEmpty()) {
                        documents.add(new Document(sentences));
                        sentences = new ArrayList<>();
                    }
                    newPar = true;
                } else if (line.startsWith("# newpar")) {
                    newPar = true;
                } else if (line.startsWith("# text =")) {
                    text = line.substring("# text =".length()).strip();
                }
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 10) {
                throw new IOException("line " + lineNo + ": expected 10 tab-separated columns, found " + cols.length);
            }
            if (cols[0].contains("-") || cols[0].contains(".")) {
                continue;
            }
            rows.add(cols);
        }
        if (!sentences.isEmpty()) {
            documents.add(new Document(sentences));
        }
        return documents;
    }

    private static Sentence sentence(String text, boolean newPar, List<String[]> rows, int lineNo) throws IOException {
        if (text == null) {
            StringBuilder b = new StringBuilder();
            for (String[] cols : rows) {
                b.append(cols[1]);
                if (!cols[9].contains("SpaceAfter=No")) {
                    b.append(' ');
                }
            }
            text = b.toString().strip();
        }
        List<Token> tokens = new ArrayList<>();
        int cursor = 0;
        for (String[] cols : rows) {
            String form = cols[1];
            while (cursor < text.length() && Character.isWhitespace(text.charAt(cursor))) {
                cursor++;
            }
            int start = text.startsWith(form, cursor) ? cursor : text.indexOf(form, cursor);
            if (start < 0) {
                throw new IOException("sentence ending near line " + lineNo + ": token '" + form
                        + "' not found in its # text");
            }
            tokens.add(new Token(form, start, start + form.length(), NdtReader.mapName(cols[9])));
            cursor = start + form.length();
        }
        return new Sentence(text, newPar, tokens);
    }
}
