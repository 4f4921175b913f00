package no.evidens.corpus.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotation gold for the treebank's dev part, kept as <b>offsets only</b> (a file {@value #RESOURCE}, in the gold folder,
 * the repository's {@code gold/}): document (treebank
 * file), start, end and a check of the span's text. The text comes from {@code ../shared} at run time; the
 * evaluation builds it (see its header) and compares the check before it scores.
 *
 * <p>Labelled by hand: candidate spans from simple mark pairing and dash-opened sentences, each read in its
 * context and kept, cut (a turn's end) or dropped, and the quotations the candidates missed added.
 */
public final class TreebankQuoteGold {
    public static final String RESOURCE = "treebank-quotes.tsv";

    /** One quotation: the document, the inner span, the check of its text. */
    public record Span(String document, int start, int end, String check) {
    }

    private TreebankQuoteGold() {
    }

    /** Every gold quotation of {@code file}, in file order. */
    public static List<Span> load(Path file) {
        List<Span> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 4 columns");
                }
                out.add(new Span(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
