package no.evidens.corpus.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Fictional paragraphs written for Evidens, labelled with the indicator categories
 * ({@value #RESOURCE}): training data the project owns for the indicator classifier, and a small
 * held-out part. A paragraph whose id ends in an odd number is {@code dev} (trained and tuned on), an
 * even one {@code test} (scored only).
 */
public final class OwnParagraphs {
    public static final String RESOURCE = "/indicator-gold/own-paragraphs.tsv";

    /** One labelled paragraph. */
    public record Paragraph(String id, String split, Set<String> labels, String text) {
    }

    private OwnParagraphs() {
    }

    /** Every paragraph of the file, in file order. */
    public static List<Paragraph> all() {
        List<Paragraph> out = new ArrayList<>();
        try (InputStream in = OwnParagraphs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line : r.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                if (cols.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": expected id, labels, text in: " + cols[0]);
                }
                Set<String> labels = "-".equals(cols[1]) ? Set.of() : Set.copyOf(Arrays.asList(cols[1].split(",")));
                int n = Integer.parseInt(cols[0].replaceAll("\\D", ""));
                out.add(new Paragraph(cols[0], n % 2 == 1 ? "dev" : "test", labels, cols[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
