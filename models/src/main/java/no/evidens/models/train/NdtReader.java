package no.evidens.models.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Norwegian Dependency Treebank in the CoNLL format NorNE distributes: one token a line
 * (ID, FORM, …, and a last column {@code name=B-PER}), sentences separated by blank lines, {@code |}
 * tokens marking a heading or paragraph end.
 *
 * <p>Name types are mapped to the Evidens set: PER → PER, ORG and GPE_ORG → ORG, LOC and GPE_LOC → LOC;
 * PROD, EVT, DRV and MISC become {@code O}.
 */
public final class NdtReader {
    private NdtReader() {
    }

    /** The sentences of one treebank file. */
    public static List<NdtSentence> read(Path file) throws IOException {
        List<NdtSentence> sentences = new ArrayList<>();
        List<NdtToken> tokens = new ArrayList<>();
        boolean paragraphEnd = false;
        int lineNo = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    if (!tokens.isEmpty()) {
                        sentences.add(new NdtSentence(tokens, paragraphEnd));
                    }
                    tokens = new ArrayList<>();
                    paragraphEnd = false;
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3) {
                    throw new IOException(file + ":" + lineNo + ": expected tab-separated CoNLL columns");
                }
                String form = cols[1];
                if (form.equals("|")) {
                    paragraphEnd = true;
                    continue;
                }
                tokens.add(new NdtToken(form, mapName(cols[cols.length - 1])));
            }
        }
        if (!tokens.isEmpty()) {
            sentences.add(new NdtSentence(tokens, paragraphEnd));
        }
        return sentences;
    }

    /**
     * Maps a NorNE tag ({@code name=B-GPE_LOC}, or a MISC column holding it among other fields) to
     * {@code B-LOC}; types outside PER, ORG, LOC and anything unknown give {@code O}.
     */
    public static String mapName(String column) {
        String tag = "O";
        for (String field : column.split("\\|")) {
            if (field.startsWith("name=")) {
                tag = field.substring(5);
            }
        }
        if (tag.length() < 3 || tag.charAt(1) != '-') {
            return "O";
        }
        String prefix = tag.substring(0, 2).toUpperCase(Locale.ROOT);
        String type = switch (tag.substring(2)) {
            case "PER" -> "PER";
            case "ORG", "GPE_ORG" -> "ORG";
            case "LOC", "GPE_LOC" -> "LOC";
            default -> null;
        };
        return type == null ? "O" : prefix + type;
    }
}
