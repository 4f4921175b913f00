package no.evidens.corpus.tags;

import java.util.List;

/**
 * A document of the tag gold data: its plain text (markup removed) and the marked spans.
 *
 * @param name  file name, e.g. {@code dev-01-styring-samarbeidsplan.txt}
 * @param split {@code dev} or {@code test} (the file name's prefix)
 */
public record GoldDocument(String name, String split, String text, List<GoldTag> tags) {
    public GoldDocument {
        tags = List.copyOf(tags);
    }

    public List<GoldTag> tags(String kind) {
        return tags.stream().filter(t -> t.kind().equals(kind)).toList();
    }
}
