package no.evidens.evaluation.tags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.evidens.corpus.indicators.OwnParagraphs;
import no.evidens.models.indicator.LabelledParagraph;

/**
 * The labelled paragraphs the indicator classifier is trained and scored on: the real excerpts'
 * paragraphs ({@code <eval-dev>/indicators/paragraphs.jsonl} and {@code gold.jsonl}, read from
 * {@code ../shared} at run time, never copied into the project) and the project's own fictional ones.
 * Split: real paragraphs of odd-numbered files and own paragraphs with odd ids are {@code dev}
 * (trained and tuned on); even ones are {@code test} (only scored).
 */
public final class EvalDevParagraphs {
    private EvalDevParagraphs() {
    }

    /** The real paragraphs of one split ({@code dev}, {@code test} or {@code all}). */
    public static List<LabelledParagraph> real(Path evalDev, String split) throws IOException {
        Path dir = evalDev.resolve("indicators");
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> gold = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                Set<String> labels = new HashSet<>();
                n.get("labels").forEach(l -> labels.add(l.asText()));
                gold.put(n.get("id").asText(), labels);
            }
        }
        List<LabelledParagraph> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("paragraphs.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            String id = n.get("id").asText();
            if (!gold.containsKey(id)) {
                throw new IOException("no gold labels for paragraph " + id);
            }
            if (inSplit(fileNumber(id), split)) {
                out.add(new LabelledParagraph(id, n.get("text").asText(), gold.get(id)));
            }
        }
        return out;
    }

    /** The project's own fictional paragraphs of one split. */
    public static List<LabelledParagraph> own(String split) {
        return OwnParagraphs.all().stream().filter(p -> "all".equals(split) || p.split().equals(split))
                .map(p -> new LabelledParagraph(p.id(), p.text(), p.labels())).toList();
    }

    /** The number of the excerpt file a paragraph id comes from ({@code 027-3} → 27). */
    static int fileNumber(String id) {
        return Integer.parseInt(id.substring(0, id.indexOf('-')));
    }

    private static boolean inSplit(int file, String split) {
        return "all".equals(split) || ("dev".equals(split) == (file % 2 == 1));
    }
}
